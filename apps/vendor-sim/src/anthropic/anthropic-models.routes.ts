import type { FastifyInstance } from 'fastify';
import { asVendorQuery } from '@sim/common/vendor-query';
import { requireActiveApiKey } from '@sim/anthropic/anthropic-auth';
import {
  ANTHROPIC_MODELS,
  type AnthropicModel,
  findAnthropicModel,
} from '@sim/anthropic/anthropic-catalogue';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { anthropicPage } from '@sim/anthropic/anthropic-list';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

function modelJson(model: AnthropicModel) {
  return {
    type: 'model' as const,
    id: model.id,
    display_name: model.displayName,
    created_at: model.createdAt,
    lifecycle: model.retiresAt === undefined ? ('active' as const) : ('deprecated' as const),
    deprecated_at: null,
    retires_at: model.retiresAt ?? null,
    max_input_tokens: 200_000,
    max_tokens: 64_000,
    capabilities: null,
    line: null,
  };
}

/** `GET /v1/models[/{id}]` for a key holder: the catalogue the simulator serves. */
export function registerAnthropicModelRoutes(app: FastifyInstance, state: AnthropicState): void {
  app.get('/models', (request) => {
    requireActiveApiKey(request, state);
    return anthropicPage(
      ANTHROPIC_MODELS.map(modelJson),
      (model) => model.id,
      asVendorQuery(request.query),
      1000,
    );
  });

  app.get<{ Params: { modelId: string } }>('/models/:modelId', (request) => {
    requireActiveApiKey(request, state);
    const model = findAnthropicModel(request.params.modelId);
    if (model === undefined) throw anthropicErrors.notFound(`model: ${request.params.modelId}`);
    return modelJson(model);
  });
}
