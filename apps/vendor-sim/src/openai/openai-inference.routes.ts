import type { FastifyInstance } from 'fastify';
import { jsonBody, requiredString } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { VendorError } from '@sim/common/vendor-error';
import { costInCents, findOpenAiModel, OPENAI_MODELS, type OpenAiModel } from '@sim/openai/openai-catalogue';
import { requireIssuedKey } from '@sim/openai/openai-auth';
import { openAiErrors } from '@sim/openai/openai-errors';
import { newCompletionId } from '@sim/openai/openai-ids';
import type { ProjectRecord } from '@sim/openai/openai-records';
import type { OpenAiState } from '@sim/openai/openai-state';

const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function modelAllowed(state: OpenAiState, project: ProjectRecord, modelId: string): boolean {
  const permissions = state.modelPermissions.get(project.id);
  if (permissions === undefined) return true;
  const listed = permissions.modelIds.includes(modelId);
  return permissions.mode === 'allow_list' ? listed : !listed;
}

function modelJson(model: OpenAiModel) {
  return { id: model.id, object: 'model', created: model.created, owned_by: 'system' };
}

function promptText(messages: unknown): string {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw openAiErrors.badRequest("Missing required parameter: 'messages'.", 'messages');
  }
  return messages
    .map((message: unknown) => {
      const content = (message as { content?: unknown } | null)?.content;
      return typeof content === 'string' ? content : JSON.stringify(content ?? '');
    })
    .join('\n');
}

/** Applies the project's per-model RPM and TPM limits; returns the `x-ratelimit-*` headers to send. */
function enforceRateLimits(state: OpenAiState, project: ProjectRecord, model: OpenAiModel, tokens: number) {
  const rateLimit = (state.rateLimits.get(project.id) ?? []).find((item) => item.model === model.id);
  const limits = {
    requests: rateLimit?.limits.max_requests_per_1_minute ?? model.defaultRequestsPerMinute,
    tokens: rateLimit?.limits.max_tokens_per_1_minute ?? model.defaultTokensPerMinute,
  };
  const window = state.takeRequest(project.id, model.id, limits, tokens);
  const headers = {
    'x-ratelimit-limit-requests': String(limits.requests),
    'x-ratelimit-remaining-requests': String(window.remainingRequests),
    'x-ratelimit-reset-requests': `${window.resetSeconds}s`,
    'x-ratelimit-limit-tokens': String(limits.tokens),
    'x-ratelimit-remaining-tokens': String(window.remainingTokens),
    'x-ratelimit-reset-tokens': `${window.resetSeconds}s`,
  };
  if (window.exceeded === null) return headers;
  const what =
    window.exceeded === 'requests'
      ? `requests per min (RPM): Limit ${limits.requests}, Used ${limits.requests}, Requested 1`
      : `tokens per min (TPM): Limit ${limits.tokens}, Used ${window.usedTokens}, Requested ${tokens}`;
  throw new VendorError(
    429,
    `Rate limit reached for ${model.id} in project ${project.id} on ${what}. Please try again in ${window.resetSeconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    {
      type: window.exceeded === 'requests' ? 'requests' : 'tokens',
      code: 'rate_limit_exceeded',
      headers: { ...headers, 'retry-after': String(window.resetSeconds) },
    },
  );
}

/** The data plane: `GET /models` and `POST /chat/completions`, enforcing the project's policy. */
export function registerOpenAiInferenceRoutes(
  app: FastifyInstance,
  state: OpenAiState,
  clock: SimClock,
): void {
  app.get('/models', (request) => {
    const { project } = requireIssuedKey(request, state, clock.nowSeconds());
    const data = OPENAI_MODELS.filter((model) => modelAllowed(state, project, model.id)).map(modelJson);
    return { object: 'list', data };
  });

  app.get<{ Params: { model: string } }>('/models/:model', (request) => {
    const { project } = requireIssuedKey(request, state, clock.nowSeconds());
    const model = findOpenAiModel(request.params.model);
    if (model === undefined || !modelAllowed(state, project, model.id)) {
      throw new VendorError(404, `The model '${request.params.model}' does not exist`, {
        code: 'model_not_found',
        param: 'model',
      });
    }
    return modelJson(model);
  });

  app.post('/chat/completions', (request, reply) => {
    const now = clock.nowSeconds();
    const { key, project } = requireIssuedKey(request, state, now);
    const body = jsonBody(request.body);
    const modelId = requiredString(body, 'model');
    const model = findOpenAiModel(modelId);
    if (model === undefined) {
      throw new VendorError(404, `The model \`${modelId}\` does not exist or you do not have access to it.`, {
        code: 'model_not_found',
      });
    }
    if (!modelAllowed(state, project, model.id)) {
      throw new VendorError(403, `Project \`${project.id}\` does not have access to model \`${model.id}\``, {
        code: 'model_not_found',
      });
    }
    if (body.stream === true)
      throw openAiErrors.badRequest('The simulator does not stream responses.', 'stream');
    const prompt = promptText(body.messages);

    const spendLimit = state.spendLimits.get(project.id);
    if (spendLimit !== undefined && state.monthSpendCents(project.id) >= spendLimit.thresholdAmount) {
      throw new VendorError(
        429,
        'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        { type: 'insufficient_quota', code: 'insufficient_quota' },
      );
    }

    const content = `Simulated reply from ${model.id}.`;
    const promptTokens = estimateTokens(prompt);
    const completionTokens = estimateTokens(content);
    const rateHeaders = enforceRateLimits(state, project, model, promptTokens + completionTokens);

    state.usage.push({
      at: now,
      projectId: project.id,
      apiKeyId: key.id,
      model: model.id,
      inputTokens: promptTokens,
      outputTokens: completionTokens,
      requests: 1,
      costCents: costInCents(model, promptTokens, completionTokens),
    });
    void reply.headers(rateHeaders);
    return {
      id: newCompletionId(),
      object: 'chat.completion',
      created: now,
      model: model.id,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
      service_tier: 'default',
      system_fingerprint: null,
    };
  });
}
