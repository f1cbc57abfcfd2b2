import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@api/common/http/pagination';
import { KEY_STATES, KeyState } from '@api/modules/keys/lifecycle/key-state';

export class ListKeysQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) vendor?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() developer_id?: string;
  @ApiPropertyOptional({ enum: KEY_STATES, description: 'Every state when omitted' }) @IsOptional() @IsIn(KEY_STATES) status?: KeyState;
}

export class KeyInstructionsDto {
  @ApiProperty() base_url!: string;
  @ApiProperty() auth_header!: string;
}

export class FieldEnforcementDto {
  @ApiProperty({ enum: ['vendor', 'keygate', 'none'] }) enforced_by!: string;
  @ApiProperty() note!: string;
}

export class KeyDto {
  @ApiProperty() key_id!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty() developer_id!: string;
  @ApiProperty({ nullable: true, type: String }) developer_name!: string | null;
  @ApiProperty() connection_id!: string;
  @ApiProperty({
    enum: KEY_STATES,
    description: 'suspended: the monthly budget (enforced by KeyGate) is spent; the key is disabled at the vendor until suspended_until, then re-enabled. A suspended key can be revoked, not rotated.',
  })
  status!: KeyState;
  @ApiProperty({ nullable: true, type: String }) key_hint!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The vendor scope (project, workspace, account…) made for this developer' }) project_name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'While suspended: when the key is re-enabled (start of the next UTC month)' }) suspended_until!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Month-to-date cost (USD) last read from the vendor, for budgets KeyGate enforces; null when never read' }) month_spend_usd!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'When month_spend_usd was read' }) spend_checked_at!: string | null;
  @ApiProperty() budget_limit_usd!: number;
  @ApiProperty() rate_limit_rpm!: number;
  @ApiProperty({ nullable: true, type: [String] }) models_allowed!: string[] | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() expires_at!: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) instructions!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldEnforcementDto' }, description: 'Per policy field, who enforces it (as in GET /vendors/capabilities)' })
  enforcement!: Record<string, FieldEnforcementDto>;
  @ApiProperty({ description: 'True when the vendor-side policy no longer matches' }) drift!: boolean;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'Per field: expected and actual' }) drift_details!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) drift_checked_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) rotated_from!: string | null;
  @ApiProperty({ nullable: true, type: String }) superseded_by!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a rotated-out key will be revoked' }) revoke_after!: string | null;
  @ApiProperty({ nullable: true, type: String }) last_error!: string | null;
  @ApiProperty() revoke_attempts!: number;
  @ApiProperty({ nullable: true, type: String }) revoked_at!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class KeyPageDto {
  @ApiProperty({ type: [KeyDto] }) items!: KeyDto[];
  @ApiProperty({ nullable: true, type: String }) next_cursor!: string | null;
}

export class ProvisionedKeyDto {
  @ApiProperty() key_id!: string;
  @ApiProperty() vendor!: string;
  @ApiPropertyOptional({ description: 'The key itself: returned exactly once, never stored. Absent on an idempotent replay.' }) api_key?: string;
  @ApiPropertyOptional({ description: 'true on an idempotent replay: the secret was delivered to the first request' }) secret_delivered?: boolean;
  @ApiProperty({ nullable: true, type: String }) key_hint!: string | null;
  @ApiProperty({ nullable: true, type: String }) project_name!: string | null;
  @ApiProperty() budget_limit_usd!: number;
  @ApiProperty() rate_limit_rpm!: number;
  @ApiProperty({ nullable: true, type: [String] }) models_allowed!: string[] | null;
  @ApiProperty() expires_at!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: KeyInstructionsDto }) instructions!: KeyInstructionsDto;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldEnforcementDto' }, description: 'Per policy field, who enforces it' })
  enforcement!: Record<string, FieldEnforcementDto>;
  @ApiPropertyOptional({ nullable: true, type: String }) rotated_from?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Rotation: when the old key stops working' }) old_key_revoke_after?: string | null;
}

export class KeyIdentificationDto {
  @ApiProperty() found!: boolean;
  @ApiProperty({ nullable: true, type: KeyDto }) key!: KeyDto | null;
}

export class RevokeKeyResultDto extends KeyDto {}
