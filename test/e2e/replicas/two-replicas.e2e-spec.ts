import { HttpClient, spawnKeygate, type KeygateProcess } from '@keygate/testing';
import { createDeveloper, journalHead, provisionKey, startKeyStack, vendorCallCount, type KeyStack } from '../keys/support/key-stack';

const deleteServiceAccount = (e: { method: string; path: string }) => e.method === 'DELETE' && /\/service_accounts\/[^/]+$/.test(e.path);

/**
 * Scale-out: two separate API processes (as two Kubernetes replicas) on one database, both running their background
 * jobs every second. Each due key is expired exactly once, with one vendor call, and both replicas serve requests.
 */
describe('two API processes on one database', () => {
  let s: KeyStack;
  const replicas: KeygateProcess[] = [];

  beforeAll(async () => {
    s = await startKeyStack();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGTERM')));
    await s.close();
  });

  it('run the background jobs once per key between them, and both answer requests', async () => {
    const developerId = await createDeveloper(s);
    const keys: string[] = [];
    for (let i = 0; i < 10; i += 1) keys.push((await provisionKey(s, { developer_id: developerId })).body.key_id);
    const since = await journalHead(s);
    const env = {
      DATABASE_URL: s.t.db.url,
      KEYGATE_MASTER_KEY: s.t.masterKey,
      JWT_SECRET: s.t.config.secrets.jwtSecret ?? '',
      OPENAI_BASE_URL: s.sim.urls.openai,
      ANTHROPIC_BASE_URL: s.sim.urls.anthropic,
      JOBS_INTERVAL_SECONDS: '1',
      PORT: '0',
      HOST: '127.0.0.1',
    };
    for (const name of ['replica-a', 'replica-b']) replicas.push(spawnKeygate('serve', env, name));
    await s.t.dataSource.query(`UPDATE issued_keys SET expires_at = now() - interval '1 second' WHERE id = ANY($1)`, [keys]);

    const deadline = Date.now() + 60_000;
    let expired = 0;
    while (Date.now() < deadline) {
      const [row] = await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM issued_keys WHERE id = ANY($1) AND state = 'expired'`, [keys]);
      expired = row?.n ?? 0;
      if (expired === keys.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(expired).toBe(keys.length);
    expect(await vendorCallCount(s, since, deleteServiceAccount)).toBe(keys.length);
    const [events] = await s.t.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'key.expired' AND target_id = ANY($1)`, [keys]);
    expect(events?.n).toBe(keys.length);
  });

  it('both processes serve the same data and sessions', async () => {
    const urls = await Promise.all(replicas.map(async (r) => listeningUrl(r)));
    for (const url of urls) {
      const res = await new HttpClient(url).get<{ items: unknown[] }>('/api/v1/keys?status=expired', { token: s.token });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBe(10);
    }
  });
});

async function listeningUrl(replica: KeygateProcess): Promise<string> {
  const entry = await replica.waitForLog((e) => e.msg === 'KeyGate is listening' && typeof e.port === 'number', 30_000);
  return `http://127.0.0.1:${String(entry.port)}`;
}
