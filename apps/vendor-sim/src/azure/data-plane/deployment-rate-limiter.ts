import type { SimClock } from '@sim/common/sim-clock';

const REQUEST_WINDOW_MS = 10_000;
const TOKEN_WINDOW_MS = 60_000;

interface Window {
  startMs: number;
  used: number;
}

export type RateDecision =
  | { allowed: true; remainingRequests: number; remainingTokens: number }
  | { allowed: false; limit: 'requests' | 'tokens'; retryAfterMs: number };

/**
 * Azure's Standard deployment limits, from the capacity it was given: `capacity` units of 1,000 TPM,
 * and 6 RPM per unit, which Azure enforces as `capacity` requests per 10-second window.
 */
export class DeploymentRateLimiter {
  private readonly requestWindows = new Map<string, Window>();
  private readonly tokenWindows = new Map<string, Window>();

  constructor(private readonly clock: SimClock) {}

  take(deploymentKey: string, capacity: number, estimatedTokens: number): RateDecision {
    const now = this.clock.nowMs();
    const requests = this.windowFor(this.requestWindows, deploymentKey, now, REQUEST_WINDOW_MS);
    const tokens = this.windowFor(this.tokenWindows, deploymentKey, now, TOKEN_WINDOW_MS);
    const requestLimit = capacity;
    const tokenLimit = capacity * 1000;
    if (requests.used + 1 > requestLimit) {
      return { allowed: false, limit: 'requests', retryAfterMs: requests.startMs + REQUEST_WINDOW_MS - now };
    }
    if (tokens.used + estimatedTokens > tokenLimit) {
      return { allowed: false, limit: 'tokens', retryAfterMs: tokens.startMs + TOKEN_WINDOW_MS - now };
    }
    requests.used += 1;
    tokens.used += estimatedTokens;
    return {
      allowed: true,
      remainingRequests: requestLimit - requests.used,
      remainingTokens: tokenLimit - tokens.used,
    };
  }

  clear(): void {
    this.requestWindows.clear();
    this.tokenWindows.clear();
  }

  private windowFor(windows: Map<string, Window>, key: string, now: number, lengthMs: number): Window {
    const current = windows.get(key);
    if (current !== undefined && now < current.startMs + lengthMs) return current;
    const fresh = { startMs: now, used: 0 };
    windows.set(key, fresh);
    return fresh;
  }
}
