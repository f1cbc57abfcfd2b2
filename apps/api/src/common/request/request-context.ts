import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '@api/common/auth/authenticated-user';

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

/** Everything a service needs to know about the caller: tenancy, identity and request metadata for audit. */
export interface RequestContext extends RequestMeta {
  organizationId: string;
  user: AuthenticatedUser;
}

export type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return { requestId: String(request.id), ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null };
}

/** The signed-in caller's context. Only valid on routes that require authentication. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<RequestWithUser>();
  if (!request.user) throw new Error('Ctx() used on a route without authentication');
  return { ...requestMeta(request), organizationId: request.user.organizationId, user: request.user };
});

/** Request metadata for public routes (sign-in, sign-up). */
export const Meta = createParamDecorator((_: unknown, context: ExecutionContext): RequestMeta =>
  requestMeta(context.switchToHttp().getRequest<FastifyRequest>()),
);
