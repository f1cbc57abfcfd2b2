import { startTestApp, type TestApp } from '@keygate/testing';
import { JobsService } from '@api/modules/jobs/jobs.service';
import { completionStatus, createDeveloper, getKey, journalHead, provisionKey, startKeyStack, vendorCallCount, type KeyStack } from './support/key-stack';

jest.setTimeout(120_000);

const deleteServiceAccount = (e: { method: string; path: string }) => e.method === 'DELETE' && /\/service_accounts\/[^/]+$/.test(e.path);

describe('background jobs on several replicas', () => {
  let s: KeyStack;
  let replica: TestApp;

  beforeAll(async () => {
    s = await startKeyStack();
    // A second API on the same database and secrets, as a second replica would be.
    replica = await startTestApp({
      database: s.t.db,
      env: { OPENAI_BASE_URL: s.sim.urls.openai, JOBS_ENABLED: 'false', KEYGATE_MASTER_KEY: s.t.masterKey, JWT_SECRET: s.t.config.secrets.jwtSecret ?? '' },
    });
  });
  afterAll(async () => {
    await replica.close();
    await s.close();
  });

  it('two replicas sweeping at once expire each due key exactly once, with one vendor call per key', async () => {
    const developerId = await createDeveloper(s);
    const keys = [];
    for (let i = 0; i < 8; i += 1) keys.push((await provisionKey(s, { developer_id: developerId })).body);
    await s.t.dataSource.query(`UPDATE issued_keys SET expires_at = now() - interval '1 second' WHERE id = ANY($1)`, [keys.map((k) => k.key_id)]);
    const since = await journalHead(s);
    const reports = await Promise.all([s.runJobs(), replica.app.get(JobsService).runPass(), s.runJobs()]);
    // Two calls on one replica share its running pass, so count each distinct pass once.
    expect([...new Set(reports)].reduce((n, r) => n + r.expired, 0)).toBe(8);
    expect(await vendorCallCount(s, since, deleteServiceAccount)).toBe(8);
    for (const k of keys) {
      expect((await getKey(s, k.key_id)).status).toBe('expired');
      expect(await completionStatus(s, k.api_key ?? '')).toBe(401);
    }
    const events = await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'key.expired' AND target_id = ANY($1)`, [keys.map((k) => k.key_id)]);
    expect(events[0]?.n).toBe(8);
  });
});

describe('the job timer', () => {
  let s: KeyStack;

  beforeAll(async () => {
    s = await startKeyStack({ JOBS_ENABLED: 'true', JOBS_INTERVAL_SECONDS: '1' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('runs a pass every JOBS_INTERVAL_SECONDS without being asked: an expired key is revoked on its own', async () => {
    const developerId = await createDeveloper(s);
    const key = (await provisionKey(s, { developer_id: developerId })).body;
    await s.t.dataSource.query(`UPDATE issued_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [key.key_id]);
    const deadline = Date.now() + 15_000;
    while ((await getKey(s, key.key_id)).status !== 'expired' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getKey(s, key.key_id)).status).toBe('expired');
    expect(await completionStatus(s, key.api_key ?? '')).toBe(401);
  });
});
