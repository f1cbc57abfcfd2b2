import type { FastifyInstance } from 'fastify';
import { jsonBody, optionalString, requiredString } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { asVendorQuery, queryBoolean } from '@sim/common/vendor-query';
import { openAiErrors } from '@sim/openai/openai-errors';
import { openAiList } from '@sim/openai/openai-list';
import { findActiveProject, findProject } from '@sim/openai/openai-lookups';
import { projectJson } from '@sim/openai/openai-serializers';
import type { OpenAiState } from '@sim/openai/openai-state';

type ProjectParams = { Params: { projectId: string } };

/** Projects: create, get, modify, list, archive. Projects cannot be deleted. */
export function registerOpenAiProjectRoutes(app: FastifyInstance, state: OpenAiState, clock: SimClock): void {
  app.post('/projects', (request) => {
    const body = jsonBody(request.body);
    const project = state.addProject({
      name: requiredString(body, 'name'),
      externalKeyId: optionalString(body, 'external_key_id') ?? null,
      residency: optionalString(body, 'residency') ?? optionalString(body, 'geography') ?? 'GLOBAL',
      isDefault: false,
    });
    return projectJson(project);
  });

  app.get('/projects', (request) => {
    const query = asVendorQuery(request.query);
    const includeArchived = queryBoolean(query, 'include_archived') ?? false;
    const projects = [...state.projects.values()].filter(
      (project) => includeArchived || project.archivedAt === null,
    );
    return openAiList(projects.map(projectJson), query);
  });

  app.get<ProjectParams>('/projects/:projectId', (request) =>
    projectJson(findProject(state, request.params.projectId)),
  );

  app.post<ProjectParams>('/projects/:projectId', (request) => {
    const project = findActiveProject(state, request.params.projectId);
    if (project.isDefault) throw openAiErrors.badRequest('The default project cannot be modified.');
    const body = jsonBody(request.body);
    project.name = optionalString(body, 'name') ?? project.name;
    project.externalKeyId = optionalString(body, 'external_key_id') ?? project.externalKeyId;
    project.residency = optionalString(body, 'geography') ?? project.residency;
    return projectJson(project);
  });

  app.post<ProjectParams>('/projects/:projectId/archive', (request) => {
    const project = findProject(state, request.params.projectId);
    if (project.isDefault) throw openAiErrors.badRequest('The default project cannot be archived.');
    project.archivedAt ??= clock.nowSeconds();
    return projectJson(project);
  });
}
