import { anthropicSettingsProblem, type SettingProblem } from '@keygate/provisioners';
import { DomainError } from '@api/common/errors/domain-error';

interface VendorSettingsRules {
  problem: (settings: Record<string, string>) => SettingProblem | null;
  /** Shown on every connection of the vendor when not set. */
  defaults: Record<string, string>;
}

/** Vendors with settings of a closed set of values. */
const SETTINGS_RULES: Record<string, VendorSettingsRules> = {
  anthropic: { problem: anthropicSettingsProblem, defaults: { workspace_scope: 'developer' } },
};

/** Rejects (400 validation_failed, naming the field) a setting outside its vendor's allowed values. */
export function assertValidSettings(vendor: string, settings: Record<string, string> | undefined, field = 'settings'): void {
  const found = settings ? SETTINGS_RULES[vendor]?.problem(settings) : null;
  if (!found) return;
  const name = `${field}.${found.setting}`;
  throw new DomainError('validation_failed', `Invalid request: ${name}`, [{ field: name, problems: [found.problem] }]);
}

export function settingsWithDefaults(vendor: string, settings: Record<string, string>): Record<string, string> {
  return { ...SETTINGS_RULES[vendor]?.defaults, ...settings };
}
