import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditFilterDto {
  @ApiPropertyOptional({ description: 'Exact action, or a prefix ending in * (e.g. "key.*")' })
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ description: 'Actor id or email' }) @IsOptional() @IsString() @MaxLength(320) actor?: string;
  @ApiPropertyOptional({ description: 'Target id' }) @IsOptional() @IsString() @MaxLength(200) target?: string;
  @ApiPropertyOptional({ description: 'ISO 8601; inclusive' }) @IsOptional() @IsISO8601({ strict: true }) since?: string;
  @ApiPropertyOptional({ description: 'ISO 8601; exclusive' }) @IsOptional() @IsISO8601({ strict: true }) until?: string;
}

export class AuditQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ description: 'next_cursor of the previous page' }) @IsOptional() @IsString() @MaxLength(100) cursor?: string;
}
