import { cloudresourcemanager } from '@googleapis/cloudresourcemanager';
import {
  asApiAuth,
  type GoogleFixture,
  PROJECT_ID,
  startGoogleFixture,
  statusOf,
} from '@sim/google/google-sim-fixture.test';

jest.setTimeout(60_000);

describe('Google simulator: project allow policy through @googleapis/cloudresourcemanager', () => {
  let fixture: GoogleFixture;

  beforeAll(async () => {
    fixture = await startGoogleFixture();
  });

  afterAll(async () => {
    await fixture.sim.stop();
  });

  const readPolicy = (requestedPolicyVersion?: number) =>
    fixture.crm.projects.getIamPolicy({
      resource: PROJECT_ID,
      requestBody: requestedPolicyVersion === undefined ? {} : { options: { requestedPolicyVersion } },
    });

  it('is seeded with unrelated bindings, one of them conditional, shown in full at version 3', async () => {
    const policy = (await readPolicy(3)).data;
    expect(policy.version).toBe(3);
    expect(policy.etag).toEqual(expect.any(String));
    expect(policy.bindings).toContainEqual(
      expect.objectContaining({
        role: 'roles/storage.objectViewer',
        condition: expect.objectContaining({
          expression: 'request.time < timestamp("2030-01-01T00:00:00Z")',
        }) as unknown,
      }),
    );
    expect(policy.auditConfigs).toHaveLength(1);
  });

  it('hides conditions from a version 1 read and refuses to write that view back', async () => {
    const v1 = (await readPolicy()).data;
    expect(v1.version).toBe(1);
    const disguised = (v1.bindings ?? []).find((binding) =>
      binding.role?.startsWith('roles/storage.objectViewer_withcond_'),
    );
    expect(disguised?.condition).toBeUndefined();
    expect(
      await statusOf(
        fixture.crm.projects.setIamPolicy({
          resource: PROJECT_ID,
          requestBody: { policy: { etag: v1.etag, bindings: v1.bindings } },
        }),
      ),
    ).toBe(400);
  });

  it('rejects a write with a stale etag with 409 ABORTED', async () => {
    const first = (await readPolicy(3)).data;
    await fixture.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: {
        policy: {
          version: 3,
          etag: first.etag,
          bindings: [
            ...(first.bindings ?? []),
            { role: 'roles/browser', members: ['user:someone@example.com'] },
          ],
        },
      },
    });
    const stale = fixture.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: { policy: { version: 3, etag: first.etag, bindings: first.bindings } },
    });
    await expect(stale).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('concurrent policy changes') as unknown,
    });
    expect((await readPolicy(3)).data.bindings).toContainEqual({
      role: 'roles/browser',
      members: ['user:someone@example.com'],
    });
  });

  it('keeps conditions and audit configs through a proper read-modify-write', async () => {
    const before = (await readPolicy(3)).data;
    const after = await fixture.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: {
        policy: {
          ...before,
          version: 3,
          bindings: [
            ...(before.bindings ?? []),
            { role: 'roles/aiplatform.user', members: ['group:ml@example.com'] },
          ],
        },
        updateMask: 'bindings,etag',
      },
    });
    expect(after.data.etag).not.toBe(before.etag);
    const reread = (await readPolicy(3)).data;
    expect(reread.bindings).toEqual([
      ...(before.bindings ?? []),
      { role: 'roles/aiplatform.user', members: ['group:ml@example.com'] },
    ]);
    expect(reread.auditConfigs).toEqual(before.auditConfigs);
  });

  it('refuses to bind a service account of the project that does not exist', async () => {
    const current = (await readPolicy(3)).data;
    const ghost = `serviceAccount:ghost-account@${PROJECT_ID}.iam.gserviceaccount.com`;
    const write = fixture.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: {
        policy: {
          version: 3,
          etag: current.etag,
          bindings: [...(current.bindings ?? []), { role: 'roles/aiplatform.user', members: [ghost] }],
        },
      },
    });
    await expect(write).rejects.toMatchObject({ status: 400 });
  });

  it('turns the bindings of a deleted account into deleted: members', async () => {
    const created = await fixture.iam.projects.serviceAccounts.create({
      name: `projects/${PROJECT_ID}`,
      requestBody: { accountId: 'dev-ivan' },
    });
    const email = created.data.email ?? '';
    const current = (await readPolicy(3)).data;
    await fixture.crm.projects.setIamPolicy({
      resource: PROJECT_ID,
      requestBody: {
        policy: {
          version: 3,
          etag: current.etag,
          bindings: [
            ...(current.bindings ?? []),
            { role: 'roles/aiplatform.user', members: [`serviceAccount:${email}`] },
          ],
        },
      },
    });
    await fixture.iam.projects.serviceAccounts.delete({
      name: `projects/${PROJECT_ID}/serviceAccounts/${email}`,
    });
    const members = ((await readPolicy(3)).data.bindings ?? []).flatMap((binding) => binding.members ?? []);
    expect(members).not.toContain(`serviceAccount:${email}`);
    expect(members).toContain(`deleted:serviceAccount:${email}?uid=${created.data.uniqueId ?? ''}`);
  });

  it('serves the same policy through Resource Manager v3', async () => {
    const v3 = cloudresourcemanager({
      version: 'v3',
      auth: asApiAuth(fixture.admin),
      rootUrl: `${fixture.sim.crmUrl}/`,
      fetchImplementation: fetch,
    });
    const viaV3 = (
      await v3.projects.getIamPolicy({
        resource: `projects/${PROJECT_ID}`,
        requestBody: { options: { requestedPolicyVersion: 3 } },
      })
    ).data;
    const viaV1 = (await readPolicy(3)).data;
    expect(viaV3.etag).toBe(viaV1.etag);
    expect(viaV3.bindings).toEqual(viaV1.bindings);
    const project = (await v3.projects.get({ name: `projects/${PROJECT_ID}` })).data;
    expect(project).toMatchObject({ projectId: PROJECT_ID, state: 'ACTIVE' });
  });
});
