import { randomBytes } from 'node:crypto';
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
import { authenticateKey, type KeyHolder, presentedKey } from '@sim/azure/data-plane/data-plane-auth';
import type { DeploymentRateLimiter } from '@sim/azure/data-plane/deployment-rate-limiter';
import { asVendorQuery, queryValue } from '@sim/common/vendor-query';

interface EndpointParams {
  subdomain?: string;
  location?: string;
}

interface DeploymentParams extends EndpointParams {
  deployment: string;
}

const ENDPOINT_PREFIXES = ['/custom-domains/:subdomain', '/regions/:location'];
const FILTER_RESULTS = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

function numberField(body: unknown, name: string): number | undefined {
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function candidatesFor(world: AzureWorld, params: EndpointParams): CognitiveAccount[] {
  return params.subdomain !== undefined
    ? world.accountsForSubdomain(params.subdomain)
    : world.accountsForRegion(params.location ?? '');
}

/**
 * The Azure OpenAI data plane of every account: `POST {endpoint}openai/deployments/{d}/chat/completions
 * ?api-version=…` with `api-key`, and the v1 surface `POST {endpoint}openai/v1/chat/completions` whose
 * body names the deployment in `model`. A model is reachable only through a deployment of that account.
 */
export function registerChatCompletionsRoutes(
  app: FastifyInstance,
  world: AzureWorld,
  limiter: DeploymentRateLimiter,
): void {
  const answer = (
    request: FastifyRequest,
    caller: KeyHolder,
    deploymentName: string,
    operationVersion: string,
  ) => {
    const { account, keyName } = caller;
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
    const limiterKey = `${accountResourceId(account.address)}/${deployment.name}`.toLowerCase();
    const decision = limiter.take(
      limiterKey,
      deployment.capacity,
      promptTokens + (maxTokens ?? completionTokens),
    );
    if (!decision.allowed) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw armError(
        429,
        '429',
        `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${operationVersion} have exceeded ${decision.limit === 'tokens' ? 'token' : 'call'} rate limit of your current OpenAI ${account.skuName} pricing tier. Please retry after ${seconds} seconds.`,
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
    const version = deployment.model.version;
    const body = {
      id: `chatcmpl-${randomBytes(15).toString('base64url')}`,
      object: 'chat.completion',
      created: world.clock.nowSeconds(),
      model: /^\d{4}-\d{2}-\d{2}$/.test(version)
        ? `${deployment.model.name}-${version}`
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

  for (const prefix of ENDPOINT_PREFIXES) {
    app.post<{ Params: DeploymentParams }>(
      `${prefix}/openai/deployments/:deployment/chat/completions`,
      (request, reply) => {
        const apiVersion = queryValue(asVendorQuery(request.query), 'api-version');
        if (apiVersion === undefined || apiVersion === '') throw armError(404, '404', 'Resource not found');
        const caller = authenticateKey(presentedKey(request, false), candidatesFor(world, request.params));
        const result = answer(request, caller, request.params.deployment, apiVersion);
        return reply.headers(result.headers).send(result.body);
      },
    );

    app.post<{ Params: EndpointParams }>(`${prefix}/openai/v1/chat/completions`, (request, reply) => {
      const caller = authenticateKey(presentedKey(request, true), candidatesFor(world, request.params));
      const model = (request.body as { model?: unknown } | undefined)?.model;
      if (typeof model !== 'string' || model === '')
        throw armError(400, 'BadRequest', "'model' (the deployment name) is required.");
      const result = answer(request, caller, model, 'v1');
      return reply.headers(result.headers).send(result.body);
    });
  }
}
