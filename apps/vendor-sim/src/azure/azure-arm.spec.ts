import { ClientSecretCredential } from '@azure/identity';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import {
  type AzureFixture,
  armToken,
  CLIENT_ID,
  httpsJson,
  openAiAccount,
  RESOURCE_GROUP,
  startAzureFixture,
  SUBSCRIPTION_ID,
  TENANT_ID,
} from '@sim/azure/azure-sim-fixture.test';

jest.setTimeout(60_000);

describe('Azure simulator: Entra ID and ARM through the official SDKs', () => {
  let fixture: AzureFixture;

  beforeAll(async () => {
    fixture = await startAzureFixture();
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  it('creates an account through the Azure-AsyncOperation poller and serves it on https', async () => {
    const account = await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-alice',
      openAiAccount('keygate-dev-alice'),
    );
    expect(account.properties?.provisioningState).toBe('Succeeded');
    expect(account.id).toBe(
      `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts/dev-alice`,
    );
    expect(account.properties?.endpoint).toBe(`${fixture.sim.url}/custom-domains/keygate-dev-alice/`);
    const polled = fixture.ctx.journal
      .list({ vendor: 'azure' })
      .filter((entry) => entry.path.includes('/operationStatuses/'));
    expect(polled.length).toBeGreaterThanOrEqual(2);
    expect(polled.every((entry) => entry.status === 200)).toBe(true);
  });

  it('refuses a wrong client secret at the token endpoint', async () => {
    const wrong = new ClientSecretCredential(TENANT_ID, CLIENT_ID, 'not-the-secret', {
      authorityHost: fixture.sim.url,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: fixture.sim.caPem },
    });
    await expect(wrong.getToken('https://management.azure.com/.default')).rejects.toThrow(/AADSTS7000215/);
  });

  it('refuses a token for an unknown resource, as an ARM client without credentialScopes would ask', async () => {
    await expect(fixture.credential.getToken(`${fixture.sim.url}/.default`)).rejects.toThrow(/AADSTS500011/);
  });

  it('is unreachable over plain HTTP: the SDKs refuse non-TLS authorities and endpoints', async () => {
    const httpUrl = fixture.sim.url.replace('https:', 'http:');
    expect(
      () =>
        new ClientSecretCredential(TENANT_ID, CLIENT_ID, 'x', {
          authorityHost: httpUrl,
          disableInstanceDiscovery: true,
        }),
    ).toThrow(/must use the 'https' protocol/);
    const arm = new CognitiveServicesManagementClient(fixture.credential, SUBSCRIPTION_ID, {
      endpoint: httpUrl,
      credentialScopes: ['https://management.azure.com/.default'],
    });
    await expect(arm.accounts.get(RESOURCE_GROUP, 'dev-alice')).rejects.toThrow(/non-TLS|https/i);
  });

  it('is not trusted without its CA', async () => {
    const untrusting = new ClientSecretCredential(TENANT_ID, CLIENT_ID, 'x', {
      authorityHost: fixture.sim.url,
      disableInstanceDiscovery: true,
    });
    await expect(untrusting.getToken('https://management.azure.com/.default')).rejects.toThrow();
  });

  it('answers 400 without api-version and 401 without a token, in the ARM envelope', async () => {
    const path = `${fixture.sim.url}/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.CognitiveServices/accounts`;
    const noVersion = await httpsJson(path, fixture.sim.caPem, {
      headers: { authorization: `Bearer ${await armToken(fixture)}` },
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body).toEqual({
      error: { code: 'MissingApiVersionParameter', message: expect.any(String) as unknown },
    });
    const noToken = await httpsJson(`${path}?api-version=2025-09-01`, fixture.sim.caPem);
    expect(noToken.status).toBe(401);
    expect(noToken.headers['www-authenticate']).toContain('Bearer');
    expect((noToken.body as { error: { code: string } }).error.code).toBe('AuthenticationFailed');
  });

  it('follows nextLink across pages when listing accounts', async () => {
    const token = await armToken(fixture);
    const names = ['page-a', 'page-b', 'page-c', 'page-d', 'page-e', 'page-f'];
    for (const name of names) {
      const url = `${fixture.sim.url}/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/paging/providers/Microsoft.CognitiveServices/accounts/${name}?api-version=2025-09-01`;
      const created = await httpsJson(url, fixture.sim.caPem, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}` },
        body: openAiAccount(`sub-${name}`),
      });
      expect(created.status).toBe(201);
    }
    const listed: string[] = [];
    for await (const account of fixture.arm.accounts.listByResourceGroup('paging'))
      listed.push(account.name ?? '');
    expect(listed.sort()).toEqual(names);
  });

  it('lets the ARM client ride out an injected 429 by honouring Retry-After', async () => {
    fixture.ctx.faults.add({
      vendor: 'azure',
      method: 'GET',
      path: '/accounts/dev-alice$',
      action: { type: 'status', status: 429, retryAfterSeconds: 1 },
    });
    const account = await fixture.arm.accounts.get(RESOURCE_GROUP, 'dev-alice');
    expect(account.name).toBe('dev-alice');
    const calls = fixture.ctx.journal
      .list({ vendor: 'azure' })
      .filter((entry) => entry.path.endsWith('/accounts/dev-alice'));
    expect(calls.slice(-2).map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('soft-deletes an account, blocks reusing its name until it is purged', async () => {
    await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-bob',
      openAiAccount('keygate-dev-bob'),
    );
    await fixture.arm.accounts.beginDeleteAndWait(RESOURCE_GROUP, 'dev-bob');
    await expect(fixture.arm.accounts.get(RESOURCE_GROUP, 'dev-bob')).rejects.toMatchObject({
      statusCode: 404,
    });
    const deleted: string[] = [];
    for await (const entry of fixture.arm.deletedAccounts.list()) deleted.push(entry.name ?? '');
    expect(deleted).toContain('dev-bob');
    await expect(
      fixture.arm.accounts.beginCreateAndWait(RESOURCE_GROUP, 'dev-bob', openAiAccount('keygate-dev-bob')),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'FlagMustBeSetForRestore',
    });
    await fixture.arm.deletedAccounts.beginPurgeAndWait('eastus', RESOURCE_GROUP, 'dev-bob');
    const again = await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-bob',
      openAiAccount('keygate-dev-bob'),
    );
    expect(again.properties?.provisioningState).toBe('Succeeded');
  });

  it('reports a subdomain held by a live or soft-deleted account as unavailable', async () => {
    const check = (subdomainName: string) =>
      fixture.arm.checkDomainAvailability(subdomainName, 'Microsoft.CognitiveServices/accounts', {
        kind: 'OpenAI',
      });
    expect((await check('keygate-dev-alice')).isSubdomainAvailable).toBe(false);
    expect((await check('keygate-nobody-uses-this')).isSubdomainAvailable).toBe(true);
  });

  it('restores a soft-deleted account with its keys when asked to', async () => {
    await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-fay',
      openAiAccount('keygate-dev-fay'),
    );
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-fay');
    await fixture.arm.accounts.beginDeleteAndWait(RESOURCE_GROUP, 'dev-fay');
    const restore = { ...openAiAccount('keygate-dev-fay'), properties: { restore: true } };
    const restored = await fixture.arm.accounts.beginCreateAndWait(RESOURCE_GROUP, 'dev-fay', restore);
    expect(restored.properties?.provisioningState).toBe('Succeeded');
    expect(await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-fay')).toEqual(keys);
  });

  it('purges soft-deleted accounts after 48 hours of simulator time, while cached tokens keep working', async () => {
    await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-eve',
      openAiAccount('keygate-dev-eve'),
    );
    await fixture.arm.accounts.beginDeleteAndWait(RESOURCE_GROUP, 'dev-eve');
    expect((await fixture.arm.deletedAccounts.get('eastus', RESOURCE_GROUP, 'dev-eve')).name).toBe('dev-eve');
    fixture.ctx.clock.advance(49 * 60 * 60 * 1000);
    await expect(fixture.arm.deletedAccounts.get('eastus', RESOURCE_GROUP, 'dev-eve')).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
