import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'audit_chain_heads' })
export class AuditChainHeadEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ name: 'last_seq', type: 'bigint' }) lastSeq!: string;
  @Column({ name: 'last_hash', type: 'text' }) lastHash!: string;
}
