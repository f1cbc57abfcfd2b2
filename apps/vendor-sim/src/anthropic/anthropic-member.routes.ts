import type { FastifyInstance } from 'fastify';
import { jsonBody, oneOf, requiredString } from '@sim/common/body-fields';
import { asVendorQuery } from '@sim/common/vendor-query';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { anthropicPage } from '@sim/anthropic/anthropic-list';
import { findLiveWorkspace, findUser, findWorkspace } from '@sim/anthropic/anthropic-lookups';
import { WORKSPACE_ROLES } from '@sim/anthropic/anthropic-records';
import { memberJson } from '@sim/anthropic/anthropic-serializers';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

type WorkspaceParams = { Params: { workspaceId: string } };
type MemberParams = { Params: { workspaceId: string; userId: string } };

const ADDABLE_ROLES = WORKSPACE_ROLES.filter((role) => role !== 'workspace_billing');

/** Workspace members: only existing organization users can be added. */
export function registerAnthropicMemberRoutes(app: FastifyInstance, state: AnthropicState): void {
  const findMember = (workspaceId: string, userId: string) => {
    findWorkspace(state, workspaceId);
    const member = state.member(workspaceId, userId);
    if (member === undefined)
      throw anthropicErrors.notFound(`User ${userId} is not a member of workspace ${workspaceId}.`);
    return member;
  };

  app.post<WorkspaceParams>('/workspaces/:workspaceId/members', (request) => {
    const workspace = findLiveWorkspace(state, request.params.workspaceId);
    const body = jsonBody(request.body);
    const user = findUser(state, requiredString(body, 'user_id'));
    const role = oneOf('workspace_role', requiredString(body, 'workspace_role'), ADDABLE_ROLES);
    if (state.member(workspace.id, user.id) !== undefined) {
      throw anthropicErrors.invalidRequest(
        `User ${user.id} is already a member of workspace ${workspace.id}.`,
      );
    }
    const member = { workspaceId: workspace.id, userId: user.id, role };
    state.members.push(member);
    return memberJson(member);
  });

  app.get<WorkspaceParams>('/workspaces/:workspaceId/members', (request) => {
    const workspace = findWorkspace(state, request.params.workspaceId);
    const members = state.members.filter((member) => member.workspaceId === workspace.id).map(memberJson);
    return anthropicPage(members, (member) => member.user_id, asVendorQuery(request.query), 100);
  });

  app.get<MemberParams>('/workspaces/:workspaceId/members/:userId', (request) =>
    memberJson(findMember(request.params.workspaceId, request.params.userId)),
  );

  app.post<MemberParams>('/workspaces/:workspaceId/members/:userId', (request) => {
    findLiveWorkspace(state, request.params.workspaceId);
    const member = findMember(request.params.workspaceId, request.params.userId);
    member.role = oneOf(
      'workspace_role',
      requiredString(jsonBody(request.body), 'workspace_role'),
      WORKSPACE_ROLES,
    );
    return memberJson(member);
  });

  app.delete<MemberParams>('/workspaces/:workspaceId/members/:userId', (request) => {
    const member = findMember(request.params.workspaceId, request.params.userId);
    state.members.splice(state.members.indexOf(member), 1);
    return { type: 'workspace_member_deleted', user_id: member.userId, workspace_id: member.workspaceId };
  });
}
