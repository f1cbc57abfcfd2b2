import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RequestMeta } from '@api/common/request/request-context';
import { AuditWriter } from '@api/modules/audit/audit-writer';
import { UsersRepository } from '@api/modules/users/users.repository';
import { UserEntity } from '@api/modules/users/entities/user.entity';
import { OrganizationEntity } from './entities/organization.entity';

export interface NewOrganization {
  name: string;
  ownerEmail: string;
  ownerName: string;
  passwordHash: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditWriter,
  ) {}

  /** A new tenant and its first owner, audited as the first two events of its chain. */
  async createWithOwner(m: EntityManager, input: NewOrganization, meta: Partial<RequestMeta>): Promise<{ organization: OrganizationEntity; owner: UserEntity }> {
    const repo = m.getRepository(OrganizationEntity);
    const organization = await repo.save(repo.create({ name: input.name }));
    const owner = await this.users.insert(m, {
      organizationId: organization.id,
      email: input.ownerEmail,
      name: input.ownerName,
      role: 'owner',
      passwordHash: input.passwordHash,
    });
    const origin = { organizationId: organization.id, actor: { type: 'user' as const, id: owner.id, label: owner.email }, meta };
    await this.audit.append(m, origin, { action: 'organization.created', target: { type: 'organization', id: organization.id }, details: { name: organization.name } });
    await this.audit.append(m, origin, { action: 'user.created', target: { type: 'user', id: owner.id }, details: { email: owner.email, role: 'owner' } });
    return { organization, owner };
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOneBy({ id });
  }
}
