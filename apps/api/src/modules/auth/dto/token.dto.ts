import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenResponseDto {
  @ApiProperty() access_token!: string;
  @ApiProperty({ enum: ['bearer'] }) token_type!: 'bearer';
  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 }) expires_in!: number;
  @ApiPropertyOptional({ description: 'Only with token_delivery=body or when refreshed with a body token' }) refresh_token?: string;
}

export class MeOrganizationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class MeDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'developer', 'viewer'] }) role!: string;
  @ApiProperty({ type: [String], description: 'Permissions this role holds' }) permissions!: string[];
  @ApiProperty({ type: MeOrganizationDto }) organization!: MeOrganizationDto;
  @ApiProperty({ nullable: true, type: String }) developer_id!: string | null;
}
