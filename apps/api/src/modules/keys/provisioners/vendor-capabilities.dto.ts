import { ApiProperty } from '@nestjs/swagger';
import { FieldEnforcementDto } from '@api/modules/keys/dto/key.dto';

export class VendorCapabilityDto {
  @ApiProperty() vendor!: string;
  @ApiProperty({ enum: ['immediate', 'developer_creates_in_console'] }) key_delivery!: string;
  @ApiProperty({ enum: ['native', 'reprovision'] }) rotation!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldEnforcementDto' }, description: 'Per policy field: vendor | keygate | none, and one sentence' })
  fields!: Record<string, FieldEnforcementDto>;
}

export class ConnectionCheckResultDto {
  @ApiProperty() connection_id!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ enum: ['ok', 'failed'] }) status!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [String] }) missing_permissions!: string[];
  @ApiProperty() checked_at!: string;
}
