import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  buildApiServer,
  createTestDatabase,
  createTestOrganization,
  HttpClient,
  startApiProcess,
  startTestApp,
  startVendorSimForTests,
  testRunDir,
  type ApiProcess,
  type TestApp,
  type TestOrganization,
  type TestVendorSim,
} from '@keygate/testing';

export interface ChaosStackOptions {
  /** Private build folder, so chaos suites running at the same time never delete each other's build. */
  buildDir: string;
  /** Names the child processes' log files. */
  name: string;
  /** The server environment pointing at the simulator's vendors (endpoints, CA file…). */
  vendorEnv: (sim: TestVendorSim, name: string) => Record<string, string>;
  /** Settings of both apps on top of the defaults (jobs off, 1 s leases, pending abandoned at once). */
  env?: Record<string, string>;
  /** Settings of the child API process only (for example its own job timer). */
  childEnv?: Record<string, string>;
}

export interface ChaosStack {
  sim: TestVendorSim;
  /** In-process app on the same database: fixtures, and the jobs pass after each crash. */
  t: TestApp;
  org: TestOrganization;
  token: () => string;
  /** The child API process of the moment (replaced by restart()). */
  api: () => ApiProcess;
  http: () => HttpClient;
  /** SIGKILLed (or stopped) child out, a fresh one in, on the same database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What every crash-safety suite needs: the simulator, one database shared by a child API process (the one
 * killed) and an in-process app (fixtures and the recovery pass), an organization, all settings passed as
 * configuration. The in-process app never runs jobs by itself.
 */
export async function startChaosStack(options: ChaosStackOptions): Promise<ChaosStack> {
  const main = buildApiServer(options.buildDir);
  const sim = await startVendorSimForTests();
  const db = await createTestDatabase();
  const env: Record<string, string> = {
    ...options.vendorEnv(sim, `${options.name}-${db.name}`),
    DATABASE_URL: db.url,
    KEYGATE_MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('base64url'),
    JOBS_ENABLED: 'false',
    JOBS_LEASE_SECONDS: '1',
    RECONCILE_PENDING_AFTER_SECONDS: '0',
    SECURE_COOKIES: 'false',
    LOGIN_RATE_PER_MINUTE: '10000',
    KEYGATE_DATA_DIR: join(testRunDir(), 'data', `${db.name}-${options.name}`),
    // No dashboard: a dashboard build running elsewhere at the same time must not stop a restart.
    DASHBOARD_DIR: join(testRunDir(), 'no-dashboard'),
    ...options.env,
  };
  const t = await startTestApp({ database: db, env: { ...env, JOBS_ENABLED: 'false' } });
  const org = await createTestOrganization(t);
  let restarts = 0;
  let api: ApiProcess | null = null;
  const current = (): ApiProcess => {
    if (!api) throw new Error('the child API process is not running');
    return api;
  };
  const restart = async () => {
    api = await startApiProcess({ main, env: { ...env, ...options.childEnv }, name: `${options.name}-api-${restarts++}` });
  };
  await restart();
  return {
    sim,
    t,
    org,
    token: () => org.users.owner.token,
    api: current,
    http: () => new HttpClient(current().url),
    restart,
    async close() {
      await api?.stop();
      await t.close();
      await sim.stop();
    },
  };
}
