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

describe('sessions across two API processes that cache them', () => {
  let s: KeyStack;
  const replicas: KeygateProcess[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    s = await startKeyStack();
    const env = { DATABASE_URL: s.t.db.url, KEYGATE_MASTER_KEY: s.t.masterKey, JWT_SECRET: s.t.config.secrets.jwtSecret ?? '', JOBS_ENABLED: 'false', PORT: '0', HOST: '127.0.0.1' };
    for (const name of ['cache-a', 'cache-b']) replicas.push(spawnKeygate('serve', env, name));
    urls = await Promise.all(replicas.map(async (r) => listeningUrl(r)));
    // Both caches are on, so what follows proves invalidation, not a database check on every request.
    await Promise.all(replicas.map((r) => r.waitForLog((e) => typeof e.msg === 'string' && e.msg.startsWith('Listening for session changes'), 30_000)));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop('SIGTERM')));
    await s.close();
  });

  const signIn = async (url: string, role: 'admin' | 'viewer') => {
    const user = s.org.users[role];
    const res = await new HttpClient(url).post<{ access_token: string }>('/api/v1/auth/login', { email: user.email, password: user.password });
    expect(res.status).toBe(200);
    return res.body.access_token;
  };
  const statusOn = async (url: string, token: string) => (await new HttpClient(url).get('/api/v1/keys', { token })).status;
  /** The other replica hears of the change through PostgreSQL's NOTIFY; that takes milliseconds, not the cache TTL. */
  const statusSoonOn = async (url: string, token: string, want: number) => {
    const deadline = Date.now() + 2000;
    let status = await statusOn(url, token);
    while (status !== want && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      status = await statusOn(url, token);
    }
    return status;
  };

  it('a sign-out on one replica ends the session there at once and on the other, which had it cached, within moments', async () => {
    const [a, b] = urls as [string, string];
    const token = await signIn(a, 'admin');
    expect(await statusOn(b, token)).toBe(200); // b now holds the session in its cache
    expect((await new HttpClient(a).post('/api/v1/auth/logout', {}, { token })).status).toBe(204);
    expect(await statusOn(a, token)).toBe(401);
    expect(await statusSoonOn(b, token, 401)).toBe(401);
  });

  it('a user switched off straight in the database is refused by both replicas', async () => {
    const [a, b] = urls as [string, string];
    const token = await signIn(a, 'viewer');
    expect([await statusOn(a, token), await statusOn(b, token)]).toEqual([200, 200]);
    await s.t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [s.org.users.viewer.id]);
    expect([await statusSoonOn(a, token, 401), await statusSoonOn(b, token, 401)]).toEqual([401, 401]);
  });
});

async function listeningUrl(replica: KeygateProcess): Promise<string> {
  const entry = await replica.waitForLog((e) => e.msg === 'KeyGate is listening' && typeof e.port === 'number', 30_000);
  return `http://127.0.0.1:${String(entry.port)}`;
}
