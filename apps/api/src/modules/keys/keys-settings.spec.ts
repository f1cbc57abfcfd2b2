import { ConfigError } from '@api/config/env-parsers';
import { KeysSettings } from './keys-settings';

describe('KeysSettings', () => {
  it('has production defaults: a pass a minute, 10 minutes before a pending intent counts as abandoned', () => {
    const settings = KeysSettings.fromEnv({});
    expect(settings).toMatchObject({ jobsIntervalSeconds: 60, stalePendingSeconds: 600, revokeMaxAttempts: 6, revokeFailedRetrySeconds: 86_400 });
  });

  it('refuses bad values naming every variable at fault', () => {
    expect(() => KeysSettings.fromEnv({ JOBS_INTERVAL_SECONDS: '0', VENDOR_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
    try {
      KeysSettings.fromEnv({ JOBS_INTERVAL_SECONDS: '0', VENDOR_TIMEOUT_MS: 'soon' });
    } catch (error: unknown) {
      expect((error as ConfigError).problems.join('\n')).toMatch(/JOBS_INTERVAL_SECONDS[\s\S]*VENDOR_TIMEOUT_MS/);
    }
  });
});
