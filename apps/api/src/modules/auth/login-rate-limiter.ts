import { Injectable } from '@nestjs/common';
import { AppConfig } from '@api/config/app-config';
import { DomainError } from '@api/common/errors/domain-error';

const WINDOW_MS = 60_000;

/**
 * Per-address throttle for sign-in and sign-up (a fixed one-minute window per IP, per replica). The address is
 * Fastify's request.ip, which honours X-Forwarded-For only from proxies listed in TRUST_PROXY.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly config: AppConfig) {}

  consume(ip: string, now: number = Date.now()): void {
    if (this.windows.size > 10_000) this.evictExpired(now);
    const current = this.windows.get(ip);
    const window = current && now - current.start < WINDOW_MS ? current : { start: now, count: 0 };
    window.count += 1;
    this.windows.set(ip, window);
    if (window.count > this.config.auth.loginRatePerMinute) {
      const retryAfter = Math.ceil((window.start + WINDOW_MS - now) / 1000);
      throw new DomainError('too_many_requests', `Too many sign-in attempts from this address; retry in ${retryAfter} s`, { retry_after_seconds: retryAfter }, {
        'retry-after': String(retryAfter),
      });
    }
  }

  private evictExpired(now: number): void {
    for (const [ip, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(ip);
  }
}
