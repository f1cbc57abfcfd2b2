import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '@api/common/errors/domain-error';
import type { RequestWithUser } from '@api/common/request/request-context';
import { ACCESS_METADATA, AccessRule } from './access.decorators';
import { roleHas } from './permissions';

/**
 * The one global guard. Deny by default: a route that declares no access rule is refused (and a test fails on
 * it). Otherwise the bearer token is verified by passport-jwt and the role must hold the route's permission.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger('Access');

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule; refusing`);
      throw new DomainError('forbidden', 'This route is not available');
    }
    if (rule.kind === 'public') return true;
    await (super.canActivate(context) as Promise<boolean>);
    if (rule.kind === 'authenticated') return true;
    const { user } = context.switchToHttp().getRequest<RequestWithUser>();
    if (!user || !rule.permissions.some((p) => roleHas(user.role, p))) {
      const needed = rule.permissions.join(' or ');
      throw new DomainError('forbidden', `Your role (${user?.role ?? 'none'}) does not allow this: it needs ${needed}`, { permissions: rule.permissions });
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new DomainError('unauthenticated', 'Sign in first: send a valid bearer token');
    return user;
  }
}
