import type { FastifyInstance } from 'fastify';
import {
  jsonBody,
  oneOf,
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalStringArray,
  requiredString,
} from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { asVendorQuery } from '@sim/common/vendor-query';
import { newServiceAccountId } from '@sim/openai/openai-ids';
import { issueServiceAccountKey } from '@sim/openai/openai-key-issuer';
import { openAiList } from '@sim/openai/openai-list';
import { findActiveProject, findServiceAccount } from '@sim/openai/openai-lookups';
import type { ServiceAccountRecord } from '@sim/openai/openai-records';
import { createdKeyJson, serviceAccountJson } from '@sim/openai/openai-serializers';
import type { OpenAiState } from '@sim/openai/openai-state';

type ProjectParams = { Params: { projectId: string } };
type AccountParams = { Params: { projectId: string; serviceAccountId: string } };

/** Service accounts of a project, and the keys minted for them. */
export function registerOpenAiServiceAccountRoutes(
  app: FastifyInstance,
  state: OpenAiState,
  clock: SimClock,
): void {
  app.post<ProjectParams>('/projects/:projectId/service_accounts', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    const body = jsonBody(request.body);
    const name = requiredString(body, 'name');
    const accountOnly = optionalBoolean(body, 'create_service_account_only') ?? false;
    const expiresInSeconds = optionalInteger(body, 'expires_in_seconds', 1);
    const account: ServiceAccountRecord = {
      id: newServiceAccountId(),
      projectId: project.id,
      name,
      role: accountOnly ? 'none' : 'member',
      createdAt: clock.nowSeconds(),
    };
    state.serviceAccounts.set(account.id, account);
    const key = accountOnly
      ? null
      : issueServiceAccountKey(state, clock, account, { name: 'Secret Key', expiresInSeconds });
    return { ...serviceAccountJson(account), api_key: key === null ? null : createdKeyJson(key) };
  });

  app.get<ProjectParams>('/projects/:projectId/service_accounts', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    const accounts = [...state.serviceAccounts.values()].filter(
      (account) => account.projectId === project.id,
    );
    return openAiList(accounts.map(serviceAccountJson), asVendorQuery(request.query));
  });

  app.get<AccountParams>('/projects/:projectId/service_accounts/:serviceAccountId', (request) =>
    serviceAccountJson(findServiceAccount(state, request.params.projectId, request.params.serviceAccountId)),
  );

  app.post<AccountParams>('/projects/:projectId/service_accounts/:serviceAccountId', (request) => {
    findActiveProject(state, request.params.projectId);
    const account = findServiceAccount(state, request.params.projectId, request.params.serviceAccountId);
    const body = jsonBody(request.body);
    account.name = optionalString(body, 'name') ?? account.name;
    const role = optionalString(body, 'role');
    if (role !== undefined) account.role = oneOf('role', role, ['member', 'owner'] as const);
    return serviceAccountJson(account);
  });

  app.delete<AccountParams>('/projects/:projectId/service_accounts/:serviceAccountId', (request) => {
    const account = findServiceAccount(state, request.params.projectId, request.params.serviceAccountId);
    for (const key of state.keysOfServiceAccount(account.id)) state.removeApiKey(key.id);
    state.serviceAccounts.delete(account.id);
    return { object: 'organization.project.service_account.deleted', id: account.id, deleted: true };
  });

  app.post<AccountParams>('/projects/:projectId/service_accounts/:serviceAccountId/api_keys', (request) => {
    findActiveProject(state, request.params.projectId);
    const account = findServiceAccount(state, request.params.projectId, request.params.serviceAccountId);
    const body = jsonBody(request.body);
    const key = issueServiceAccountKey(state, clock, account, {
      name: optionalString(body, 'name') ?? 'Secret Key',
      expiresInSeconds: optionalInteger(body, 'expires_in_seconds', 1),
      scopes: optionalStringArray(body, 'scopes'),
    });
    return createdKeyJson(key);
  });
}
