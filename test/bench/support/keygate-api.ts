import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HttpClient } from '@keygate/testing';
import { API_MAIN, type BenchContext } from './bench-context';
import { spawnNode } from './node-process';

export interface KeygateApi {
  url: string;
  http: HttpClient;
  /** Access token of the first owner (ADMIN_EMAIL), valid for an hour. */
  token: string;
  organizationId: string;
  stop(): Promise<void>;
}

/**
 * The built API as operators run it (`main.js serve`, its own process, JSON logs at info level), on a fresh
 * database whose first owner comes from ADMIN_EMAIL/ADMIN_PASSWORD. Background jobs are off unless asked for:
 * a benchmark measures one thing at a time.
 */
export async function startKeygateApi(ctx: BenchContext, name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<KeygateApi> {
  const email = `owner.${name}@example.com`;
  const password = randomBytes(18).toString('base64url');
  const server = spawnNode(
    API_MAIN,
    ['serve'],
    {
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      KEYGATE_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      SECURE_COOKIES: 'false',
      LOGIN_RATE_PER_MINUTE: '1000',
      JOBS_ENABLED: 'false',
      KEYGATE_DATA_DIR: join(ctx.dir, `data-${name}`),
      ADMIN_EMAIL: email,
      ADMIN_PASSWORD: password,
      ...env,
    },
    ctx.log(`api-${name}`),
  );
  try {
    const [line] = await server.waitForLine(/^.*"msg":"KeyGate is listening".*$/m);
    const port = /"port":(\d+)/.exec(line)?.[1];
    if (!port) throw new Error(`no port in ${line}`);
    const url = `http://127.0.0.1:${port}`;
    const http = new HttpClient(url);
    const login = await http.post<{ access_token: string }>('/api/v1/auth/login', { email, password });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.text}`);
    const me = await http.get<{ organization: { id: string } }>('/api/v1/auth/me', { token: login.body.access_token });
    if (me.status !== 200) throw new Error(`/auth/me: ${me.status} ${me.text}`);
    return { url, http, token: login.body.access_token, organizationId: me.body.organization.id, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
