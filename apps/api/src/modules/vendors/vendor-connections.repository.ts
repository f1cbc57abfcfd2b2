import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { VendorConnectionEntity } from './entities/vendor-connection.entity';

/** Vendor connections of one organization; every method takes the organization id. */
@Injectable()
export class VendorConnectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.dataSource.manager).getRepository(VendorConnectionEntity);
  }

  list(organizationId: string): Promise<VendorConnectionEntity[]> {
    return this.repo().find({ where: { organizationId }, order: { vendor: 'ASC', createdAt: 'ASC' } });
  }

  findById(organizationId: string, id: string, m?: EntityManager): Promise<VendorConnectionEntity | null> {
    return this.repo(m).findOneBy({ organizationId, id });
  }

  findByIdLocked(m: EntityManager, organizationId: string, id: string): Promise<VendorConnectionEntity | null> {
    return this.repo(m).createQueryBuilder('c').setLock('pessimistic_write').where('c.organization_id = :org AND c.id = :id', { org: organizationId, id }).getOne();
  }

  findByLabelLocked(m: EntityManager, organizationId: string, vendor: string, label: string): Promise<VendorConnectionEntity | null> {
    return this.repo(m)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.organization_id = :org AND c.vendor = :vendor AND lower(c.label) = lower(:label)', { org: organizationId, vendor, label })
      .getOne();
  }

  /** The connection used when a request names only the vendor: the oldest one. */
  defaultFor(organizationId: string, vendor: string): Promise<VendorConnectionEntity | null> {
    return this.repo().findOne({ where: { organizationId, vendor }, order: { createdAt: 'ASC' } });
  }

  save(m: EntityManager, connection: VendorConnectionEntity): Promise<VendorConnectionEntity> {
    return this.repo(m).save(connection);
  }

  create(fields: Partial<VendorConnectionEntity>): VendorConnectionEntity {
    return this.repo().create(fields);
  }

  async delete(m: EntityManager, organizationId: string, id: string): Promise<void> {
    await this.repo(m).delete({ organizationId, id });
  }
}
