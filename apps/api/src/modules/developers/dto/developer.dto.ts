import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@api/common/auth/roles';
import { PageQueryDto } from '@api/common/http/pagination';

const TEAM = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$/;
const TEAM_MESSAGE = 'team must be 1-63 letters, digits, spaces, dots, dashes or underscores';

export class CreateDeveloperDto {
  @ApiProperty({ example: 'Ada Lovelace' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'ada@example.com' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiPropertyOptional({ default: 'default', example: 'platform' }) @IsOptional() @IsString() @Matches(TEAM, { message: TEAM_MESSAGE }) team?: string;
  @ApiPropertyOptional({ enum: ROLES, default: 'developer' }) @IsOptional() @IsIn(ROLES) role?: Role;
}

export class UpdateDeveloperDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(TEAM, { message: TEAM_MESSAGE }) team?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'true reactivates a deactivated developer' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ListDevelopersQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(63) team?: string;
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active_only?: boolean;
  @ApiPropertyOptional({ description: 'Matches name or email' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
}

export class DeveloperDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() team!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) deactivated_at!: string | null;
  @ApiProperty() created_at!: string;
  @ApiProperty() updated_at!: string;
}

export class DeveloperPageDto {
  @ApiProperty({ type: [DeveloperDto] }) items!: DeveloperDto[];
  @ApiProperty({ nullable: true, type: String }) next_cursor!: string | null;
}

export class KeyRevocationOutcomeDto {
  @ApiProperty() key_id!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty({ enum: ['revoked', 'already_revoked', 'revoke_failed'] }) outcome!: string;
  @ApiPropertyOptional() error?: string;
}

export class DeveloperDeactivationDto {
  @ApiProperty({ type: DeveloperDto }) developer!: DeveloperDto;
  @ApiProperty({ type: [KeyRevocationOutcomeDto], description: 'Per-key outcome of revoking this developer’s keys at the vendors' })
  keys!: KeyRevocationOutcomeDto[];
}
