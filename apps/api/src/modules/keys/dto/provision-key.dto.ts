import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class ProvisionKeyDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() developer_id!: string;
  @ApiProperty({ example: 'openai', description: 'openai | anthropic | azure_openai | google_vertex, or a custom vendor id' })
  @IsString() @MaxLength(64) vendor!: string;
  @ApiPropertyOptional({ default: 50, minimum: 0, description: 'Monthly budget in USD' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) @Min(0) @Max(1_000_000) budget_limit_usd?: number;
  @ApiPropertyOptional({ default: 60, minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) rate_limit_rpm?: number;
  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 365 }) @IsOptional() @IsInt() @Min(1) @Max(365) expires_in_days?: number;
  @ApiPropertyOptional({ type: [String], description: 'Model ids the key may use; omitted = every model' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @Matches(/^[A-Za-z0-9._:\/-]{1,128}$/, { each: true, message: 'models_allowed must be model ids' })
  models_allowed?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Which connection of the vendor; default: the oldest one' }) @IsOptional() @IsUUID() connection_id?: string;
}

export class RotateKeyDto {
  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 604800, description: 'Seconds the old key keeps working after the new one is issued' })
  @IsOptional() @IsInt() @Min(0) @Max(604_800) grace_seconds?: number;
}

export class IdentifyKeyDto {
  @ApiProperty({ description: 'The leaked key; only its fingerprint is computed, nothing is stored' }) @IsString() @MaxLength(8192) api_key!: string;
}
