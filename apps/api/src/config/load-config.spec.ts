import { ConfigError } from './env-parsers';
import { loadConfig } from './load-config';

const KEY = Buffer.alloc(32, 7).toString('base64');
const SERVE = { DATABASE_URL: 'postgres://u:p@db:5432/keygate', KEYGATE_MASTER_KEY: KEY, JWT_SECRET: 'x'.repeat(32) };

function problemsOf(env: Record<string, string>, mode: 'serve' | 'start' | 'migrate' = 'serve'): string[] {
  try {
    loadConfig(env, mode);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('starts serve mode with the three required secrets and sensible defaults', () => {
    const config = loadConfig(SERVE, 'serve');
    expect(config.http).toMatchObject({ port: 8000, host: '0.0.0.0', trustProxy: false, bodyLimitBytes: 1_048_576 });
    expect(config.auth).toMatchObject({ accessTokenTtlSeconds: 900, maxFailedLogins: 5, lockoutMinutes: 15, allowSignup: false, secureCookies: true });
    expect(config.sandbox).toBe(false);
    expect(config.vendorEndpoints.openaiBaseUrl).toBe('https://api.openai.com/v1');
  });

  it('names every missing or malformed variable at once, never echoing a secret value', () => {
    const problems = problemsOf({ PORT: 'eighty', KEYGATE_MASTER_KEY: 'too-short-secret', JWT_SECRET: 'short', ADMIN_EMAIL: 'a@b.c', TRUST_PROXY: 'maybe?' });
    const text = problems.join('\n');
    for (const name of ['DATABASE_URL', 'PORT', 'KEYGATE_MASTER_KEY', 'JWT_SECRET', 'ADMIN_EMAIL and ADMIN_PASSWORD', 'TRUST_PROXY']) expect(text).toContain(name);
    expect(text).not.toContain('too-short-secret');
  });

  it('needs nothing in start mode, where the sandbox is on and the database is embedded', () => {
    const config = loadConfig({}, 'start');
    expect(config.database.url).toBeNull();
    expect(config.sandbox).toBe(true);
    expect(config.http.host).toBe('127.0.0.1');
  });

  it('accepts Azure endpoints only over https, as the Azure SDKs demand', () => {
    expect(problemsOf({ ...SERVE, AZURE_ARM_ENDPOINT: 'http://127.0.0.1:9' }).join()).toContain('AZURE_ARM_ENDPOINT');
    expect(problemsOf({ ...SERVE, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })).toEqual([]);
  });

  it('understands TRUST_PROXY as a flag, a hop count or a list of networks', () => {
    expect(loadConfig({ ...SERVE, TRUST_PROXY: '1' }, 'serve').http.trustProxy).toBe(1);
    expect(loadConfig({ ...SERVE, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }, 'serve').http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });
});
