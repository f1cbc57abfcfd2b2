import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import { apiVersionOf } from '@sim/azure/arm/arm-request';
import { ARM_AUDIENCE, type EntraTokenStore } from '@sim/azure/entra/entra-token-store';

const API_VERSION_FORMAT = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const ALLOWED_AUDIENCES =
  "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'";

function unauthorized(tenantId: string, code: string, message: string) {
  return armError(401, code, message, {
    'www-authenticate': `Bearer authorization_uri="https://login.windows.net/${tenantId}", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
  });
}

function authenticationProblem(
  tokens: EntraTokenStore,
  tenantId: string,
  authorization: string | undefined,
  nowIso: string,
) {
  const check = tokens.check(authorization, ARM_AUDIENCE);
  if (check.ok) return null;
  switch (check.reason) {
    case 'missing':
      return unauthorized(
        tenantId,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is missing.",
      );
    case 'invalid':
      return unauthorized(tenantId, 'InvalidAuthenticationToken', 'The access token is invalid.');
    case 'expired':
      return unauthorized(
        tenantId,
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${new Date(check.expiresAtMs ?? 0).toISOString()}' is earlier than current UTC time '${nowIso}'.`,
      );
    case 'audience':
      return unauthorized(
        tenantId,
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${check.audience ?? ''}'. It should exactly match with one of the allowed audiences ${ALLOWED_AUDIENCES}.`,
      );
  }
}

/** ARM's front door: a management-audience bearer token, a well-formed `api-version`, a known subscription. */
export function armGuard(tokens: EntraTokenStore, tenantId: string, subscriptionId: string) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const problem = authenticationProblem(
      tokens,
      tenantId,
      request.headers.authorization,
      new Date().toISOString(),
    );
    if (problem !== null) return done(problem);
    const apiVersion = apiVersionOf(request);
    if (apiVersion === '') {
      return done(
        armError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        ),
      );
    }
    if (!API_VERSION_FORMAT.test(apiVersion)) {
      return done(
        armError(
          400,
          'InvalidApiVersionParameter',
          `The api-version '${apiVersion}' is invalid. The supported versions are '2025-09-01,2025-06-01,2024-10-01,2023-05-01'.`,
        ),
      );
    }
    const requested = (request.params as { subscriptionId?: string }).subscriptionId;
    if (requested !== undefined && requested.toLowerCase() !== subscriptionId.toLowerCase()) {
      return done(
        armError(404, 'SubscriptionNotFound', `The subscription '${requested}' could not be found.`),
      );
    }
    done();
  };
}

/** Headers ARM puts on every answer besides `x-ms-request-id`. */
export function armResponseHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  void reply.headers({
    'x-ms-correlation-request-id': randomUUID(),
    [isRead ? 'x-ms-ratelimit-remaining-subscription-reads' : 'x-ms-ratelimit-remaining-subscription-writes']:
      isRead ? '11999' : '1199',
  });
  done();
}
