import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { armError } from '@sim/azure/azure-errors';
import { accountResourceId } from '@sim/azure/arm/arm-resource-ids';
import type { AzureWorld } from '@sim/azure/arm/azure-world';
import type { CognitiveAccount } from '@sim/azure/arm/cognitive-account';
import {
  deterministicReply,
  estimateTokens,
  parseMessages,
} from '@sim/azure/data-plane/chat-completion-reply';
import type { DeploymentRateLimiter } from '@sim/azure/data-plane/deployment-rate-limiter';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';

interface ChatParams {
  subdomain?: string;
  location?: string;
  deployment: string;
}

const CHAT_SUFFIX = 'openai/deployments/:deployment/chat/completions';
const FILTER_RESULTS = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

function numberField(body: unknown, name: string): number | undefined {
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The account the presented key belongs to, and which of its two keys it is (current values only). */
function authenticate(
  request: FastifyRequest,
  candidates: CognitiveAccount[],
): { account: CognitiveAccount; keyName: 'key1' | 'key2' } {
  const header = request.headers['api-key'];
  const apiKey = Array.isArray(header) ? header[0] : header;
  if (apiKey === undefined || apiKey === '') {
    throw armError(
      401,
      '401',
      'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    );
  }
  for (const account of candidates) {
    if (account.provisioningState !== 'Succeeded') continue;
    const keyName = sameSecret(apiKey, account.keys.key1)
      ? 'key1'
      : sameSecret(apiKey, account.keys.key2)
        ? 'key2'
        : null;
    if (keyName === null) continue;
    if (account.disableLocalAuth)
      throw armError(
        403,
        'AuthenticationTypeDisabled',
        'Key based authentication is disabled for this resource.',
      );
    return { account, keyName };
  }
  throw armError(
    401,
    '401',
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  );
}

/**
 * The Azure OpenAI data plane: `POST {endpoint}openai/deployments/{deployment}/chat/completions`
 * with the account's `api-key`. A model is reachable only through a deployment of that account.
 */
export function registerChatCompletionsRoutes(
  app: FastifyInstance,
  world: AzureWorld,
  limiter: DeploymentRateLimiter,
): void {
  const handler = (request: FastifyRequest<{ Params: ChatParams }>) => {
    const apiVersion = queryValue(asVendorQuery(request.query), 'api-version');
    if (apiVersion === undefined || apiVersion === '') throw armError(404, '404', 'Resource not found');
    const { subdomain, location, deployment: deploymentName } = request.params;
    const candidates =
      subdomain !== undefined
        ? world.accountsForSubdomain(subdomain)
        : world.accountsForRegion(location ?? '');
    const { account, keyName } = authenticate(request, candidates);
    const deployment = account.deployments.get(deploymentName.toLowerCase());
    if (deployment === undefined || deployment.provisioningState !== 'Succeeded') {
      throw armError(
        404,
        'DeploymentNotFound',
        'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
      );
    }
    const messages = parseMessages(request.body);
    if (messages === null)
      throw armError(
        400,
        'BadRequest',
        "'messages' is a required property and must be a non-empty array of messages.",
      );
    if ((request.body as { stream?: unknown }).stream === true) {
      throw armError(400, 'BadRequest', 'Streaming is not supported by the vendor simulator.');
    }
    const reply = deterministicReply(deployment.model.name, messages);
    const promptTokens = messages.reduce((sum, message) => sum + estimateTokens(message.text) + 3, 3);
    const completionTokens = estimateTokens(reply);
    const maxTokens =
      numberField(request.body, 'max_completion_tokens') ?? numberField(request.body, 'max_tokens');
    const decision = limiter.take(
      `${accountResourceId(account.address)}/${deployment.name}`.toLowerCase(),
      deployment.capacity,
      promptTokens + (maxTokens ?? completionTokens),
    );
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw armError(
        429,
        '429',
        `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${apiVersion} have exceeded ${decision.limit === 'tokens' ? 'token' : 'call'} rate limit of your current OpenAI ${account.skuName} pricing tier. Please retry after ${seconds} seconds.`,
        {
          'retry-after': String(seconds),
          'retry-after-ms': String(Math.max(0, decision.retryAfterMs)),
          [`x-ratelimit-remaining-${decision.limit}`]: '0',
        },
      );
    }
    world.recordUsage({
      at: world.clock.now().toISOString(),
      accountId: accountResourceId(account.address),
      deployment: deployment.name,
      model: deployment.model.name,
      keyName,
      promptTokens,
      completionTokens,
    });
    const headers = {
      'x-ratelimit-remaining-requests': String(decision.remainingRequests),
      'x-ratelimit-remaining-tokens': String(decision.remainingTokens),
    };
    const body = {
      id: `chatcmpl-${randomBytes(15).toString('base64url')}`,
      object: 'chat.completion',
      created: world.clock.nowSeconds(),
      model: /^\d{4}-\d{2}-\d{2}$/.test(deployment.model.version)
        ? `${deployment.model.name}-${deployment.model.version}`
        : deployment.model.name,
      system_fingerprint: 'fp_keygate_sim',
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: FILTER_RESULTS }],
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          logprobs: null,
          message: { role: 'assistant', content: reply, refusal: null, annotations: [] },
          content_filter_results: FILTER_RESULTS,
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    };
    return { headers, body };
  };

  for (const prefix of ['/custom-domains/:subdomain', '/regions/:location']) {
    app.post<{ Params: ChatParams }>(`${prefix}/${CHAT_SUFFIX}`, (request, reply) => {
      const answer = handler(request);
      return reply.headers(answer.headers).send(answer.body);
    });
  }
}
