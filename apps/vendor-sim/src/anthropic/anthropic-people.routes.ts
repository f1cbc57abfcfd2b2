import type { FastifyInstance } from 'fastify';
import { jsonBody, oneOf, requiredString } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { newInviteId } from '@sim/anthropic/anthropic-ids';
import { anthropicPage } from '@sim/anthropic/anthropic-list';
import { findUser } from '@sim/anthropic/anthropic-lookups';
import { ORGANIZATION_ROLES, type InviteRecord } from '@sim/anthropic/anthropic-records';
import { inviteJson, userJson } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

const INVITE_LIFETIME_MS = 21 * 24 * 3600 * 1000;

/** The organization itself, its users and invites (an invite becomes a user when accepted). */
export function registerAnthropicPeopleRoutes(
  app: FastifyInstance,
  state: AnthropicState,
  clock: SimClock,
): void {
  app.get('/me', () => ({ type: 'organization', id: state.organization.id, name: state.organization.name }));

  app.get('/users', (request) => {
    const query = asVendorQuery(request.query);
    const email = queryValue(query, 'email');
    const users = [...state.users.values()].filter(
      (user) => email === undefined || user.email.toLowerCase() === email.toLowerCase(),
    );
    return anthropicPage(users.map(userJson), (user) => user.id, query, 1000);
  });

  app.get<{ Params: { userId: string } }>('/users/:userId', (request) =>
    userJson(findUser(state, request.params.userId)),
  );

  app.post<{ Params: { userId: string } }>('/users/:userId', (request) => {
    const user = findUser(state, request.params.userId);
    const roles = ORGANIZATION_ROLES.filter((item) => item !== 'admin');
    user.role = oneOf('role', requiredString(jsonBody(request.body), 'role'), roles);
    return userJson(user);
  });

  /** Removing a user from the organization also removes them from every workspace. */
  app.delete<{ Params: { userId: string } }>('/users/:userId', (request) => {
    const user = findUser(state, request.params.userId);
    state.users.delete(user.id);
    for (let index = state.members.length - 1; index >= 0; index -= 1) {
      if (state.members[index]?.userId === user.id) state.members.splice(index, 1);
    }
    return { type: 'user_deleted', id: user.id };
  });

  app.post('/invites', (request) => {
    const body = jsonBody(request.body);
    const email = requiredString(body, 'email');
    const role = oneOf(
      'role',
      requiredString(body, 'role'),
      ORGANIZATION_ROLES.filter((item) => item !== 'admin'),
    );
    if (state.findUserByEmail(email) !== undefined) {
      throw anthropicErrors.invalidRequest(
        `${email} is already a member of this organization.`,
        'already_member',
      );
    }
    const now = clock.nowMs();
    const pending = [...state.invites.values()].find(
      (invite) =>
        invite.email.toLowerCase() === email.toLowerCase() &&
        !invite.deleted &&
        invite.acceptedAt === null &&
        invite.expiresAt > now,
    );
    if (pending !== undefined) {
      throw anthropicErrors.invalidRequest(`An invite for ${email} already exists.`, 'invite_already_exists');
    }
    const invite: InviteRecord = {
      id: newInviteId(),
      email,
      role,
      invitedAt: now,
      expiresAt: now + INVITE_LIFETIME_MS,
      acceptedAt: null,
      deleted: false,
    };
    state.invites.set(invite.id, invite);
    const created = inviteJson(invite, now);
    if (state.autoAcceptInvites) state.acceptInvite(invite);
    return created;
  });

  app.get('/invites', (request) => {
    const invites = [...state.invites.values()]
      .filter((invite) => !invite.deleted)
      .map((invite) => inviteJson(invite, clock.nowMs()));
    return anthropicPage(invites, (invite) => invite.id, asVendorQuery(request.query), 1000);
  });

  app.get<{ Params: { inviteId: string } }>('/invites/:inviteId', (request) => {
    const invite = state.invites.get(request.params.inviteId);
    if (invite === undefined || invite.deleted)
      throw anthropicErrors.notFound(`Invite ${request.params.inviteId} not found.`);
    return inviteJson(invite, clock.nowMs());
  });

  app.delete<{ Params: { inviteId: string } }>('/invites/:inviteId', (request) => {
    const invite = state.invites.get(request.params.inviteId);
    if (invite === undefined || invite.deleted)
      throw anthropicErrors.notFound(`Invite ${request.params.inviteId} not found.`);
    invite.deleted = true;
    return { type: 'invite_deleted', id: invite.id };
  });
}
