import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, HttpClient, KeygateProcess, recordSecret, spawnKeygate } from '@keygate/testing';

/**
 * A newcomer's first run, as README.md describes it: `npm start` on a fresh data folder, sign in with the printed
 * credentials, create a developer and a vendor connection, stop with Ctrl-C, start again: everything is still there.
 */
describe('first run with npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keygate-first-run-'));
  chmodSync(dataDir, 0o711);
  const env = { KEYGATE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  let running: KeygateProcess | null = null;

  afterAll(async () => {
    await running?.stop('SIGINT');
  });

  async function start(): Promise<{ http: HttpClient; password: string | null }> {
    running = spawnKeygate('start', env, 'first-run');
    const [, url] = await running.waitForTerminal(/KeyGate is running: (http:\/\/localhost:\d+)/, 90_000);
    const password = running.terminal.join('\n').match(/generated password (\S+)/)?.[1] ?? null;
    return { http: new HttpClient(url), password };
  }

  it('prints where and how to sign in, keeps data across a Ctrl-C restart, and stops PostgreSQL cleanly', async () => {
    const first = await start();
    expect(first.password).toEqual(expect.any(String));
    recordSecret(first.password!);
    expect(running!.terminal.join('\n')).toContain('Sign in as admin@keygate.local');

    const login = await first.http.post<{ access_token: string }>('/api/v1/auth/login', { email: 'admin@keygate.local', password: first.password });
    expect(login.status).toBe(200);
    const token = login.body.access_token;
    const developer = await first.http.post<{ id: string }>('/api/v1/developers', { name: 'Ada Lovelace', email: 'ada@example.com', team: 'research' }, { token });
    expect(developer.status).toBe(201);
    const credential = 'sk-admin-first-run-credential-000001';
    recordSecret(credential);
    const connection = await first.http.post<{ id: string }>('/api/v1/vendors/connections', { vendor: 'openai', label: 'production', admin_api_key: credential }, { token });
    expect(connection.status).toBe(201);
    const sandbox = await first.http.get<Array<{ vendor: string; label: string }>>('/api/v1/vendors/connections', { token });
    expect(sandbox.body).toEqual(expect.arrayContaining([expect.objectContaining({ vendor: 'openai', label: 'sandbox' })]));

    expect(await running!.stop('SIGINT')).toBe(0);

    const second = await start();
    expect(second.password).toBeNull();
    expect(running!.terminal.join('\n')).toContain('Sign in with your existing account');
    const again = await second.http.post<{ access_token: string }>('/api/v1/auth/login', { email: 'admin@keygate.local', password: first.password });
    expect(again.status).toBe(200);
    const got = await second.http.get<{ name: string }>(`/api/v1/developers/${developer.body.id}`, { token: again.body.access_token });
    expect(got.body.name).toBe('Ada Lovelace');
    const conn = await second.http.get<{ label: string }>(`/api/v1/vendors/connections/${connection.body.id}`, { token: again.body.access_token });
    expect(conn.body.label).toBe('production');
    const verify = await second.http.get<{ ok: boolean }>('/api/v1/audit/verify', { token: again.body.access_token });
    expect(verify.body.ok).toBe(true);
    expect(await running!.stop('SIGINT')).toBe(0);
    running = null;
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    // Every byte PostgreSQL wrote (tables, indexes, WAL) is free of the password and the admin credential.
    const leaks = filesUnder(join(dataDir, 'pg')).filter((file) => {
      const bytes = readFileSync(file);
      return bytes.includes(first.password!) || bytes.includes(credential);
    });
    expect(leaks).toEqual([]);
  });

  it('uses the PostgreSQL in DATABASE_URL instead of the embedded one when it is set', async () => {
    const db = await createTestDatabase();
    const ownDir = mkdtempSync(join(tmpdir(), 'keygate-external-db-'));
    const password = 'external-db-owner-password-1';
    recordSecret(password);
    running = spawnKeygate('start', { KEYGATE_DATA_DIR: ownDir, PORT: '0', DATABASE_URL: db.url, ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: password, KEYGATE_SANDBOX: 'false' }, 'external-db');
    const [, url] = await running.waitForTerminal(/KeyGate is running: (http:\/\/localhost:\d+)/, 90_000);
    const login = await new HttpClient(url).post('/api/v1/auth/login', { email: 'ops@example.com', password });
    expect(login.status).toBe(200);
    expect(await running.stop('SIGINT')).toBe(0);
    running = null;
    expect(existsSync(join(ownDir, 'pg'))).toBe(false);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const users = await client.query<{ email: string }>('SELECT email FROM users');
    await client.end();
    expect(users.rows.map((r) => r.email)).toEqual(['ops@example.com']);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
