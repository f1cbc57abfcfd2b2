import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsStringMap } from '@api/common/http/is-string-map';

const LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$/;
const SETTINGS_DESCRIPTION = 'Non-secret vendor settings. Anthropic: workspace_scope = developer (default: one workspace per developer) or team (one workspace per team).';

export class ConfigureVendorDto {
  @ApiProperty({ example: 'openai', description: 'openai | anthropic | azure_openai | google_vertex, or a custom vendor id' })
  @IsString() @MaxLength(64) vendor!: string;
  @ApiProperty({ description: 'The vendor admin credential (OpenAI admin key, Anthropic admin key, Azure client secret, GCP service-account JSON). Stored encrypted; never returned.' })
  @IsString() @MinLength(8) @MaxLength(16_384) admin_api_key!: string;
  @ApiPropertyOptional({ description: 'Vendor organization id (OpenAI org, Anthropic org)' }) @IsOptional() @IsString() @MaxLength(200) org_id?: string;
  @ApiPropertyOptional({ description: 'Vendor settings: tenant_id, client_id, subscription_id, resource_group, location, project_id, workspace_scope (Anthropic: developer or team), …', type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional() @IsObject() @IsStringMap() extra_config?: Record<string, string>;
}

export class CreateConnectionDto {
  @ApiProperty({ example: 'openai' }) @IsString() @MaxLength(64) vendor!: string;
  @ApiProperty({ example: 'production', description: 'Unique per vendor' }) @IsString() @Matches(LABEL, { message: 'label must be 1-63 letters, digits, spaces, dots, dashes or underscores' }) label!: string;
  @ApiProperty({ description: 'The vendor admin credential; stored encrypted, never returned' }) @IsString() @MinLength(8) @MaxLength(16_384) admin_api_key!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: SETTINGS_DESCRIPTION }) @IsOptional() @IsObject() @IsStringMap() settings?: Record<string, string>;
}

export class UpdateConnectionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(LABEL, { message: 'label must be 1-63 letters, digits, spaces, dots, dashes or underscores' }) label?: string;
  @ApiPropertyOptional({ description: 'Replaces the stored credential' }) @IsOptional() @IsString() @MinLength(8) @MaxLength(16_384) admin_api_key?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: `Replaces all settings. ${SETTINGS_DESCRIPTION}` })
  @IsOptional() @IsObject() @IsStringMap() settings?: Record<string, string>;
}

export class ConnectionCheckDto {
  @ApiProperty({ enum: ['unchecked', 'ok', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) checked_at!: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) detail!: Record<string, unknown> | null;
}

export class ConnectionDto {
  @ApiProperty() id!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ example: 'sk-admin-…x9Qz', description: 'Masked hint; the credential itself is never returned' }) credential_hint!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) settings!: Record<string, string>;
  @ApiProperty({ type: ConnectionCheckDto }) last_check!: ConnectionCheckDto;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class VendorSummaryDto {
  @ApiProperty() vendor!: string;
  @ApiProperty() configured!: boolean;
  @ApiProperty({ type: [ConnectionDto] }) connections!: ConnectionDto[];
}
