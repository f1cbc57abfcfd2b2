import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SealedSecret } from '@keygate/crypto';

export type ConnectionCheckStatus = 'unchecked' | 'ok' | 'failed';

@Entity({ name: 'vendor_connections' })
export class VendorConnectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;
  @Column({ type: 'text' }) vendor!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ name: 'credential_sealed', type: 'jsonb' }) credentialSealed!: SealedSecret;
  @Column({ name: 'credential_hint', type: 'text' }) credentialHint!: string;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) settings!: Record<string, string>;
  @Column({ name: 'check_status', type: 'text', default: 'unchecked' }) checkStatus!: ConnectionCheckStatus;
  @Column({ name: 'check_detail', type: 'jsonb', nullable: true }) checkDetail!: Record<string, unknown> | null;
  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true }) checkedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}
