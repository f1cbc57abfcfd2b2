import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@api/common/auth/roles';

export class CreateUserDto {
  @ApiProperty({ example: 'grace@example.com' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'Grace Hopper' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ minLength: 12, description: 'Initial password; share it with the user over a safe channel' })
  @IsString() @MinLength(12) @MaxLength(1024) password!: string;
  @ApiPropertyOptional({ description: 'Link this sign-in to a developer, so they see their own keys' })
  @IsOptional() @IsUUID() developer_id?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions' }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ minLength: 12, description: 'Password reset; ends their sessions' })
  @IsOptional() @IsString() @MinLength(12) @MaxLength(1024) password?: string;
}

export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) locked_until!: string | null;
  @ApiProperty({ nullable: true, type: String }) last_login_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) developer_id!: string | null;
  @ApiProperty() created_at!: string;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty({ nullable: true, type: String }) next_cursor!: string | null;
}
