import { request } from 'node:https';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ClientSecretCredential } from '@azure/identity';
import { type RunningAzureSim, startAzureSim } from '@sim/azure/start-azure-sim';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import { buildControlServer } from '@sim/control/control-server';

/** Shared by the Azure specs: a running simulator and the real SDK clients pointed at it. */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const CLIENT_SECRET = 'sim~client~secret~value';
export const SUBSCRIPTION_ID = '00000000-1111-2222-3333-444444444444';
export const RESOURCE_GROUP = 'keygate-devs';

export interface AzureFixture {
  ctx: SimContext;
  sim: RunningAzureSim;
  credential: ClientSecretCredential;
  arm: CognitiveServicesManagementClient;
}

export async function startAzureFixture(): Promise<AzureFixture> {
  const ctx = createSimContext();
  const sim = await startAzureSim(ctx, {
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    subscriptionId: SUBSCRIPTION_ID,
  });
  const credential = new ClientSecretCredential(TENANT_ID, CLIENT_ID, CLIENT_SECRET, {
    authorityHost: sim.url,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: sim.caPem },
  });
  const arm = new CognitiveServicesManagementClient(credential, SUBSCRIPTION_ID, {
    endpoint: sim.url,
    credentialScopes: ['https://management.azure.com/.default'],
    tlsOptions: { ca: sim.caPem },
  });
  return { ctx, sim, credential, arm };
}

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A plain HTTPS call that trusts only the simulator's CA. */
export function httpsJson(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpsAnswer> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: init.method ?? 'GET',
        ca,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text === '' ? undefined : (JSON.parse(text) as unknown),
          });
        });
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

export async function armToken(fixture: AzureFixture): Promise<string> {
  const token = await fixture.credential.getToken('https://management.azure.com/.default');
  return token.token;
}

export const openAiAccount = (subdomain: string) => ({
  location: 'eastus',
  kind: 'OpenAI',
  sku: { name: 'S0' },
  properties: { customSubDomainName: subdomain, publicNetworkAccess: 'Enabled' },
});

export function chat(
  endpoint: string,
  deployment: string,
  apiKey: string,
  ca: string,
  content = 'Say hello',
): Promise<HttpsAnswer> {
  return httpsJson(
    `${endpoint}openai/deployments/${deployment}/chat/completions?api-version=2024-10-21`,
    ca,
    {
      method: 'POST',
      headers: { 'api-key': apiKey },
      body: { messages: [{ role: 'user', content }], max_tokens: 50 },
    },
  );
}

/** Calls the simulator's control API (the real control server, on loopback) for vendor hooks. */
export async function controlRequest(
  ctx: SimContext,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const control = await buildControlServer(ctx);
  await control.listen({ host: '127.0.0.1', port: 0 });
  try {
    const address = control.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const answer = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: answer.status, body: await answer.json() };
  } finally {
    await control.close();
  }
}

/** A WHATWG `fetch` over node:https that trusts only the given CA (what the `openai` client takes as `fetch`). */
export function fetchTrusting(
  ca: string,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = init?.body == null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
    return new Promise<Response>((resolve, reject) => {
      const call = request(
        url,
        {
          method: init?.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init?.headers).entries()),
          ca,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (typeof value === 'string') headers.set(name, value);
            }
            resolve(new Response(Buffer.concat(chunks), { status: response.statusCode ?? 0, headers }));
          });
        },
      );
      call.on('error', reject);
      call.end(body);
    });
  };
}
