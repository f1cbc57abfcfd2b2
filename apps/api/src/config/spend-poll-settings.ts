import type { EnvReader } from './env-parsers';

/**
 * How often KeyGate reads each vendor connection's cost report to enforce budgets the vendor cannot
 * (SPEND_POLL_SECONDS), part of the app configuration (AppConfig.spendPoll).
 */
export class SpendPollSettings {
  constructor(readonly pollSeconds: number) {}

  static read(r: EnvReader): SpendPollSettings {
    return new SpendPollSettings(r.int('SPEND_POLL_SECONDS', 900, 1, 86_400));
  }
}
