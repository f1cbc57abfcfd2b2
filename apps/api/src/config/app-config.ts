import type { KeysSettings } from './keys-settings';
import type { SpendPollSettings } from './spend-poll-settings';
import type { VendorEndpoints } from './vendor-endpoints';

export type RunMode = 'serve' | 'start' | 'migrate';
export type TrustProxy = boolean | number | string[];

/** The validated configuration, built once at start-up by `loadConfig`. */
export class AppConfig {
  constructor(
    readonly mode: RunMode,
    readonly version: string,
    readonly http: {
      host: string;
      port: number;
      bodyLimitBytes: number;
      corsOrigins: string[];
      trustProxy: TrustProxy;
      publicUrl: string;
    },
    readonly database: { url: string | null; ssl: boolean | 'require'; poolMax: number },
    readonly dataDir: string,
    readonly secrets: { masterKey: string | null; jwtSecret: string | null },
    readonly auth: {
      issuer: string;
      audience: string;
      accessTokenTtlSeconds: number;
      refreshTokenTtlSeconds: number;
      maxFailedLogins: number;
      lockoutMinutes: number;
      loginRatePerMinute: number;
      allowSignup: boolean;
      secureCookies: boolean;
      /** How long a verified session may be trusted without asking the database; 0 = ask on every request. */
      sessionCacheSeconds: number;
    },
    readonly bootstrap: { adminEmail: string | null; adminPassword: string | null },
    readonly logLevel: string,
    readonly jobsEnabled: boolean,
    readonly sandbox: boolean,
    readonly vendorEndpoints: VendorEndpoints,
    readonly dashboardDir: string | null,
    /** The key lifecycle and its background jobs (JOBS_*, VENDOR_*, REVOKE_*, IDEMPOTENCY_TTL_HOURS). */
    readonly keys: KeysSettings,
    /** SPEND_POLL_SECONDS: budgets KeyGate enforces itself. */
    readonly spendPoll: SpendPollSettings,
  ) {}
}
