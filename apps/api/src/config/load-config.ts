import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppConfig, RunMode, TrustProxy } from './app-config';
import { Env, EnvReader } from './env-parsers';
import { KeysSettings } from './keys-settings';
import { packageVersion, repoRoot } from './repo-root';
import { SpendPollSettings } from './spend-poll-settings';
import { REAL_VENDOR_ENDPOINTS, VendorEndpoints } from './vendor-endpoints';

/** Reads and validates every variable at once; throws a ConfigError naming each bad one. */
export function loadConfig(env: Env, mode: RunMode): AppConfig {
  const r = new EnvReader(env);
  const production = mode !== 'start';
  const databaseUrl = r.string('DATABASE_URL') ?? null;
  if (production) r.check(databaseUrl !== null, `DATABASE_URL is required in ${mode} mode (postgres://user:pass@host:5432/db)`);
  if (databaseUrl) r.url('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);

  const masterKey = r.string('KEYGATE_MASTER_KEY') ?? null;
  if (masterKey !== null) {
    r.check(Buffer.from(masterKey, 'base64').length === 32, 'KEYGATE_MASTER_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)');
  } else if (mode === 'serve') {
    r.check(false, 'KEYGATE_MASTER_KEY is required in serve mode (openssl rand -base64 32)');
  }
  const jwtSecret = r.string('JWT_SECRET') ?? null;
  if (jwtSecret !== null) r.check(jwtSecret.length >= 32, 'JWT_SECRET must be at least 32 characters');
  else if (mode === 'serve') r.check(false, 'JWT_SECRET is required in serve mode (at least 32 random characters)');

  const adminEmail = r.string('ADMIN_EMAIL') ?? null;
  const adminPassword = r.string('ADMIN_PASSWORD') ?? null;
  r.check((adminEmail === null) === (adminPassword === null), 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  if (adminPassword !== null) r.check(adminPassword.length >= 12, 'ADMIN_PASSWORD must be at least 12 characters');

  const port = r.int('PORT', 8000, 0, 65535);
  const host = r.string('HOST', mode === 'start' ? '127.0.0.1' : '0.0.0.0') ?? '0.0.0.0';
  const sandbox = r.bool('KEYGATE_SANDBOX', mode === 'start');
  const config = new AppConfig(
    mode,
    packageVersion(),
    {
      host,
      port,
      bodyLimitBytes: r.int('BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
      corsOrigins: r.list('CORS_ORIGINS'),
      trustProxy: parseTrustProxy(r),
      publicUrl: r.url('PUBLIC_URL', `http://localhost:${port}`),
    },
    {
      url: databaseUrl,
      ssl: parseSsl(r),
      poolMax: r.int('DATABASE_POOL_MAX', 20, 2, 500),
    },
    resolve(repoRoot(), r.string('KEYGATE_DATA_DIR', '.keygate') ?? '.keygate'),
    { masterKey, jwtSecret },
    {
      issuer: r.string('JWT_ISSUER', 'keygate') ?? 'keygate',
      audience: r.string('JWT_AUDIENCE', 'keygate-api') ?? 'keygate-api',
      accessTokenTtlSeconds: r.int('ACCESS_TOKEN_TTL_SECONDS', 900, 60, 3600),
      refreshTokenTtlSeconds: r.int('REFRESH_TOKEN_TTL_SECONDS', 7 * 86400, 3600, 90 * 86400),
      maxFailedLogins: r.int('LOGIN_MAX_FAILURES', 5, 1, 100),
      lockoutMinutes: r.int('LOGIN_LOCKOUT_MINUTES', 15, 1, 1440),
      loginRatePerMinute: r.int('LOGIN_RATE_PER_MINUTE', 20, 1, 10_000),
      allowSignup: r.bool('ALLOW_SIGNUP', false),
      secureCookies: r.bool('SECURE_COOKIES', mode === 'serve'),
      sessionCacheSeconds: r.int('SESSION_CACHE_SECONDS', 10, 0, 300),
    },
    { adminEmail, adminPassword },
    r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    r.bool('JOBS_ENABLED', true),
    sandbox,
    readVendorEndpoints(r),
    resolveDashboardDir(r.string('DASHBOARD_DIR')),
    KeysSettings.read(r),
    SpendPollSettings.read(r),
  );
  r.throwIfInvalid();
  return config;
}

function parseTrustProxy(r: EnvReader): TrustProxy {
  const raw = r.string('TRUST_PROXY', 'false') ?? 'false';
  if (raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const cidrs = raw.split(',').map((s) => s.trim()).filter(Boolean);
  r.check(cidrs.every((c) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(c)), 'TRUST_PROXY must be false, true, a hop count or a comma list of IPs/CIDRs');
  return cidrs;
}

function parseSsl(r: EnvReader): boolean | 'require' {
  const raw = r.oneOf('DATABASE_SSL', ['false', 'true', 'require'] as const, 'false');
  return raw === 'false' ? false : raw === 'true' ? true : 'require';
}

function readVendorEndpoints(r: EnvReader): VendorEndpoints {
  const caFile = r.string('AZURE_CA_FILE');
  let azureCaPem: string | null = null;
  if (caFile) {
    if (existsSync(caFile)) azureCaPem = readFileSync(caFile, 'utf8');
    else r.check(false, `AZURE_CA_FILE points to a missing file: ${caFile}`);
  }
  const d = REAL_VENDOR_ENDPOINTS;
  return {
    openaiBaseUrl: r.url('OPENAI_BASE_URL', d.openaiBaseUrl),
    anthropicBaseUrl: r.url('ANTHROPIC_BASE_URL', d.anthropicBaseUrl),
    azureAuthorityHost: r.url('AZURE_AUTHORITY_HOST', d.azureAuthorityHost, ['https:']),
    azureArmEndpoint: r.url('AZURE_ARM_ENDPOINT', d.azureArmEndpoint, ['https:']),
    azureCaPem,
    googleIamUrl: r.url('GOOGLE_IAM_URL', d.googleIamUrl),
    googleCrmUrl: r.url('GOOGLE_CRM_URL', d.googleCrmUrl),
    googleTokenUrl: r.url('GOOGLE_TOKEN_URL', d.googleTokenUrl),
    googleVertexUrl: r.url('GOOGLE_VERTEX_URL', d.googleVertexUrl),
  };
}

function resolveDashboardDir(explicit: string | undefined): string | null {
  const candidate = explicit ?? resolve(repoRoot(), 'apps/dashboard/dist');
  return existsSync(resolve(candidate, 'index.html')) ? resolve(candidate) : null;
}
