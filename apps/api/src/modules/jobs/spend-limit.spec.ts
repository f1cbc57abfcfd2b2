import { ConfigError } from '@api/config/env-parsers';
import { currentBudgetWindow } from './spend-limit.job';
import { SpendPollSettings } from './spend-poll-settings';

describe('the monthly budget window', () => {
  it('runs from the first of the month (UTC) to now', () => {
    const now = new Date('2026-11-23T19:30:00Z');
    expect(currentBudgetWindow(now)).toEqual({ from: new Date('2026-11-01T00:00:00Z'), to: now });
  });

  it('starts a new month at midnight UTC', () => {
    const now = new Date('2027-01-01T00:00:05Z');
    expect(currentBudgetWindow(now).from).toEqual(new Date('2027-01-01T00:00:00Z'));
  });
});

describe('SPEND_POLL_SECONDS', () => {
  it('defaults to 15 minutes and accepts 1 second to a day', () => {
    expect(SpendPollSettings.fromEnv({}).pollSeconds).toBe(900);
    expect(SpendPollSettings.fromEnv({ SPEND_POLL_SECONDS: '1' }).pollSeconds).toBe(1);
  });

  it('refuses a value out of range, naming the variable', () => {
    expect(() => SpendPollSettings.fromEnv({ SPEND_POLL_SECONDS: '0' })).toThrow(ConfigError);
    expect(() => SpendPollSettings.fromEnv({ SPEND_POLL_SECONDS: 'soon' })).toThrow(/SPEND_POLL_SECONDS/);
  });
});
