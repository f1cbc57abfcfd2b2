import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import {
  createTestDatabase,
  createTestOrganization,
  recordSecret,
  startTestApp,
  startVendorSimForTests,
  type TestApp,
  type TestDatabase,
  type TestOrganization,
  type TestVendorSim,
} from '@keygate/testing';

export interface AuditVerify {
  ok: boolean;
  checked: number;
}

export interface SeededSource {
  app: TestApp;
  org: TestOrganization;
  /** The key a rotation issued (its predecessor stays in the table, referenced by rotated_from). */
  activeKey: { id: string; apiKey: string };
  /** Every plaintext secret the source ever saw: none may end up in an archive. */
  secrets: string[];
}

/**
 * The vendor simulator plus KeyGate APIs started on any database with one master key, the way an operator
 * restores: same KEYGATE_MASTER_KEY, new process. Passport keeps one global 'jwt' strategy, so apps started in one
 * test process also share the JWT secret.
 */
export class BackupStack {
  private readonly apps: TestApp[] = [];
  private readonly masterKey = randomBytes(32).toString('base64');
  private readonly jwtSecret = randomBytes(32).toString('base64url');

  private constructor(readonly sim: TestVendorSim) {}

  static async start(): Promise<BackupStack> {
    const sim = await startVendorSimForTests();
    recordSecret(sim.credentials.openaiAdminKey);
    return new BackupStack(sim);
  }

  async startApp(database: TestDatabase): Promise<TestApp> {
    const env = {
      KEYGATE_MASTER_KEY: this.masterKey,
      JWT_SECRET: this.jwtSecret,
      OPENAI_BASE_URL: this.sim.urls.openai,
      JOBS_ENABLED: 'false',
    };
    const app = await startTestApp({ database, env });
    this.apps.push(app);
    return app;
  }

  /** An organization with an OpenAI connection, two developers, a rotated key and another key. */
  async seedSource(): Promise<SeededSource> {
    const app = await this.startApp(await createTestDatabase());
    const org = await createTestOrganization(app);
    const token = org.users.owner.token;
    const secrets = [this.sim.credentials.openaiAdminKey, ...Object.values(org.users).map((u) => u.password)];
    const post = async <T>(path: string, body: Record<string, unknown>): Promise<T> => {
      const res = await app.http.post<T & { api_key?: string }>(path, body, { token });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
      if (res.body.api_key) {
        recordSecret(res.body.api_key);
        secrets.push(res.body.api_key);
      }
      return res.body;
    };
    await post('/api/v1/vendors/connections', {
      vendor: 'openai',
      label: 'sim',
      admin_api_key: this.sim.credentials.openaiAdminKey,
    });
    const developers: string[] = [];
    for (const name of ['Ada Lovelace', 'Grace Hopper']) {
      const email = `${name.split(' ')[0]?.toLowerCase() ?? 'dev'}@example.com`;
      developers.push(
        (await post<{ id: string }>('/api/v1/developers', { name, email, team: 'platform' })).id,
      );
    }
    type Issued = { key_id: string; api_key?: string };
    const first = await post<Issued>('/api/v1/keys/provision', {
      vendor: 'openai',
      developer_id: developers[0],
    });
    const rotated = await post<Issued>(`/api/v1/keys/${first.key_id}/rotate`, {});
    await post('/api/v1/keys/provision', { vendor: 'openai', developer_id: developers[1] });
    return { app, org, activeKey: { id: rotated.key_id, apiKey: rotated.api_key ?? '' }, secrets };
  }

  async signIn(app: TestApp, org: TestOrganization): Promise<string> {
    const { email, password } = org.users.owner;
    const login = await app.http.post<{ access_token: string }>('/api/v1/auth/login', { email, password });
    if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${login.text}`);
    return login.body.access_token;
  }

  /** What an API client sees: the developer, key and connection lists. */
  async readViews(
    app: TestApp,
    token: string,
  ): Promise<Record<'developers' | 'keys' | 'connections', unknown>> {
    return {
      developers: (await app.http.get('/api/v1/developers', { token })).body,
      keys: (await app.http.get('/api/v1/keys', { token })).body,
      connections: (await app.http.get('/api/v1/vendors/connections', { token })).body,
    };
  }

  async verifyAudit(app: TestApp, token: string): Promise<AuditVerify> {
    return (await app.http.get<AuditVerify>('/api/v1/audit/verify', { token })).body;
  }

  /** The HTTP status the vendor answers a small completion with, as a developer holding the key would see it. */
  async completionStatus(apiKey: string): Promise<number> {
    try {
      await new OpenAI({ apiKey, baseURL: this.sim.urls.openai, maxRetries: 0 }).chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'ping' }],
      });
      return 200;
    } catch (error: unknown) {
      if (error instanceof OpenAI.APIError && typeof error.status === 'number') return error.status;
      throw error;
    }
  }

  async close(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    await this.sim.stop();
  }
}
