import { currentBudgetWindow } from './spend-limit.job';

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
