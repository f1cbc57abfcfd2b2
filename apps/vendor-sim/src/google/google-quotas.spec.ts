import { type GoogleFixture, PROJECT_ID, startGoogleFixture } from '@sim/google/google-sim-fixture.test';

jest.setTimeout(60_000);

describe('Google simulator: IAM quotas', () => {
  let fixture: GoogleFixture;

  beforeAll(async () => {
    fixture = await startGoogleFixture();
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  it('caps user-managed keys at 10 per account with 429 RESOURCE_EXHAUSTED', async () => {
    const created = await fixture.iam.projects.serviceAccounts.create({
      name: `projects/${PROJECT_ID}`,
      requestBody: { accountId: 'many-keys' },
    });
    const parent = `projects/${PROJECT_ID}/serviceAccounts/${created.data.email ?? ''}`;
    for (let index = 0; index < 10; index += 1) {
      await fixture.iam.projects.serviceAccounts.keys.create({ name: parent, requestBody: {} });
    }
    await expect(
      fixture.iam.projects.serviceAccounts.keys.create({ name: parent, requestBody: {} }),
    ).rejects.toMatchObject({
      status: 429,
      message: 'Maximum number of keys on account reached.',
    });
  });

  it('caps a project at 100 service accounts, the admin one included, but still answers 409 for an existing id', async () => {
    const existing =
      (await fixture.iam.projects.serviceAccounts.list({ name: `projects/${PROJECT_ID}`, pageSize: 100 }))
        .data.accounts ?? [];
    for (let index = existing.length; index < 100; index += 1) {
      await fixture.iam.projects.serviceAccounts.create({
        name: `projects/${PROJECT_ID}`,
        requestBody: { accountId: `filler-${index}` },
      });
    }
    await expect(
      fixture.iam.projects.serviceAccounts.create({
        name: `projects/${PROJECT_ID}`,
        requestBody: { accountId: 'one-too-many' },
      }),
    ).rejects.toMatchObject({
      status: 429,
      message: 'Maximum number of service accounts on project reached.',
    });
    await expect(
      fixture.iam.projects.serviceAccounts.create({
        name: `projects/${PROJECT_ID}`,
        requestBody: { accountId: 'many-keys' },
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});
