import { ThrottleGate } from './throttle-gate';

describe('ThrottleGate', () => {
  it('lets calls through at once while the vendor has not throttled', () => {
    const gate = new ThrottleGate();
    expect([gate.reserve(0), gate.reserve(0), gate.reserve(5)]).toEqual([0, 0, 0]);
  });

  it('holds calls until the Retry-After, then releases them one Retry-After apart, like the vendor refills', () => {
    const gate = new ThrottleGate();
    gate.closeUntil(1010, 10); // "retry after 10 ms" at t = 1000
    expect([gate.reserve(1000), gate.reserve(1001), gate.reserve(1002)]).toEqual([10, 19, 28]);
  });

  it('spaces released calls at most 50 ms apart, so a long Retry-After (a fixed window) does not queue them for minutes', () => {
    const gate = new ThrottleGate();
    gate.closeUntil(31_000, 30_000);
    expect([gate.reserve(1000), gate.reserve(1000)]).toEqual([30_000, 30_050]);
  });

  it('opens again once the slots have passed', () => {
    const gate = new ThrottleGate();
    gate.closeUntil(1010, 10);
    gate.reserve(1000);
    expect(gate.reserve(2000)).toBe(0);
  });
});
