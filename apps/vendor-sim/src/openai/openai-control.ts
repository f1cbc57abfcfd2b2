import type { FastifyInstance } from 'fastify';
import { jsonBody, oneOf, optionalInteger, optionalString, requiredString } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { VendorError } from '@sim/common/vendor-error';
import { costInCents, findOpenAiModel } from '@sim/openai/openai-catalogue';
import type { OpenAiState } from '@sim/openai/openai-state';

/** Control hooks for the simulated OpenAI organization, mounted under `/vendors/openai`. */
export function openAiControlPlugin(state: OpenAiState, clock: SimClock) {
  return (app: FastifyInstance): void => {
    app.get('/settings', () => ({ service_account_key_deletion: state.serviceAccountKeyDeletion }));

    /** `rejected` = spec Aug 2026 / SDK 6.49 (400 on SA-key delete); `allowed` = SDK 7.57 (default). */
    app.put('/settings', (request) => {
      const body = jsonBody(request.body);
      const deletion = optionalString(body, 'service_account_key_deletion');
      if (deletion !== undefined) {
        state.serviceAccountKeyDeletion = oneOf('service_account_key_deletion', deletion, [
          'allowed',
          'rejected',
        ] as const);
      }
      return { service_account_key_deletion: state.serviceAccountKeyDeletion };
    });

    /** Records usage as if inference calls had happened (for spend and report tests). */
    app.post('/usage', (request) => {
      const body = jsonBody(request.body);
      const projectId = requiredString(body, 'project_id');
      if (!state.projects.has(projectId)) throw new VendorError(404, `unknown project ${projectId}`);
      const model = findOpenAiModel(requiredString(body, 'model'));
      if (model === undefined) throw new VendorError(400, 'unknown model', { param: 'model' });
      const inputTokens = optionalInteger(body, 'input_tokens', 0) ?? 0;
      const outputTokens = optionalInteger(body, 'output_tokens', 0) ?? 0;
      const record = {
        at: optionalInteger(body, 'at', 0) ?? clock.nowSeconds(),
        projectId,
        apiKeyId: optionalString(body, 'api_key_id') ?? null,
        model: model.id,
        inputTokens,
        outputTokens,
        requests: optionalInteger(body, 'requests', 0) ?? 1,
        costCents: costInCents(model, inputTokens, outputTokens),
      };
      state.usage.push(record);
      return {
        recorded: true,
        cost_cents: record.costCents,
        month_spend_cents: state.monthSpendCents(projectId),
      };
    });

    app.get<{ Params: { projectId: string } }>('/projects/:projectId/spend', (request) => {
      if (!state.projects.has(request.params.projectId)) throw new VendorError(404, 'unknown project');
      return {
        project_id: request.params.projectId,
        month_spend_cents: state.monthSpendCents(request.params.projectId),
      };
    });
  };
}
