import type { FastifyInstance } from 'fastify';
import {
  jsonBody,
  oneOf,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
} from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { VendorError } from '@sim/common/vendor-error';
import { findAnthropicModel } from '@sim/anthropic/anthropic-catalogue';
import { newApiKeyId, newApiKeySecret } from '@sim/anthropic/anthropic-ids';
import { ORGANIZATION_ROLES, type ApiKeyRecord } from '@sim/anthropic/anthropic-records';
import { apiKeyJson, userJson } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

/** Control hooks for the simulated Anthropic organization (the Console's side), under `/vendors/anthropic`. */
export function anthropicControlPlugin(state: AnthropicState, clock: SimClock) {
  return (app: FastifyInstance): void => {
    /** "Create a key in the Console": the only way a key comes to exist. The secret is returned once. */
    app.post('/console/api-keys', (request, reply) => {
      const body = jsonBody(request.body);
      const workspaceId = optionalString(body, 'workspace_id') ?? null;
      if (workspaceId !== null) {
        const workspace = state.workspaces.get(workspaceId);
        if (workspace === undefined) throw new VendorError(404, `workspace ${workspaceId} not found`);
        if (workspace.archivedAt !== null) throw new VendorError(400, `workspace ${workspaceId} is archived`);
      }
      const creatorId =
        optionalString(body, 'created_by_user_id') ?? [...state.users.values()][0]?.id ?? null;
      if (creatorId !== null && !state.users.has(creatorId))
        throw new VendorError(404, `user ${creatorId} not found`);
      const expiresInSeconds = optionalInteger(body, 'expires_in_seconds', 1);
      const key: ApiKeyRecord = {
        id: newApiKeyId(),
        name: requiredString(body, 'name'),
        secret: newApiKeySecret(),
        workspaceId,
        createdByUserId: creatorId,
        createdAt: clock.nowMs(),
        expiresAt: expiresInSeconds === undefined ? null : clock.nowMs() + expiresInSeconds * 1000,
        status: 'active',
      };
      state.addApiKey(key);
      return reply.code(201).send({ secret: key.secret, api_key: apiKeyJson(key, state) });
    });

    app.post('/users', (request, reply) => {
      const body = jsonBody(request.body);
      const email = requiredString(body, 'email');
      if (state.findUserByEmail(email) !== undefined)
        throw new VendorError(409, `user ${email} already exists`);
      const role = oneOf('role', optionalString(body, 'role') ?? 'developer', ORGANIZATION_ROLES);
      const user = state.addUser({
        email,
        name: optionalString(body, 'name') ?? email.split('@')[0] ?? email,
        role,
      });
      return reply.code(201).send(userJson(user));
    });

    /** The invitee accepts: the invite becomes an organization user. */
    app.post<{ Params: { inviteId: string } }>('/invites/:inviteId/accept', (request) => {
      const invite = state.invites.get(request.params.inviteId);
      if (invite === undefined || invite.deleted) throw new VendorError(404, 'invite not found');
      if (invite.acceptedAt !== null) throw new VendorError(409, 'invite already accepted');
      if (clock.nowMs() >= invite.expiresAt) throw new VendorError(400, 'invite expired');
      return userJson(state.acceptInvite(invite));
    });

    const settings = () => ({
      workspace_cap: state.workspaceCap,
      auto_accept_invites: state.autoAcceptInvites,
    });
    app.get('/settings', settings);
    app.put('/settings', (request) => {
      const body = jsonBody(request.body);
      const cap = optionalInteger(body, 'workspace_cap', 0);
      if (cap !== undefined) state.workspaceCap = cap;
      const autoAccept = optionalBoolean(body, 'auto_accept_invites');
      if (autoAccept !== undefined) state.autoAcceptInvites = autoAccept;
      return settings();
    });

    /** Records usage as if a key had made calls (for report and budget tests). */
    app.post('/usage', (request) => {
      const body = jsonBody(request.body);
      const apiKeyId = optionalString(body, 'api_key_id') ?? null;
      const key = apiKeyId === null ? undefined : state.apiKeys.get(apiKeyId);
      if (apiKeyId !== null && key === undefined) throw new VendorError(404, `api key ${apiKeyId} not found`);
      const model = findAnthropicModel(requiredString(body, 'model'));
      if (model === undefined) throw new VendorError(400, 'unknown model');
      const at = optionalInteger(body, 'at_ms', 0) ?? clock.nowMs();
      state.usage.push({
        at,
        apiKeyId,
        workspaceId: key?.workspaceId ?? optionalString(body, 'workspace_id') ?? null,
        model: model.id,
        inputTokens: optionalInteger(body, 'input_tokens', 0) ?? 0,
        outputTokens: optionalInteger(body, 'output_tokens', 0) ?? 0,
      });
      return { recorded: true };
    });
  };
}
