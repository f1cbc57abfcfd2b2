import type { FastifyInstance } from 'fastify';
import { authorize } from '@sim/google/auth/permissions';
import { policyView, replacePolicy } from '@sim/google/crm/iam-policy';
import { googleError, permissionDenied } from '@sim/google/google-errors';
import { jsonObject, splitVerb } from '@sim/google/iam/iam-resources';
import type { GoogleWorld } from '@sim/google/world/google-world';

interface ProjectParams {
  resource: string;
}

function requestedVersion(body: Record<string, unknown>): number {
  const options = jsonObject(body.options);
  return typeof options.requestedPolicyVersion === 'number' ? options.requestedPolicyVersion : 1;
}

/** Cloud Resource Manager v1 and v3: the project and its allow policy. */
export function registerResourceManagerRoutes(
  app: FastifyInstance,
  world: GoogleWorld,
  createTime: string,
): void {
  const isThisProject = (id: string) => id === world.projectId || id === world.projectNumber;

  for (const apiVersion of ['v1', 'v3'] as const) {
    app.post<{ Params: ProjectParams }>(`/${apiVersion}/projects/:resource`, (request) => {
      const { id, verb } = splitVerb(request.params.resource);
      const resource = `projects/${id}`;
      if (verb === 'getIamPolicy') {
        authorize(world, request, 'resourcemanager.projects.getIamPolicy', resource);
        if (!isThisProject(id)) throw permissionDenied('resourcemanager.projects.getIamPolicy', resource);
        return policyView(world.policy, requestedVersion(jsonObject(request.body)));
      }
      if (verb === 'setIamPolicy') {
        authorize(world, request, 'resourcemanager.projects.setIamPolicy', resource);
        if (!isThisProject(id)) throw permissionDenied('resourcemanager.projects.setIamPolicy', resource);
        const body = jsonObject(request.body);
        const updateMask = typeof body.updateMask === 'string' ? body.updateMask : undefined;
        world.policy = replacePolicy(world, jsonObject(body.policy), updateMask);
        return policyView(world.policy, 3);
      }
      throw googleError(404, 'NOT_FOUND', `Method not found: ${request.params.resource}`);
    });

    app.get<{ Params: ProjectParams }>(`/${apiVersion}/projects/:resource`, (request) => {
      const id = request.params.resource;
      authorize(world, request, 'resourcemanager.projects.get', `projects/${id}`);
      if (!isThisProject(id)) throw permissionDenied('resourcemanager.projects.get', `projects/${id}`);
      return apiVersion === 'v1'
        ? {
            projectNumber: world.projectNumber,
            projectId: world.projectId,
            lifecycleState: 'ACTIVE',
            name: world.projectId,
            createTime,
          }
        : {
            name: `projects/${world.projectNumber}`,
            projectId: world.projectId,
            state: 'ACTIVE',
            displayName: world.projectId,
            createTime,
            etag: world.policy.etag,
          };
    });
  }
}
