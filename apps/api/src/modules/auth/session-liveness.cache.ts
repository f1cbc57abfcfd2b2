import { Injectable } from '@nestjs/common';
import { AppConfig } from '@api/config/app-config';
import { AuthenticatedUser } from '@api/common/auth/authenticated-user';

interface Entry {
  user: AuthenticatedUser;
  validUntilMs: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Sessions the database confirmed live recently, so a read does not pay a session query each time.
 * It is only trusted while `SessionChangeListener` hears every session and user change (it turns the
 * cache on and off) and for at most SESSION_CACHE_SECONDS. A change announced while a lookup was in
 * flight keeps that lookup's answer out of the cache (the generation check), so a stale "live" never lands.
 */
@Injectable()
export class SessionLivenessCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private generation = 0;
  private enabled = false;

  readonly ttlSeconds: number;

  constructor(config: AppConfig) {
    this.ttlSeconds = config.auth.sessionCacheSeconds;
    this.ttlMs = this.ttlSeconds * 1000;
  }

  get active(): boolean {
    return this.enabled && this.ttlMs > 0;
  }

  /** Called by the listener: on once it hears changes, off (and emptied) the moment it may miss one. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.clear();
  }

  get(sessionId: string, nowMs = Date.now()): AuthenticatedUser | null {
    if (!this.active) return null;
    const entry = this.entries.get(sessionId);
    if (!entry) return null;
    if (entry.validUntilMs <= nowMs) {
      this.entries.delete(sessionId);
      return null;
    }
    return entry.user;
  }

  /** The generation to hand back to `remember`, taken before asking the database. */
  currentGeneration(): number {
    return this.generation;
  }

  remember(user: AuthenticatedUser, sessionExpiresAtMs: number, lookedUpAtGeneration: number, nowMs = Date.now()): void {
    if (!this.active || lookedUpAtGeneration !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(user.sessionId, { user, validUntilMs: Math.min(nowMs + this.ttlMs, sessionExpiresAtMs) });
  }

  forgetSession(sessionId: string): void {
    this.generation += 1;
    this.entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [sessionId, entry] of this.entries) if (entry.user.userId === userId) this.entries.delete(sessionId);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
