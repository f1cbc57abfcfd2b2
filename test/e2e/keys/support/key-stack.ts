import { randomBytes, randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import {
  createTestOrganization,
  recordSecret,
  startTestApp,
  startVendorSimForTests,
  type ApiResponse,
  type TestApp,
  type TestOrganization,
  type TestVendorSim,
} from '@keygate/testing';
import { JobsService, type PassReport } from '@api/modules/jobs/jobs.service';

export interface ProvisionedKey {
  key_id: string;
  vendor: string;
  api_key?: string;
  key_hint: string | null;
  project_name: string | null;
  status: string;
  expires_at: string;
  secret_delivered?: boolean;
  instructions: { base_url: string; auth_header: string };
  enforcement: Record<string, { enforced_by: string; note: string }>;
  old_key_revoke_after?: string | null;
}

export interface KeyView {
  key_id: string;
  status: string;
  developer_id: string;
  drift: boolean;
  drift_details: Record<string, { expected: unknown; actual: unknown }> | null;
  last_error: string | null;
  superseded_by: string | null;
  revoke_attempts: number;
  project_name: string | null;
}

export interface KeyStack {
  t: TestApp;
  sim: TestVendorSim;
  org: TestOrganization;
  token: string;
  connectionId: string;
  runJobs(): Promise<PassReport>;
  close(): Promise<void>;
}

/** Vendor simulator + API (serve mode, jobs off: tests run passes themselves) + an org with an OpenAI connection. */
export async function startKeyStack(env: Record<string, string> = {}): Promise<KeyStack> {
  const sim = await startVendorSimForTests();
  recordSecret(sim.credentials.openaiAdminKey);
  recordSecret(sim.credentials.anthropicAdminKey);
  const t = await startTestApp({ env: { OPENAI_BASE_URL: sim.urls.openai, ANTHROPIC_BASE_URL: sim.urls.anthropic, JOBS_ENABLED: 'false', ...env } });
  const org = await createTestOrganization(t);
  const token = org.users.owner.token;
  const connection = await t.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'sim', admin_api_key: sim.credentials.openaiAdminKey }, { token });
  if (connection.status !== 201) throw new Error(`connection: ${connection.status} ${connection.text}`);
  const jobs = t.app.get(JobsService);
  return {
    t,
    sim,
    org,
    token,
    connectionId: connection.body.id,
    runJobs: () => jobs.runPass(),
    async close() {
      await t.close();
      await sim.stop();
    },
  };
}

export async function createDeveloper(s: KeyStack, name = `Dev ${randomBytes(3).toString('hex')}`): Promise<string> {
  const res = await s.t.http.post<{ id: string }>('/api/v1/developers', { name, email: `${name.replace(/\W+/g, '.').toLowerCase()}@example.com`, team: 'platform' }, { token: s.token });
  if (res.status !== 201) throw new Error(`developer: ${res.status} ${res.text}`);
  return res.body.id;
}

/** POST /keys/provision; every secret received is registered with the canary. */
export interface CallOptions {
  token?: string;
  idempotencyKey?: string;
  /** The test provokes a 5xx (vendor down, credential rejected): tag the request so the teardown's 5xx scan accepts it. */
  expectServerError?: boolean;
}

export function headersFor(options: CallOptions): Record<string, string> {
  return {
    ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    ...(options.expectServerError ? { 'x-request-id': `expected-5xx-${randomUUID()}` } : {}),
  };
}

export async function provisionKey(s: KeyStack, body: Record<string, unknown>, options: CallOptions = {}): Promise<ApiResponse<ProvisionedKey>> {
  const res = await s.t.http.post<ProvisionedKey>('/api/v1/keys/provision', { vendor: 'openai', ...body }, { token: options.token ?? s.token, headers: headersFor(options) });
  if (res.body?.api_key) recordSecret(res.body.api_key);
  return res;
}

export async function rotateKey(s: KeyStack, id: string, body: Record<string, unknown> = {}, options: CallOptions = {}): Promise<ApiResponse<ProvisionedKey>> {
  const res = await s.t.http.post<ProvisionedKey>(`/api/v1/keys/${id}/rotate`, body, { token: options.token ?? s.token, headers: headersFor(options) });
  if (res.body?.api_key) recordSecret(res.body.api_key);
  return res;
}

export async function getKey(s: KeyStack, id: string): Promise<KeyView> {
  return (await s.t.http.get<KeyView>(`/api/v1/keys/${id}`, { token: s.token })).body;
}

/** The official OpenAI SDK pointed at the simulator, as a developer would use the issued key. */
export function openaiWith(s: KeyStack, apiKey: string): OpenAI {
  return new OpenAI({ apiKey, baseURL: s.sim.urls.openai, maxRetries: 0 });
}

/** The HTTP status the vendor answers a small completion with (200, 401, 403, 429 …). */
export function completionStatus(s: KeyStack, apiKey: string, model = 'gpt-4o-mini'): Promise<number> {
  return completionStatusAt(s.sim.urls.openai, apiKey, model);
}

export async function completionStatusAt(baseURL: string, apiKey: string, model = 'gpt-4o-mini'): Promise<number> {
  try {
    await new OpenAI({ apiKey, baseURL, maxRetries: 0 }).chat.completions.create({ model, messages: [{ role: 'user', content: 'ping' }] });
    return 200;
  } catch (error: unknown) {
    if (error instanceof OpenAI.APIError && typeof error.status === 'number') return error.status;
    throw error;
  }
}

/** The vendor's own admin view, through the official SDK with the admin key. */
export function openaiAdmin(s: KeyStack): OpenAI['admin']['organization'] {
  return new OpenAI({ adminAPIKey: s.sim.credentials.openaiAdminKey, apiKey: null, baseURL: s.sim.urls.openai, maxRetries: 0 }).admin.organization;
}

export async function vendorCallCount(s: KeyStack, since: number, match: (e: { method: string; path: string }) => boolean): Promise<number> {
  return (await s.sim.control.journal({ vendor: 'openai', since })).filter(match).length;
}

export async function journalHead(s: KeyStack): Promise<number> {
  const all = await s.sim.control.journal();
  return all.length === 0 ? 0 : Math.max(...all.map((e) => e.seq));
}
