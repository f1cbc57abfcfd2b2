import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { authorize } from '@sim/google/auth/permissions';
import { googleError, permissionDenied } from '@sim/google/google-errors';
import { jsonObject, splitVerb } from '@sim/google/iam/iam-resources';
import type { GoogleWorld } from '@sim/google/world/google-world';

interface ModelParams {
  project: string;
  location: string;
  model: string;
}

const estimateTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function promptTexts(body: Record<string, unknown>): string[] {
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    throw googleError(
      400,
      'INVALID_ARGUMENT',
      'Unable to submit request because it must include at least one parts field, which describes the prompt input.',
    );
  }
  return (contents as unknown[]).flatMap((content) => {
    const parts = jsonObject(content).parts;
    if (!Array.isArray(parts) || parts.length === 0) {
      throw googleError(
        400,
        'INVALID_ARGUMENT',
        'Unable to submit request because it must include at least one parts field, which describes the prompt input.',
      );
    }
    return (parts as unknown[]).map((part) => {
      const text = jsonObject(part).text;
      return typeof text === 'string' ? text : '';
    });
  });
}

const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
const MAX_LABELS = 64;

/** Request labels, Google's rules: at most 64, lowercase keys starting with a letter, short lowercase values. */
function labelsOf(body: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(jsonObject(body.labels));
  if (entries.length > MAX_LABELS)
    throw googleError(400, 'INVALID_ARGUMENT', `At most ${MAX_LABELS} labels are allowed.`);
  for (const [key, value] of entries) {
    if (!LABEL_KEY.test(key) || typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      throw googleError(
        400,
        'INVALID_ARGUMENT',
        `Invalid label ${key}: keys and values must be lowercase letters, digits, '_' or '-' (keys start with a letter, both at most 63 characters).`,
      );
    }
  }
  return Object.fromEntries(entries as Array<[string, string]>);
}

/**
 * Vertex AI `generateContent` on a publisher model. Only a live credential whose account holds a role
 * with `aiplatform.endpoints.predict` on the project gets an answer; the answer is deterministic.
 */
export function registerGenerateContentRoutes(app: FastifyInstance, world: GoogleWorld): void {
  for (const apiVersion of ['v1', 'v1beta1']) {
    app.post<{ Params: ModelParams }>(
      `/${apiVersion}/projects/:project/locations/:location/publishers/google/models/:model`,
      (request) => {
        const { id: model, verb } = splitVerb(request.params.model);
        if (verb !== 'generateContent')
          throw googleError(404, 'NOT_FOUND', `Method not found: ${request.params.model}`);
        const { project, location } = request.params;
        const resource = `projects/${project}/locations/${location}/publishers/google/models/${model}`;
        const principal = authorize(
          world,
          request,
          'aiplatform.endpoints.predict',
          `//aiplatform.googleapis.com/${resource}`,
        );
        if (project !== world.projectId && project !== world.projectNumber) {
          throw permissionDenied('aiplatform.endpoints.predict', `//aiplatform.googleapis.com/${resource}`);
        }
        const body = jsonObject(request.body);
        const prompt = promptTexts(body);
        const labels = labelsOf(body);
        const promptText = prompt.join('\n');
        const digest = createHash('sha256').update(`${model}\n${promptText}`).digest('hex').slice(0, 8);
        const answer = `Simulated ${model} reply ${digest} to: ${(prompt[prompt.length - 1] ?? '').slice(0, 80)}`;
        const promptTokens = estimateTokens(promptText);
        const candidatesTokens = estimateTokens(answer);
        world.recordUsage({
          at: world.clock.now().toISOString(),
          principal: principal.account.email,
          keyId: principal.keyId,
          location,
          model,
          promptTokens,
          candidatesTokens,
          labels,
        });
        return {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: answer }] },
              finishReason: 'STOP',
              avgLogprobs: -0.05,
            },
          ],
          usageMetadata: {
            promptTokenCount: promptTokens,
            candidatesTokenCount: candidatesTokens,
            totalTokenCount: promptTokens + candidatesTokens,
            trafficType: 'ON_DEMAND',
            promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
            candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: candidatesTokens }],
          },
          modelVersion: model,
          createTime: world.clock.now().toISOString(),
          responseId: randomBytes(12).toString('base64url'),
        };
      },
    );
  }
}
