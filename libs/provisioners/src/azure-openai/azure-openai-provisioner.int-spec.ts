import { request } from 'node:https';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { ClientSecretCredential } from '@azure/identity';
import { startAzureSim, type RunningAzureSim } from '@sim/azure/start-azure-sim';
import { createSimContext, type SimContext } from '@sim/common/sim-context';
import type { DecryptedConnection, ProvisionResult } from '../contract';
import { collect, FAST_RETRY, intentFor, recordSteps, vendorErrorOf } from '../test-support/provisioner-fixtures.test';
import { AzureOpenAIProvisioner } from './azure-openai-provisioner';

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const CLIENT_SECRET = 'sim~client~secret~value-0123456789';
const SUBSCRIPTION_ID = '00000000-1111-2222-3333-444444444444';
const RESOURCE_GROUP = 'keygate-devs';

/** The Azure OpenAI data plane as the instructions describe it: POST with the api-key header. */
function chat(result: ProvisionResult, deployment: string, apiKey: string, ca: string): Promise<number> {
  const url = `${String(result.instructions.base_url)}openai/deployments/${deployment}/chat/completions?api-version=${String(result.instructions['api_version'])}`;
  return new Promise((resolve, reject) => {
    const call = request(url, { method: 'POST', ca, headers: { 'api-key': apiKey, 'content-type': 'application/json' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    call.on('error', reject);
    call.end(JSON.stringify({ messages: [{ role: 'user', content: 'hello' }], max_tokens: 16 }));
  });
}

describe('AzureOpenAIProvisioner against the vendor simulator', () => {
  let ctx: SimContext;
  let sim: RunningAzureSim;
  let provisioner: AzureOpenAIProvisioner;
  let conn: DecryptedConnection;
  let arm: CognitiveServicesManagementClient;

  beforeAll(async () => {
    ctx = createSimContext();
    sim = await startAzureSim(ctx, { tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, subscriptionId: SUBSCRIPTION_ID });
    provisioner = new AzureOpenAIProvisioner({
      azure_openai: { authorityHost: sim.url, armEndpoint: sim.url, caPem: sim.caPem, lroPollIntervalMs: 10 },
      retry: FAST_RETRY,
    });
    conn = {
      id: 'conn_azure',
      vendor: 'azure_openai',
      label: 'Sandbox Azure',
      adminCredential: CLIENT_SECRET,
      settings: { tenant_id: TENANT_ID, client_id: CLIENT_ID, subscription_id: SUBSCRIPTION_ID, resource_group: RESOURCE_GROUP, location: 'eastus' },
    };
    const credential = new ClientSecretCredential(TENANT_ID, CLIENT_ID, CLIENT_SECRET, { authorityHost: sim.url, disableInstanceDiscovery: true, tlsOptions: { ca: sim.caPem } });
    arm = new CognitiveServicesManagementClient(credential, SUBSCRIPTION_ID, {
      endpoint: sim.url,
      credentialScopes: ['https://management.azure.com/.default'],
      tlsOptions: { ca: sim.caPem },
    });
  });

  afterEach(() => ctx.faults.clear());
  afterAll(() => sim.stop());

  const keysOf = (result: ProvisionResult) => arm.accounts.listKeys(RESOURCE_GROUP, result.scopeName);

  it('creates an account with one deployment per allowed model; key1 works, other models do not, and revoke kills both keys', async () => {
    const { record, steps } = recordSteps();
    const result = await provisioner.provision(conn, intentFor({ modelsAllowed: ['gpt-4o-mini'], rateLimitRpm: 60 }), record);

    expect(steps.map((s) => s.step)).toEqual(['account_created', 'deployments_created']);
    expect(result.vendorKeyId).toBe('key1');
    expect(result.instructions).toMatchObject({ auth_header: 'api-key: <key>', deployments: ['gpt-4o-mini'] });
    const account = await arm.accounts.get(RESOURCE_GROUP, result.scopeName);
    expect(account).toMatchObject({ kind: 'OpenAI', properties: { customSubDomainName: result.scopeName } });
    const keys = await keysOf(result);
    expect(result.secret).toBe(keys.key1);
    expect(result.hint).toBe(`…${keys.key1?.slice(-4) ?? ''}`);
    expect(await chat(result, 'gpt-4o-mini', result.secret ?? '', sim.caPem)).toBe(200);
    expect(await chat(result, 'gpt-4o', result.secret ?? '', sim.caPem)).toBe(404);
    await expect(provisioner.readPolicy(conn, result)).resolves.toEqual({ modelsAllowed: ['gpt-4o-mini'], rateLimitRpm: 60 });

    await provisioner.revoke(conn, result, { offboard: false });
    expect(await chat(result, 'gpt-4o-mini', result.secret ?? '', sim.caPem)).toBe(401);
    expect(await chat(result, 'gpt-4o-mini', keys.key2 ?? '', sim.caPem)).toBe(401);
    await provisioner.revoke(conn, result, { offboard: false });
  });

  it('sizes deployments from the rate limit: 6 requests per minute per capacity unit, rounded up', async () => {
    const result = await provisioner.provision(conn, intentFor({ modelsAllowed: ['gpt-4o-mini', 'gpt-4o'], rateLimitRpm: 100 }), recordSteps().record);
    const deployments = await collect(arm.deployments.list(RESOURCE_GROUP, result.scopeName));
    expect(deployments.map((deployment) => deployment.sku?.capacity)).toEqual([17, 17]);
  });

  it('rotates to key2, then revokeSuperseded regenerates key1', async () => {
    const first = await provisioner.provision(conn, intentFor({ modelsAllowed: ['gpt-4o-mini'] }), recordSteps().record);
    const second = await provisioner.rotate(conn, first);
    expect(second.vendorKeyId).toBe('key2');
    expect(await chat(first, 'gpt-4o-mini', first.secret ?? '', sim.caPem)).toBe(200);
    expect(await chat(second, 'gpt-4o-mini', second.secret ?? '', sim.caPem)).toBe(200);
    await provisioner.revokeSuperseded(conn, first);
    expect(await chat(first, 'gpt-4o-mini', first.secret ?? '', sim.caPem)).toBe(401);
    expect(await chat(second, 'gpt-4o-mini', second.secret ?? '', sim.caPem)).toBe(200);
  });

  it('offboarding deletes and purges the account; doing it again is still success', async () => {
    const result = await provisioner.provision(conn, intentFor({ modelsAllowed: ['gpt-4o-mini'] }), recordSteps().record);
    await provisioner.revoke(conn, result, { offboard: true });
    await expect(arm.accounts.get(RESOURCE_GROUP, result.scopeName)).rejects.toMatchObject({ statusCode: 404 });
    await expect(arm.deletedAccounts.get('eastus', RESOURCE_GROUP, result.scopeName)).rejects.toMatchObject({ statusCode: 404 });
    await provisioner.revoke(conn, result, { offboard: true });
  });

  it('finds the account an interrupted provision left behind, and offboarding removes it', async () => {
    const intent = intentFor({ modelsAllowed: ['gpt-4o-mini'] });
    ctx.faults.add({ vendor: 'azure', method: 'PUT', path: '/deployments/', times: 0, action: { type: 'drop_after' } });
    expect((await vendorErrorOf(provisioner.provision(conn, intent, recordSteps().record))).kind).toBe('vendor_unavailable');
    ctx.faults.clear();

    const found = await provisioner.findByIntent(conn, intent.intentId);
    expect(found).toHaveLength(1);
    for (const ref of found) await provisioner.revoke(conn, ref, { offboard: true });
    await expect(provisioner.findByIntent(conn, intent.intentId)).resolves.toEqual([]);
  });

  it('survives a dropped answer to account creation', async () => {
    ctx.faults.add({ vendor: 'azure', method: 'PUT', path: '/accounts/[^/]+$', action: { type: 'drop_after' } });
    const result = await provisioner.provision(conn, intentFor({ modelsAllowed: ['gpt-4o-mini'] }), recordSteps().record);
    expect(await chat(result, 'gpt-4o-mini', result.secret ?? '', sim.caPem)).toBe(200);
  });

  it('lists managed accounts', async () => {
    const result = await provisioner.provision(conn, intentFor({ modelsAllowed: ['gpt-4o-mini'] }), recordSteps().record);
    const managed = await collect(provisioner.listManaged(conn));
    expect(managed.find((scope) => scope.scopeName === result.scopeName)).toMatchObject({ scopeId: result.scopeId });
  });

  it("deploys the connection's default models when the key has no allow-list, and refuses when there are none", async () => {
    const result = await provisioner.provision({ ...conn, settings: { ...conn.settings, default_models: 'gpt-4o-mini' } }, intentFor(), recordSteps().record);
    expect(result.instructions['deployments']).toEqual(['gpt-4o-mini']);
    expect((await vendorErrorOf(provisioner.provision(conn, intentFor(), recordSteps().record))).kind).toBe('invalid_request');
  });

  it('waits for Retry-After on 429', async () => {
    ctx.faults.add({ vendor: 'azure', method: 'GET', path: '/accounts$', action: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const started = Date.now();
    await expect(provisioner.checkConnection(conn)).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx a bounded number of times, then reports the vendor unavailable', async () => {
    const rule = ctx.faults.add({ vendor: 'azure', method: 'GET', path: '/accounts$', times: 0, action: { type: 'status', status: 500 } });
    expect((await vendorErrorOf(provisioner.checkConnection(conn))).kind).toBe('vendor_unavailable');
    expect(ctx.faults.list().find((r) => r.id === rule.id)?.fired).toBe(FAST_RETRY.maxAttempts);
  });

  it('fails the connection check for a connection without its Azure settings', async () => {
    const incomplete = { ...conn, settings: { ...conn.settings, subscription_id: '' } };
    await expect(provisioner.checkConnection(incomplete)).resolves.toMatchObject({ ok: false, detail: expect.stringMatching(/subscription_id/) as unknown });
    await expect(provisioner.checkConnection(conn)).resolves.toMatchObject({ ok: true });
  });

  it('reports a wrong client secret as a rejected connection without echoing it', async () => {
    const wrong = { ...conn, adminCredential: 'wrong~secret~abcdefghijklmnop' };
    const error = await vendorErrorOf(provisioner.provision(wrong, intentFor({ modelsAllowed: ['gpt-4o-mini'] }), recordSteps().record));
    expect(error.kind).toBe('connection_rejected');
    expect(error.message).toContain('"Sandbox Azure" (conn_azure)');
    expect(`${error.message}${JSON.stringify(error.details)}`).not.toContain('abcdefghijklmnop');
  });
});
