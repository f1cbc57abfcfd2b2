/** Benchmark sizes: defaults keep `npm run bench` near ten minutes on two shared cores; env variables scale them. */
export interface BenchSizes {
  keys: number;
  keyDevelopers: number;
  auditEvents: number;
  verifyAudit: boolean;
  connections: number;
  loadSeconds: number;
  loadRounds: number;
  warmupSeconds: number;
  timeToKeySamples: number;
  vendorLatencyMs: number;
  onboardDevelopers: number;
  onboardRatePerSecond: number;
  onboardConcurrency: number;
  /** 0 = one second's worth of calls (R). */
  onboardBurst: number;
  /** 0 = KeyGate's default VENDOR_RETRY_ATTEMPTS. */
  onboardRetryAttempts: number;
  only: string[];
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export const SIZE_VARIABLES: Array<[string, string]> = [
  ['BENCH_KEYS', 'issued keys seeded for GET /keys (100000)'],
  ['BENCH_AUDIT_EVENTS', 'audit events seeded for GET /audit (1000000)'],
  ['BENCH_VERIFY_AUDIT', '1 = time GET /audit/verify over the seeded chain (1)'],
  ['BENCH_CONNECTIONS', 'autocannon connections (64)'],
  ['BENCH_LOAD_SECONDS', 'seconds per measured autocannon run (10)'],
  ['BENCH_LOAD_ROUNDS', 'alternating KeyGate/bare rounds per endpoint (3)'],
  ['BENCH_TTK_SAMPLES', 'time-to-key samples per path (20)'],
  ['BENCH_VENDOR_LATENCY_MS', 'latency added to every simulated vendor call in time-to-key (50)'],
  ['BENCH_ONBOARD_DEVELOPERS', 'developers in bulk onboarding (1000)'],
  ['BENCH_ONBOARD_RATE', 'admin API rate limit R, calls per second (100)'],
  ['BENCH_ONBOARD_CONCURRENCY', 'parallel onboarding requests (8)'],
  ['BENCH_ONBOARD_BURST', 'calls the admin rate limit lets through back to back (R: one second of calls)'],
  ['BENCH_ONBOARD_RETRY_ATTEMPTS', "VENDOR_RETRY_ATTEMPTS given to KeyGate in onboarding (unset: KeyGate's default, 4)"],
  ['BENCH_ONLY', 'comma list of benchmarks to run: reads, ttk, onboarding, bundle (all)'],
];

export function readSizes(): BenchSizes {
  return {
    keys: int('BENCH_KEYS', 100_000),
    keyDevelopers: 1000,
    auditEvents: int('BENCH_AUDIT_EVENTS', 1_000_000),
    verifyAudit: int('BENCH_VERIFY_AUDIT', 1) === 1,
    connections: int('BENCH_CONNECTIONS', 64),
    loadSeconds: int('BENCH_LOAD_SECONDS', 10),
    loadRounds: Math.max(1, int('BENCH_LOAD_ROUNDS', 3)),
    warmupSeconds: 3,
    timeToKeySamples: int('BENCH_TTK_SAMPLES', 20),
    vendorLatencyMs: int('BENCH_VENDOR_LATENCY_MS', 50),
    onboardDevelopers: int('BENCH_ONBOARD_DEVELOPERS', 1000),
    onboardRatePerSecond: int('BENCH_ONBOARD_RATE', 100),
    onboardConcurrency: int('BENCH_ONBOARD_CONCURRENCY', 8),
    onboardBurst: int('BENCH_ONBOARD_BURST', 0),
    onboardRetryAttempts: int('BENCH_ONBOARD_RETRY_ATTEMPTS', 0),
    only: (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
