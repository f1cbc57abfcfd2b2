import { belongsToIntent, intentPrefix, isManagedName, isTeamScopeName, managedScopeName, NAMING_RULES, parseIntentPrefix, teamScopeName } from './scope-naming';

const intent = {
  intentId: '3f9c2a71-0b6e-4c1d-9a8e-5d2f7c6b4a10',
  developer: { id: 'dev_1', name: 'Zoë O’Brien-Smith', email: 'zoe@example.com', team: 'Platform Team' },
};

describe('managedScopeName', () => {
  it('builds kg-<team>-<developer>-<intent8> in lowercase with single hyphens', () => {
    expect(managedScopeName(intent, NAMING_RULES.openai)).toBe('kg-platform-team-zoe-o-brien-smith-3f9c2a71');
  });

  it('is deterministic, so a retry or the reconciler finds the same name', () => {
    expect(managedScopeName(intent, NAMING_RULES.anthropic)).toBe(managedScopeName(intent, NAMING_RULES.anthropic));
  });

  it('fits GCP account ids: 6-30 chars, starts with a letter, ends with a letter or digit', () => {
    const name = managedScopeName(
      { ...intent, developer: { ...intent.developer, name: 'A very long developer name indeed-' } },
      NAMING_RULES.google_vertex,
    );
    expect(name.length).toBeLessThanOrEqual(30);
    expect(name.length).toBeGreaterThanOrEqual(6);
    expect(name).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])$/);
    expect(name.endsWith('-3f9c2a71')).toBe(true);
    expect(name).not.toContain('--');
  });

  it('keeps the intent suffix when team and name have no usable characters', () => {
    const name = managedScopeName({ ...intent, developer: { ...intent.developer, name: '***', team: '日本', email: '@x' } }, NAMING_RULES.azure_openai);
    expect(name).toBe('kg-3f9c2a71');
  });

  it('falls back to the email local part when the name is unusable', () => {
    const name = managedScopeName({ ...intent, developer: { ...intent.developer, name: '!!' } }, NAMING_RULES.openai);
    expect(name).toBe('kg-platform-team-zoe-3f9c2a71');
  });
});

describe('parsing managed names', () => {
  it('recognises names KeyGate made and their intent', () => {
    const name = managedScopeName(intent, NAMING_RULES.openai);
    expect(isManagedName(name)).toBe(true);
    expect(parseIntentPrefix(name)).toBe(intentPrefix(intent.intentId));
    expect(belongsToIntent(name, intent.intentId)).toBe(true);
    expect(belongsToIntent(name, '00000000-0000-0000-0000-000000000000')).toBe(false);
  });

  it('ignores names without the prefix or the intent suffix', () => {
    expect(isManagedName('Default project')).toBe(false);
    expect(isManagedName('kg-no-intent')).toBe(false);
    expect(isManagedName(null)).toBe(false);
  });
});

describe('teamScopeName', () => {
  it('gives every developer of a team the same managed name, whatever the team name casing', () => {
    const name = teamScopeName('Platform Team', NAMING_RULES.anthropic);
    expect(name).toMatch(/^kg-platform-team-t[0-9a-f]{7}$/);
    expect(teamScopeName(' platform team ', NAMING_RULES.anthropic)).toBe(name);
    expect(teamScopeName('Data', NAMING_RULES.anthropic)).not.toBe(name);
  });

  it('is recognised as managed and as a team scope, but belongs to no intent', () => {
    const name = teamScopeName('Platform Team', NAMING_RULES.anthropic);
    expect(isManagedName(name)).toBe(true);
    expect(isTeamScopeName(name)).toBe(true);
    expect(isTeamScopeName(managedScopeName(intent, NAMING_RULES.anthropic))).toBe(false);
    expect(belongsToIntent(name, intent.intentId)).toBe(false);
  });

  it('fits the Anthropic name limit for a long team name and keeps teams apart that differ past it', () => {
    const long = 'A team with a really very long name that goes on';
    const name = teamScopeName(long, NAMING_RULES.anthropic);
    expect(name.length).toBeLessThanOrEqual(40);
    expect(teamScopeName(`${long} too`, NAMING_RULES.anthropic)).not.toBe(name);
  });
});
