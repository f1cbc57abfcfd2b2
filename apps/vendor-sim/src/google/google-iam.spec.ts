import { createPublicKey, X509Certificate } from 'node:crypto';
import {
  asApiAuth,
  createDeveloper,
  type GoogleFixture,
  jwtClientFor,
  parseCredentials,
  PROJECT_ID,
  startGoogleFixture,
  statusOf,
} from '@sim/google/google-sim-fixture.test';
import { iam } from '@googleapis/iam';
import { controlRequest } from '@sim/azure/azure-sim-fixture.test';

jest.setTimeout(60_000);

describe('Google simulator: IAM service accounts and keys through @googleapis/iam', () => {
  let fixture: GoogleFixture;

  beforeAll(async () => {
    fixture = await startGoogleFixture();
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  it('creates an account, then refuses the same account id with 409 ALREADY_EXISTS', async () => {
    const created = await fixture.iam.projects.serviceAccounts.create({
      name: `projects/${PROJECT_ID}`,
      requestBody: { accountId: 'dev-dana', serviceAccount: { displayName: 'Dana' } },
    });
    expect(created.data).toMatchObject({
      name: `projects/${PROJECT_ID}/serviceAccounts/dev-dana@${PROJECT_ID}.iam.gserviceaccount.com`,
      email: `dev-dana@${PROJECT_ID}.iam.gserviceaccount.com`,
      uniqueId: expect.stringMatching(/^\d{21}$/) as unknown,
      displayName: 'Dana',
    });
    expect(created.data.disabled).toBeUndefined();
    await expect(
      fixture.iam.projects.serviceAccounts.create({
        name: `projects/${PROJECT_ID}`,
        requestBody: { accountId: 'dev-dana' },
      }),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('already exists') as unknown,
    });
  });

  it('rejects account ids outside 6-30 lowercase characters', async () => {
    for (const accountId of ['short', 'Upper-Case-Name', 'ends-with-hyphen-', 'x'.repeat(31)]) {
      expect(
        await statusOf(
          fixture.iam.projects.serviceAccounts.create({
            name: `projects/${PROJECT_ID}`,
            requestBody: { accountId },
          }),
        ),
      ).toBe(400);
    }
  });

  it('pages through accounts with pageToken', async () => {
    for (const suffix of ['a', 'b', 'c']) {
      await fixture.iam.projects.serviceAccounts.create({
        name: `projects/${PROJECT_ID}`,
        requestBody: { accountId: `pager-${suffix}-account` },
      });
    }
    const emails: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await fixture.iam.projects.serviceAccounts.list({
        name: `projects/${PROJECT_ID}`,
        pageSize: 2,
        pageToken,
      });
      emails.push(...(page.data.accounts ?? []).map((account) => account.email ?? ''));
      pageToken = page.data.nextPageToken ?? undefined;
      pages += 1;
    } while (pageToken !== undefined);
    expect(pages).toBeGreaterThan(1);
    expect(emails.filter((email) => email.startsWith('pager-'))).toHaveLength(3);
  });

  it('issues a real RSA key whose credentials file names the key id and matches the published certificate', async () => {
    const developer = await createDeveloper(fixture, 'dev-erin');
    const credentials = parseCredentials(developer.keyJson);
    const keyId = developer.keyName.split('/').pop() ?? '';
    expect(keyId).toMatch(/^[0-9a-f]{40}$/);
    expect(credentials).toMatchObject({
      private_key_id: keyId,
      client_email: developer.email,
      project_id: PROJECT_ID,
    });
    const published = await fixture.iam.projects.serviceAccounts.keys.get({
      name: developer.keyName,
      publicKeyType: 'TYPE_X509_PEM_FILE',
    });
    const certificate = new X509Certificate(Buffer.from(published.data.publicKeyData ?? '', 'base64'));
    const fromPrivate = createPublicKey(credentials.private_key).export({ type: 'spki', format: 'der' });
    expect(certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(fromPrivate)).toBe(true);
    expect(createPublicKey(credentials.private_key).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(published.data.privateKeyData).toBeUndefined();

    const listed = await fixture.iam.projects.serviceAccounts.keys.list({
      name: `projects/${PROJECT_ID}/serviceAccounts/${developer.email}`,
      keyTypes: ['USER_MANAGED'],
    });
    expect((listed.data.keys ?? []).map((key) => key.name)).toEqual([developer.keyName]);
  });

  it('accepts the account email percent-encoded in the path', async () => {
    const token = (await fixture.admin.getAccessToken()).token ?? '';
    const email = `dev-dana@${PROJECT_ID}.iam.gserviceaccount.com`;
    const response = await fetch(
      `${fixture.sim.iamUrl}/v1/projects/${PROJECT_ID}/serviceAccounts/${encodeURIComponent(email)}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { email: string }).email).toBe(email);
  });

  it('disables, enables and deletes keys and accounts', async () => {
    const developer = await createDeveloper(fixture, 'dev-fred');
    await fixture.iam.projects.serviceAccounts.keys.disable({ name: developer.keyName, requestBody: {} });
    expect(
      (await fixture.iam.projects.serviceAccounts.keys.get({ name: developer.keyName })).data.disabled,
    ).toBe(true);
    await fixture.iam.projects.serviceAccounts.keys.enable({ name: developer.keyName, requestBody: {} });
    expect(
      (await fixture.iam.projects.serviceAccounts.keys.get({ name: developer.keyName })).data.disabled,
    ).toBeUndefined();
    await fixture.iam.projects.serviceAccounts.keys.delete({ name: developer.keyName });
    expect(await statusOf(fixture.iam.projects.serviceAccounts.keys.get({ name: developer.keyName }))).toBe(
      404,
    );
    const accountName = `projects/${PROJECT_ID}/serviceAccounts/${developer.email}`;
    await fixture.iam.projects.serviceAccounts.disable({ name: accountName, requestBody: {} });
    expect((await fixture.iam.projects.serviceAccounts.get({ name: accountName })).data.disabled).toBe(true);
    await fixture.iam.projects.serviceAccounts.delete({ name: accountName });
    expect(await statusOf(fixture.iam.projects.serviceAccounts.get({ name: accountName }))).toBe(404);
  });

  it('keeps exchanged tokens and new assertions valid when the simulator clock moves on', async () => {
    fixture.ctx.clock.advance(3 * 24 * 60 * 60 * 1000);
    const listed = await fixture.iam.projects.serviceAccounts.list({ name: `projects/${PROJECT_ID}` });
    expect(listed.data.accounts?.length).toBeGreaterThan(0);
    const fresh = jwtClientFor(fixture.sim.adminCredentialJson, fixture.sim.tokenUrl);
    expect((await fresh.getAccessToken()).token).toMatch(/^ya29\./);
  });

  it('answers 401 without a token and 403 to a developer account calling admin methods', async () => {
    const anonymous = await fetch(`${fixture.sim.iamUrl}/v1/projects/${PROJECT_ID}/serviceAccounts`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });

    const developer = await createDeveloper(fixture, 'dev-gail');
    const asDeveloper = iam({
      version: 'v1',
      auth: asApiAuth(jwtClientFor(developer.keyJson, fixture.sim.tokenUrl)),
      rootUrl: `${fixture.sim.iamUrl}/`,
    });
    await expect(
      asDeveloper.projects.serviceAccounts.create({
        name: `projects/${PROJECT_ID}`,
        requestBody: { accountId: 'sneaky-account' },
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      await statusOf(
        asDeveloper.projects.serviceAccounts.keys.create({
          name: `projects/${PROJECT_ID}/serviceAccounts/${developer.email}`,
          requestBody: {},
        }),
      ),
    ).toBe(403);
  });
});

describe('Google simulator: the org policy that forbids service-account keys', () => {
  let fixture: GoogleFixture;

  beforeAll(async () => {
    fixture = await startGoogleFixture(true);
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  it('answers keys.create with 400 FAILED_PRECONDITION and a PreconditionFailure naming the constraint', async () => {
    const created = await fixture.iam.projects.serviceAccounts.create({
      name: `projects/${PROJECT_ID}`,
      requestBody: { accountId: 'dev-hana' },
    });
    const response = await fetch(
      `${fixture.sim.iamUrl}/v1/projects/${PROJECT_ID}/serviceAccounts/${created.data.email ?? ''}/keys`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${(await fixture.admin.getAccessToken()).token ?? ''}`,
          'content-type': 'application/json',
        },
        body: '{}',
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 400,
        status: 'FAILED_PRECONDITION',
        message: 'Key creation is not allowed on this service account.',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.PreconditionFailure',
            violations: [
              {
                type: 'constraints/iam.disableServiceAccountKeyCreation',
                subject: `projects/${PROJECT_ID}/serviceAccounts/${created.data.email ?? ''}?configvalue=${encodeURIComponent(created.data.email ?? '')}`,
                description: 'Key creation is not allowed on this service account.',
              },
            ],
          },
        ],
      },
    });
  });

  it('lifts and restores the constraint through the control API', async () => {
    const created = await fixture.iam.projects.serviceAccounts.create({
      name: `projects/${PROJECT_ID}`,
      requestBody: { accountId: 'dev-ines' },
    });
    const parent = `projects/${PROJECT_ID}/serviceAccounts/${created.data.email ?? ''}`;
    expect(
      await controlRequest(fixture.ctx, 'PUT', '/vendors/google/org-policy', {
        disableServiceAccountKeyCreation: false,
      }),
    ).toMatchObject({ status: 200 });
    expect(
      await statusOf(fixture.iam.projects.serviceAccounts.keys.create({ name: parent, requestBody: {} })),
    ).toBe(200);
    await controlRequest(fixture.ctx, 'PUT', '/vendors/google/org-policy', {
      disableServiceAccountKeyCreation: true,
    });
    expect(
      await statusOf(fixture.iam.projects.serviceAccounts.keys.create({ name: parent, requestBody: {} })),
    ).toBe(400);
    expect((await controlRequest(fixture.ctx, 'GET', '/vendors/google/org-policy')).body).toEqual({
      disableServiceAccountKeyCreation: true,
    });
  });
});
