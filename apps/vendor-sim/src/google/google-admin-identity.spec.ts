import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iam } from '@googleapis/iam';
import { createSimContext } from '@sim/common/sim-context';
import { asApiAuth, jwtClientFor, PROJECT_ID } from '@sim/google/google-sim-fixture.test';
import { startGoogleSim } from '@sim/google/start-google-sim';

jest.setTimeout(60_000);

describe('Google simulator: the admin identity', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'keygate-google-sim-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('comes back unchanged after a restart with the same data directory, and still works', async () => {
    const first = await startGoogleSim(createSimContext(), { projectId: PROJECT_ID, dataDir });
    await first.stop();
    expect((await stat(join(dataDir, 'google-sim-admin-key.json'))).mode & 0o777).toBe(0o600);

    const second = await startGoogleSim(createSimContext(), { projectId: PROJECT_ID, dataDir });
    try {
      expect(second.adminCredentialJson).toBe(first.adminCredentialJson);
      const client = iam({
        version: 'v1',
        auth: asApiAuth(jwtClientFor(second.adminCredentialJson, second.tokenUrl)),
        rootUrl: `${second.iamUrl}/`,
        fetchImplementation: fetch,
      });
      const accounts =
        (await client.projects.serviceAccounts.list({ name: `projects/${PROJECT_ID}` })).data.accounts ?? [];
      const credentials = JSON.parse(second.adminCredentialJson) as {
        client_email: string;
        client_id: string;
      };
      expect(accounts).toContainEqual(
        expect.objectContaining({ email: credentials.client_email, uniqueId: credentials.client_id }),
      );
    } finally {
      await second.stop();
    }
  });

  it('is new on every start without a data directory', async () => {
    const first = await startGoogleSim(createSimContext(), { projectId: PROJECT_ID });
    await first.stop();
    const second = await startGoogleSim(createSimContext(), { projectId: PROJECT_ID });
    await second.stop();
    expect(second.adminCredentialJson).not.toBe(first.adminCredentialJson);
  });
});
