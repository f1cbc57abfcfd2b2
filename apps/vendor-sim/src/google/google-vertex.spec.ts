import { JWT } from 'google-auth-library';
import { controlRequest } from '@sim/azure/azure-sim-fixture.test';
import {
  CLOUD_PLATFORM,
  createDeveloper,
  generateContent,
  type GoogleFixture,
  grantRole,
  jwtClientFor,
  parseCredentials,
  PROJECT_ID,
  revokeRole,
  startGoogleFixture,
} from '@sim/google/google-sim-fixture.test';

jest.setTimeout(60_000);

const VERTEX_USER = 'roles/aiplatform.user';

describe('Google simulator: Vertex AI generateContent only for live, bound developer credentials', () => {
  let fixture: GoogleFixture;

  beforeAll(async () => {
    fixture = await startGoogleFixture();
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  async function developerToken(keyJson: string): Promise<string> {
    return (await jwtClientFor(keyJson, fixture.sim.tokenUrl).getAccessToken()).token ?? '';
  }

  it('answers 403 until the account holds roles/aiplatform.user, then a deterministic reply with usage', async () => {
    const developer = await createDeveloper(fixture, 'dev-jack');
    const token = await developerToken(developer.keyJson);
    expect((await generateContent(fixture, token)).status).toBe(403);
    await grantRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const first = await generateContent(fixture, token);
    const second = await generateContent(fixture, token);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ text: expect.stringContaining('gemini-2.5-flash') as unknown }],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: {
        promptTokenCount: expect.any(Number) as unknown,
        totalTokenCount: expect.any(Number) as unknown,
      },
    });
    expect((second.body as { candidates: unknown }).candidates).toEqual(
      (first.body as { candidates: unknown }).candidates,
    );
    const usage = (await controlRequest(fixture.ctx, 'GET', '/vendors/google/usage')).body as {
      data: unknown[];
    };
    expect(usage.data).toHaveLength(2);
    expect(usage.data[0]).toMatchObject({
      principal: developer.email,
      model: 'gemini-2.5-flash',
      location: 'us-central1',
    });
  });

  it('rejects the token once its key is deleted, and the key can no longer be exchanged', async () => {
    const developer = await createDeveloper(fixture, 'dev-kate');
    await grantRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const token = await developerToken(developer.keyJson);
    expect((await generateContent(fixture, token)).status).toBe(200);
    await fixture.iam.projects.serviceAccounts.keys.delete({ name: developer.keyName });
    expect((await generateContent(fixture, token)).status).toBe(401);
    await expect(developerToken(developer.keyJson)).rejects.toThrow(/invalid_grant/);
  });

  it('rejects every credential of a disabled account until it is enabled again', async () => {
    const developer = await createDeveloper(fixture, 'dev-liam');
    await grantRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const token = await developerToken(developer.keyJson);
    const accountName = `projects/${PROJECT_ID}/serviceAccounts/${developer.email}`;
    await fixture.iam.projects.serviceAccounts.disable({ name: accountName, requestBody: {} });
    expect((await generateContent(fixture, token)).status).toBe(401);
    await expect(developerToken(developer.keyJson)).rejects.toThrow(/invalid_grant/);
    await fixture.iam.projects.serviceAccounts.enable({ name: accountName, requestBody: {} });
    expect((await generateContent(fixture, token)).status).toBe(200);
  });

  it('answers 403 once the binding is removed from the policy', async () => {
    const developer = await createDeveloper(fixture, 'dev-mona');
    await grantRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const token = await developerToken(developer.keyJson);
    expect((await generateContent(fixture, token)).status).toBe(200);
    await revokeRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const denied = await generateContent(fixture, token);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
  });

  it('accepts a self-signed JWT (kid header) instead of an exchanged token', async () => {
    const developer = await createDeveloper(fixture, 'dev-nora');
    await grantRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const credentials = parseCredentials(developer.keyJson);
    const selfSigned = new JWT({
      email: credentials.client_email,
      key: credentials.private_key,
      keyId: credentials.private_key_id,
      scopes: [CLOUD_PLATFORM],
    });
    selfSigned.useJWTAccessWithScope = true;
    const headers = await selfSigned.getRequestHeaders('https://aiplatform.googleapis.com/');
    const token = (headers.get('authorization') ?? '').replace(/^Bearer /, '');
    expect(token.split('.')).toHaveLength(3);
    expect((await generateContent(fixture, token)).status).toBe(200);
    await fixture.iam.projects.serviceAccounts.keys.delete({ name: developer.keyName });
    expect((await generateContent(fixture, token)).status).toBe(401);
  });

  it('lets a time-bound binding grant access only before its expiry', async () => {
    const developer = await createDeveloper(fixture, 'dev-olga');
    const current = (
      await fixture.crm.projects.getIamPolicy({
        resource: PROJECT_ID,
        requestBody: { options: { requestedPolicyVersion: 3 } },
      })
    ).data;
    const expiry = new Date(fixture.ctx.clock.nowMs() + 10 * 60 * 1000).toISOString();
    await fixture.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: {
        policy: {
          version: 3,
          etag: current.etag,
          bindings: [
            ...(current.bindings ?? []),
            {
              role: VERTEX_USER,
              members: [`serviceAccount:${developer.email}`],
              condition: { title: 'expiry', expression: `request.time < timestamp("${expiry}")` },
            },
          ],
        },
      },
    });
    const token = await developerToken(developer.keyJson);
    expect((await generateContent(fixture, token)).status).toBe(200);
    fixture.ctx.clock.advance(11 * 60 * 1000);
    expect((await generateContent(fixture, token)).status).toBe(403);
  });

  it('records valid request labels with the usage and rejects malformed ones', async () => {
    const developer = await createDeveloper(fixture, 'dev-pia');
    await grantRole(fixture, VERTEX_USER, `serviceAccount:${developer.email}`);
    const token = await developerToken(developer.keyJson);
    const call = (labels: Record<string, string>) =>
      fetch(
        `${fixture.sim.vertexUrl}/v1/projects/${PROJECT_ID}/locations/europe-west4/publishers/google/models/gemini-2.5-pro:generateContent`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }], labels }),
        },
      );
    expect((await call({ team: 'ml-platform', keygate_key: 'k_123' })).status).toBe(200);
    expect((await call({ Team: 'ML' })).status).toBe(400);
    const usage = (await controlRequest(fixture.ctx, 'GET', '/vendors/google/usage')).body as {
      data: Array<{ principal: string; labels: unknown }>;
    };
    expect(usage.data.filter((record) => record.principal === developer.email)).toEqual([
      expect.objectContaining({
        labels: { team: 'ml-platform', keygate_key: 'k_123' },
        location: 'europe-west4',
        model: 'gemini-2.5-pro',
      }),
    ]);
  });
});
