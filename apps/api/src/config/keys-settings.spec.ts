import { ConfigError } from './env-parsers';
import { loadConfig } from './load-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env, 'start');
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('key lifecycle and job settings in the app configuration', () => {
  it('has production defaults: a pass a minute, 10 minutes before a pending intent counts as abandoned, a cost report read every 15 minutes', () => {
    const config = loadConfig({}, 'start');
    expect(config.keys).toMatchObject({ jobsIntervalSeconds: 60, stalePendingSeconds: 600, revokeMaxAttempts: 6, revokeFailedRetrySeconds: 86_400 });
    expect(config.spendPoll.pollSeconds).toBe(900);
  });

  it('takes the values it is given', () => {
    const config = loadConfig({ JOBS_LEASE_SECONDS: '1', RECONCILE_PENDING_AFTER_SECONDS: '0', SPEND_POLL_SECONDS: '1' }, 'start');
    expect(config.keys.leaseSeconds).toBe(1);
    expect(config.keys.stalePendingSeconds).toBe(0);
    expect(config.spendPoll.pollSeconds).toBe(1);
  });

  it('refuses bad values naming every variable at fault, with the rest of the configuration', () => {
    const text = problemsOf({ JOBS_INTERVAL_SECONDS: '0', VENDOR_TIMEOUT_MS: 'soon', SPEND_POLL_SECONDS: '0', PORT: 'eighty' }).join('\n');
    for (const name of ['JOBS_INTERVAL_SECONDS', 'VENDOR_TIMEOUT_MS', 'SPEND_POLL_SECONDS', 'PORT']) expect(text).toContain(name);
  });
});
