import { Injectable } from '@nestjs/common';
import { ROLE_PERMISSIONS } from '@api/common/auth/permissions';
import { DomainError } from '@api/common/errors/domain-error';
import { RequestContext } from '@api/common/request/request-context';
import { OrganizationsService } from '@api/modules/organizations/organizations.service';
import { UsersRepository } from '@api/modules/users/users.repository';
import { MeDto } from './dto/token.dto';

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async describe(ctx: RequestContext): Promise<MeDto> {
    const [user, organization] = await Promise.all([this.users.findById(ctx.organizationId, ctx.user.userId), this.organizations.findById(ctx.organizationId)]);
    if (!user || !organization) throw new DomainError('session_expired', 'This session has ended; sign in again');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      permissions: [...ROLE_PERMISSIONS[user.role]],
      organization: { id: organization.id, name: organization.name },
      developer_id: user.developerId,
    };
  }
}
