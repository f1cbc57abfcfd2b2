import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.com' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @MinLength(1) @MaxLength(1024) password!: string;
  @ApiPropertyOptional({
    enum: ['cookie', 'body'],
    default: 'cookie',
    description: 'cookie: refresh token in an HttpOnly SameSite=Strict cookie (browsers). body: returned as refresh_token (API clients).',
  })
  @IsOptional() @IsIn(['cookie', 'body']) token_delivery?: 'cookie' | 'body';
}

export class SignupDto {
  @ApiProperty({ example: 'Acme Inc.' }) @IsString() @MinLength(1) @MaxLength(200) organization_name!: string;
  @ApiProperty({ example: 'Ada Lovelace' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'ada@example.com' }) @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(1024) password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'For API clients; browsers send the kg_refresh cookie instead' })
  @IsOptional() @IsString() @MaxLength(200) refresh_token?: string;
}
