import type { EnvReader } from './env-parsers';

/**
 * Knobs of the key lifecycle and its background jobs, part of the app configuration (AppConfig.keys): read
 * and validated with every other variable at start-up, so a bad value stops the process, naming it.
 */
export class KeysSettings {
  constructor(
    /** Seconds between two passes of the background jobs on each replica. */
    readonly jobsIntervalSeconds: number,
    /** How long a replica's claim on a row lasts; a killed replica's work is picked up after it. */
    readonly leaseSeconds: number,
    /** A pending key older than this is an abandoned provision: the reconciler cleans its vendor objects. */
    readonly stalePendingSeconds: number,
    /** Per-request timeout of every vendor call. */
    readonly vendorTimeoutMs: number,
    /** Attempts per vendor operation (429/5xx/timeouts retried with backoff, honouring Retry-After). */
    readonly vendorRetryAttempts: number,
    /** Failed revocations are retried this many times with exponential backoff, then shown as revoke_failed. */
    readonly revokeMaxAttempts: number,
    readonly revokeBackoffSeconds: number,
    /** revoke_failed keys are retried this often. */
    readonly revokeFailedRetrySeconds: number,
    readonly idempotencyTtlHours: number,
  ) {}

  static read(r: EnvReader): KeysSettings {
    return new KeysSettings(
      r.int('JOBS_INTERVAL_SECONDS', 60, 1, 86_400),
      r.int('JOBS_LEASE_SECONDS', 120, 1, 3600),
      r.int('RECONCILE_PENDING_AFTER_SECONDS', 600, 0, 86_400),
      r.int('VENDOR_TIMEOUT_MS', 15_000, 100, 300_000),
      r.int('VENDOR_RETRY_ATTEMPTS', 4, 1, 10),
      r.int('REVOKE_MAX_ATTEMPTS', 6, 1, 50),
      r.int('REVOKE_BACKOFF_SECONDS', 30, 1, 86_400),
      r.int('REVOKE_FAILED_RETRY_SECONDS', 86_400, 1, 7 * 86_400),
      r.int('IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30),
    );
  }
}
