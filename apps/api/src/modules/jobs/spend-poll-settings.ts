import { ConfigError, type Env, EnvReader } from '@api/config/env-parsers';

/** How often KeyGate reads vendors' cost reports to enforce budgets the vendor cannot (SPEND_POLL_SECONDS). */
export class SpendPollSettings {
  constructor(readonly pollSeconds: number) {}

  static fromEnv(env: Env): SpendPollSettings {
    const r = new EnvReader(env);
    const settings = new SpendPollSettings(r.int('SPEND_POLL_SECONDS', 900, 1, 86_400));
    if (r.problems.length > 0) throw new ConfigError(r.problems);
    return settings;
  }
}
