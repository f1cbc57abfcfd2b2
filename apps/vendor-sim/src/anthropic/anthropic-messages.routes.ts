import type { FastifyInstance } from 'fastify';
import { jsonBody, optionalInteger, requiredString } from '@sim/common/body-fields';
import type { SimClock } from '@sim/common/sim-clock';
import { requireActiveApiKey } from '@sim/anthropic/anthropic-auth';
import { findAnthropicModel } from '@sim/anthropic/anthropic-catalogue';
import { anthropicErrors } from '@sim/anthropic/anthropic-errors';
import { newMessageId } from '@sim/anthropic/anthropic-ids';
import { rateLimitForModel } from '@sim/anthropic/anthropic-rate-limits';
import { VendorError } from '@sim/common/vendor-error';
import type { AnthropicState } from '@sim/anthropic/anthropic-state';

const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function promptText(messages: unknown): string {
  if (!Array.isArray(messages) || messages.length === 0)
    throw anthropicErrors.invalidRequest('messages: Field required');
  return messages
    .map((message: unknown) => {
      const content = (message as { content?: unknown } | null)?.content;
      return typeof content === 'string' ? content : JSON.stringify(content ?? '');
    })
    .join('\n');
}

/** `POST /v1/messages` with a deterministic reply; only active keys; usage recorded for the reports. */
export function registerAnthropicMessagesRoutes(
  app: FastifyInstance,
  state: AnthropicState,
  clock: SimClock,
): void {
  app.post('/messages', (request) => {
    const key = requireActiveApiKey(request, state);
    const body = jsonBody(request.body);
    const modelId = requiredString(body, 'model');
    const maxTokens = optionalInteger(body, 'max_tokens', 1);
    if (maxTokens === undefined) throw anthropicErrors.invalidRequest('max_tokens: Field required');
    const prompt = promptText(body.messages);
    const model = findAnthropicModel(modelId);
    if (model === undefined) throw anthropicErrors.notFound(`model: ${modelId}`);
    if (body.stream === true)
      throw anthropicErrors.invalidRequest('stream: the simulator does not stream responses');
    const rateLimit = rateLimitForModel(model.id);
    if (rateLimit !== undefined) {
      const taken = state.rateLimits.takeRequest(key.workspaceId, rateLimit);
      if (!taken.allowed) {
        const perMinute = state.rateLimits.effective(key.workspaceId, rateLimit, 'requests_per_minute');
        throw new VendorError(
          429,
          `This request would exceed the rate limit for your workspace of ${perMinute} requests per minute. Please try again later.`,
          { headers: { 'retry-after': String(taken.retryAfterSeconds) } },
        );
      }
    }

    const text = `Simulated reply from ${model.id}.`;
    const inputTokens = estimateTokens(prompt);
    const outputTokens = Math.min(maxTokens, estimateTokens(text));
    state.usage.push({
      at: clock.nowMs(),
      apiKeyId: key.id,
      workspaceId: key.workspaceId,
      model: model.id,
      inputTokens,
      outputTokens,
    });
    return {
      id: newMessageId(),
      type: 'message',
      role: 'assistant',
      model: model.id,
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: inputTokens,
        output_tokens: outputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        service_tier: 'standard',
      },
    };
  });
}
