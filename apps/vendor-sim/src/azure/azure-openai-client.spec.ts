import OpenAI, { AzureOpenAI } from 'openai';
import {
  type AzureFixture,
  fetchTrusting,
  openAiAccount,
  RESOURCE_GROUP,
  startAzureFixture,
} from '@sim/azure/azure-sim-fixture.test';

jest.setTimeout(60_000);

const MESSAGES = [{ role: 'user' as const, content: 'Write one word' }];

describe('Azure simulator: the data plane through the official openai package', () => {
  let fixture: AzureFixture;
  let endpoint: string;

  beforeAll(async () => {
    fixture = await startAzureFixture();
    const account = await fixture.arm.accounts.beginCreateAndWait(
      RESOURCE_GROUP,
      'dev-hugo',
      openAiAccount('keygate-dev-hugo'),
    );
    endpoint = account.properties?.endpoint ?? '';
    await fixture.arm.deployments.beginCreateOrUpdateAndWait(RESOURCE_GROUP, 'dev-hugo', 'gpt-4o', {
      sku: { name: 'GlobalStandard', capacity: 10 },
      properties: { model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' } },
    });
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  const azureClient = (apiKey: string, deployment: string) =>
    new AzureOpenAI({
      endpoint,
      apiKey,
      apiVersion: '2024-10-21',
      deployment,
      fetch: fetchTrusting(fixture.sim.caPem),
      maxRetries: 0,
    });

  it('answers AzureOpenAI on a deployment of the account, and 404 on a model it has not deployed', async () => {
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-hugo');
    const completion = await azureClient(keys.key1 ?? '', 'gpt-4o').chat.completions.create({
      model: 'gpt-4o',
      messages: MESSAGES,
    });
    expect(completion.choices[0]?.message.content).toContain('gpt-4o');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    await expect(
      azureClient(keys.key1 ?? '', 'o3').chat.completions.create({ model: 'o3', messages: MESSAGES }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('answers the plain OpenAI client on the v1 surface with the key as bearer token, until the key is regenerated', async () => {
    const keys = await fixture.arm.accounts.listKeys(RESOURCE_GROUP, 'dev-hugo');
    const v1 = (apiKey: string) =>
      new OpenAI({
        apiKey,
        baseURL: `${endpoint}openai/v1/`,
        fetch: fetchTrusting(fixture.sim.caPem),
        maxRetries: 0,
      });
    const completion = await v1(keys.key2 ?? '').chat.completions.create({
      model: 'gpt-4o',
      messages: MESSAGES,
    });
    expect(completion.object).toBe('chat.completion');
    await fixture.arm.accounts.regenerateKey(RESOURCE_GROUP, 'dev-hugo', 'Key2');
    await expect(
      v1(keys.key2 ?? '').chat.completions.create({ model: 'gpt-4o', messages: MESSAGES }),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});
