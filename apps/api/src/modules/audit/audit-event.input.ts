import type { AuditOutcome, ActorType } from './entities/audit-event.entity';
import type { RequestContext, RequestMeta } from '@api/common/request/request-context';

/** What a service says happened. Never put a secret in `details`. */
export interface AuditEventInput {
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id: string | null };
  details?: Record<string, unknown>;
}

export interface AuditActor {
  type: ActorType;
  id: string | null;
  label: string | null;
}

/** Who did it and from where: a signed-in request, a public request, or a background job. */
export interface AuditOrigin {
  organizationId: string;
  actor: AuditActor;
  meta: Partial<RequestMeta>;
}

export function originOf(ctx: RequestContext): AuditOrigin {
  return {
    organizationId: ctx.organizationId,
    actor: { type: 'user', id: ctx.user.userId, label: ctx.user.email },
    meta: { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent },
  };
}

export function systemOrigin(organizationId: string, job: string): AuditOrigin {
  return { organizationId, actor: { type: 'system', id: null, label: job }, meta: {} };
}
