import { ApiProperty } from '@nestjs/swagger';

export class AuditActorDto {
  @ApiProperty({ enum: ['user', 'system', 'anonymous'] }) type!: string;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty({ nullable: true, type: String }) label!: string | null;
}

export class AuditTargetDto {
  @ApiProperty({ nullable: true, type: String }) type!: string | null;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
}

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Position in the organization hash chain' }) seq!: number;
  @ApiProperty() occurred_at!: string;
  @ApiProperty({ example: 'developer.created' }) action!: string;
  @ApiProperty({ enum: ['success', 'failure', 'denied'] }) outcome!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ type: AuditTargetDto }) target!: AuditTargetDto;
  @ApiProperty({ nullable: true, type: String }) request_id!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ nullable: true, type: String }) user_agent!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty() prev_hash!: string;
  @ApiProperty() hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  next_cursor!: string | null;
}

export class AuditBrokenLinkDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty({ enum: ['hash_mismatch', 'prev_hash_mismatch', 'missing_event', 'head_mismatch'] }) reason!: string;
}

export class AuditVerifyDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events checked' }) checked!: number;
  @ApiProperty({ description: 'Sequence number of the chain head' }) head_seq!: number;
  @ApiProperty({ type: AuditBrokenLinkDto, nullable: true }) first_broken!: AuditBrokenLinkDto | null;
}
