import { conditionHolds } from '@sim/google/auth/condition-evaluator';

describe('conditionHolds', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('evaluates request.time comparisons against timestamps', () => {
    expect(conditionHolds('request.time < timestamp("2026-11-24T00:00:00Z")', now)).toBe(true);
    expect(conditionHolds('request.time < timestamp("2026-11-23T00:00:00Z")', now)).toBe(false);
    expect(conditionHolds("request.time >= timestamp('2026-11-23T12:00:00Z')", now)).toBe(true);
  });

  it('requires every clause joined by && to hold', () => {
    const window =
      'request.time > timestamp("2026-11-01T00:00:00Z") && (request.time < timestamp("2026-12-01T00:00:00Z"))';
    expect(conditionHolds(window, now)).toBe(true);
    expect(conditionHolds(window, new Date('2026-12-02T00:00:00Z'))).toBe(false);
  });

  it('fails closed on expressions it does not understand', () => {
    expect(conditionHolds('resource.name.startsWith("projects/_/buckets/x")', now)).toBe(false);
    expect(conditionHolds('request.time < timestamp("not a date")', now)).toBe(false);
    expect(conditionHolds('request.time < timestamp("2030-01-01T00:00:00Z") || true', now)).toBe(false);
  });
});
