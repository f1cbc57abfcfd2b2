import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audienceForScope, type EntraTokenStore } from '@sim/azure/entra/entra-token-store';
import type { SimClock } from '@sim/common/sim-clock';

export interface EntraTenant {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

interface TenantParams {
  tenant: string;
}

const sameTenant = (requested: string, tenant: EntraTenant) =>
  requested.toLowerCase() === tenant.tenantId.toLowerCase();

function originOf(request: FastifyRequest): string {
  return `https://${request.host}`;
}

/** OAuth-style failure as Entra sends it (AADSTS code first in the description). */
function sendOAuthError(
  reply: FastifyReply,
  clock: SimClock,
  status: number,
  error: string,
  aadsts: number,
  text: string,
) {
  const traceId = randomUUID();
  return reply.code(status).send({
    error,
    error_description: `AADSTS${aadsts}: ${text} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${clock.now().toISOString()}`,
    error_codes: [aadsts],
    timestamp: clock
      .now()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
    trace_id: traceId,
    correlation_id: randomUUID(),
  });
}

function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The Entra ID pieces MSAL needs for a client-credentials grant against a non-Microsoft authority:
 * the tenant's OpenID configuration (its issuer must share the authority's origin) and the token endpoint.
 */
export function registerEntraRoutes(
  app: FastifyInstance,
  tenant: EntraTenant,
  tokens: EntraTokenStore,
  clock: SimClock,
): void {
  app.get<{ Params: TenantParams }>('/:tenant/v2.0/.well-known/openid-configuration', (request, reply) => {
    if (!sameTenant(request.params.tenant, tenant)) {
      return sendOAuthError(
        reply,
        clock,
        400,
        'invalid_tenant',
        90002,
        `Tenant '${request.params.tenant}' not found.`,
      );
    }
    const base = `${originOf(request)}/${tenant.tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'NA',
      cloud_instance_name: 'microsoftonline.com',
    };
  });

  app.post<{ Params: TenantParams }>('/:tenant/oauth2/v2.0/token', (request, reply) => {
    if (!sameTenant(request.params.tenant, tenant)) {
      return sendOAuthError(
        reply,
        clock,
        400,
        'invalid_request',
        90002,
        `Tenant '${request.params.tenant}' not found.`,
      );
    }
    const grantType = formField(request.body, 'grant_type');
    if (grantType !== 'client_credentials') {
      return sendOAuthError(
        reply,
        clock,
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const clientId = formField(request.body, 'client_id');
    if (clientId !== tenant.clientId) {
      return sendOAuthError(
        reply,
        clock,
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenant.tenantId}'.`,
      );
    }
    if (formField(request.body, 'client_secret') !== tenant.clientSecret) {
      return sendOAuthError(
        reply,
        clock,
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
    }
    const scope = formField(request.body, 'scope') ?? '';
    const audience = audienceForScope(scope);
    const defaultScoped = /^(\S+)\/\.default$/.exec(scope.trim());
    if (audience === undefined && defaultScoped !== null) {
      return sendOAuthError(
        reply,
        clock,
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${defaultScoped[1] ?? ''} was not found in the tenant named ${tenant.tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }
    if (audience === undefined) {
      return sendOAuthError(
        reply,
        clock,
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const issued = tokens.issue(clientId, audience);
    return {
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ext_expires_in: issued.expiresIn,
      access_token: issued.accessToken,
    };
  });
}
