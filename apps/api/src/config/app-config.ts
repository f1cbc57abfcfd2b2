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
    },
    readonly bootstrap: { adminEmail: string | null; adminPassword: string | null },
    readonly logLevel: string,
    readonly jobsEnabled: boolean,
    readonly sandbox: boolean,
    readonly vendorEndpoints: VendorEndpoints,
    readonly dashboardDir: string | null,
  ) {}
}
