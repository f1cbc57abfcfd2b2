import { request } from 'node:https';
import Anthropic from '@anthropic-ai/sdk';
import { JWT } from 'google-auth-library';
import type { ApiResponse } from '../app/http-client';
import { recordSecret } from '../canary/secret-registry';
import { recordGoogleKeyFile, type MatrixVendor, type VendorStack } from './vendor-stack';

export interface IssuedKeyAnswer {
  key_id: string;
  vendor: string;
  api_key?: string;
  key_hint: string | null;
  project_name: string | null;
  status: string;
  expires_at: string;
  secret_delivered?: boolean;
  instructions: Record<string, unknown> & { base_url: string; auth_header: string };
  enforcement: Record<string, { enforced_by: string; note: string }>;
}

export interface MatrixDeveloper {
  id: string;
  name: string;
  email: string;
}

/**
 * How a developer gets and uses a key of one vendor, exactly as the instructions tell them: with the
 * vendor's own SDK or its documented HTTP call.
 */
export interface VendorDriver {
  vendor: MatrixVendor;
  /** Extra provision fields this vendor needs (Azure deploys the allowed models). */
  provisionBody: Record<string, unknown>;
  /** Called once per developer before the first provision (Anthropic: the developer's Console user exists). */
  prepareDeveloper(s: VendorStack, developer: MatrixDeveloper): Promise<void>;
  /** The secret the developer ends up holding: shown once by KeyGate, or (Anthropic) created in the Console and bound by the next pass. */
  secretOf(s: VendorStack, answer: IssuedKeyAnswer, developer: MatrixDeveloper): Promise<string>;
  /** The HTTP status of one small model call with that secret. */
  callStatus(s: VendorStack, secret: string, answer: IssuedKeyAnswer): Promise<number>;
}

const ANTHROPIC_MODEL = 'claude-sonnet-4-6';
const VERTEX_MODEL = 'gemini-2.5-flash';

const anthropicUsers = new Map<string, string>();

export const anthropicDriver: VendorDriver = {
  vendor: 'anthropic',
  provisionBody: {},
  async prepareDeveloper(s, developer) {
    const user = await s.sim.control.anthropic.addUser({ email: developer.email, name: developer.name });
    anthropicUsers.set(developer.email, user.id);
  },
  async secretOf(s, answer, developer) {
    if (answer.status !== 'awaiting_key') throw new Error(`expected awaiting_key, got ${answer.status}`);
    const rows = await s.t.dataSource.query<Array<{ scope_id: string }>>(`SELECT scope_id FROM issued_keys WHERE id = $1`, [answer.key_id]);
    const made = await s.sim.control.anthropic.createConsoleKey({ workspace_id: rows[0]?.scope_id ?? null, name: `${developer.name} laptop`, created_by_user_id: anthropicUsers.get(developer.email) });
    recordSecret(made.secret);
    await s.runJobs();
    return made.secret;
  },
  async callStatus(s, secret) {
    try {
      await new Anthropic({ apiKey: secret, baseURL: s.sim.urls.anthropic, maxRetries: 0 }).messages.create({ model: ANTHROPIC_MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'ping' }] });
      return 200;
    } catch (error: unknown) {
      if (error instanceof Anthropic.APIError && typeof error.status === 'number') return error.status;
      throw error;
    }
  },
};

export const azureDriver: VendorDriver = {
  vendor: 'azure_openai',
  provisionBody: { models_allowed: ['gpt-4o-mini'] },
  prepareDeveloper: () => Promise.resolve(),
  secretOf(_s, answer) {
    if (!answer.api_key) throw new Error(`no key in the answer (${answer.status})`);
    return Promise.resolve(answer.api_key);
  },
  /** The documented call: POST {endpoint}openai/deployments/{d}/chat/completions?api-version=… with the api-key header, CA trusted. */
  callStatus(s, secret, answer) {
    const deployment = (answer.instructions['deployments'] as string[] | undefined)?.[0] ?? 'gpt-4o-mini';
    const url = `${answer.instructions.base_url}openai/deployments/${deployment}/chat/completions?api-version=${String(answer.instructions['api_version'])}`;
    return new Promise((resolve, reject) => {
      const call = request(url, { method: 'POST', ca: s.sim.azureCaPem, headers: { 'api-key': secret, 'content-type': 'application/json' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      call.on('error', reject);
      call.end(JSON.stringify({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 16 }));
    });
  },
};

/** google-auth-library with the key file, its token exchange sent where GOOGLE_TOKEN_URL points. */
export function googleJwt(keyFile: string, tokenUrl: string): JWT {
  const credential = JSON.parse(keyFile) as { client_email: string; private_key: string; private_key_id: string };
  const client = new JWT({ email: credential.client_email, key: credential.private_key, keyId: credential.private_key_id, scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
  client.transporter.interceptors.request.add({
    resolved: (options) => {
      if (options.url.href === 'https://oauth2.googleapis.com/token') options.url = new URL(tokenUrl);
      options.fetchImplementation = fetch;
      return Promise.resolve(options);
    },
  });
  return client;
}

export const googleDriver: VendorDriver = {
  vendor: 'google_vertex',
  provisionBody: {},
  prepareDeveloper: () => Promise.resolve(),
  secretOf(_s, answer) {
    if (!answer.api_key) throw new Error(`no key in the answer (${answer.status})`);
    recordGoogleKeyFile(answer.api_key);
    return Promise.resolve(answer.api_key);
  },
  /**
   * generateContent at the example URL with an access token from the key. The token is kept per key, as a
   * client library caches it, so a call after revoke shows that Vertex itself refuses the token (401).
   */
  async callStatus(s, secret, answer) {
    let token = googleTokens.get(secret);
    if (!token) {
      try {
        token = (await googleJwt(secret, s.sim.urls.googleToken).getAccessToken()).token ?? '';
      } catch (error: unknown) {
        return statusOfExchangeFailure(error);
      }
      googleTokens.set(secret, token);
    }
    const url = String(answer.instructions['example_url']).replace('<model>', VERTEX_MODEL);
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'ping' }] }] }),
    });
    return response.status;
  },
};

const googleTokens = new Map<string, string>();

/** The token endpoint's answer to a refused exchange (400 invalid_grant for a deleted key). */
export function statusOfExchangeFailure(error: unknown): number {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  if (typeof status === 'number') return status;
  throw error;
}

export const VENDOR_DRIVERS: Record<MatrixVendor, VendorDriver> = { anthropic: anthropicDriver, azure_openai: azureDriver, google_vertex: googleDriver };

/** Every secret KeyGate hands out goes to the canary (Google: the whole JSON and its private_key). */
export function recordAnswerSecret(res: ApiResponse<IssuedKeyAnswer>): void {
  const secret = res.body?.api_key;
  if (!secret) return;
  if (secret.trimStart().startsWith('{')) recordGoogleKeyFile(secret);
  else recordSecret(secret);
}
