import type { AppConfig } from '@api/config/app-config';
import type { AuthenticatedUser } from '@api/common/auth/authenticated-user';
import { SessionLivenessCache } from './session-liveness.cache';

const config = (sessionCacheSeconds: number) => ({ auth: { sessionCacheSeconds } }) as unknown as AppConfig;
const user = (sessionId: string, userId = 'u1'): AuthenticatedUser => ({ userId, organizationId: 'o1', email: 'a@example.com', role: 'admin', sessionId, developerId: null });
const FAR = Date.now() + 3_600_000;

function enabledCache(seconds = 10): SessionLivenessCache {
  const cache = new SessionLivenessCache(config(seconds));
  cache.setEnabled(true);
  return cache;
}

describe('SessionLivenessCache', () => {
  it('answers from memory for a session the database confirmed, until the TTL runs out', () => {
    const cache = enabledCache(10);
    const now = 1_000_000;
    cache.remember(user('s1'), FAR, cache.currentGeneration(), now);
    expect(cache.get('s1', now + 9_999)?.userId).toBe('u1');
    expect(cache.get('s1', now + 10_000)).toBeNull();
  });

  it('never trusts a session past its own expiry, even inside the TTL', () => {
    const cache = enabledCache(60);
    cache.remember(user('s1'), 1_000_500, cache.currentGeneration(), 1_000_000);
    expect(cache.get('s1', 1_000_500)).toBeNull();
  });

  it('forgets a signed-out session and every session of a changed user', () => {
    const cache = enabledCache();
    for (const [sid, uid] of [['s1', 'u1'], ['s2', 'u1'], ['s3', 'u2']] as const) cache.remember(user(sid, uid), FAR, cache.currentGeneration());
    cache.forgetSession('s3');
    expect(cache.get('s3')).toBeNull();
    cache.forgetUser('u1');
    expect([cache.get('s1'), cache.get('s2')]).toEqual([null, null]);
  });

  it('does not keep an answer that was read before a change was announced', () => {
    const cache = enabledCache();
    const before = cache.currentGeneration();
    cache.forgetSession('s1'); // the sign-out lands while the lookup is in flight
    cache.remember(user('s1'), FAR, before);
    expect(cache.get('s1')).toBeNull();
  });

  it('holds nothing while the change listener is not confirmed, or when SESSION_CACHE_SECONDS is 0', () => {
    const off = new SessionLivenessCache(config(10));
    off.remember(user('s1'), FAR, off.currentGeneration());
    expect(off.get('s1')).toBeNull();
    const zero = enabledCache(0);
    zero.remember(user('s1'), FAR, zero.currentGeneration());
    expect(zero.get('s1')).toBeNull();
  });

  it('empties itself when the listener loses its connection', () => {
    const cache = enabledCache();
    cache.remember(user('s1'), FAR, cache.currentGeneration());
    cache.setEnabled(false);
    cache.setEnabled(true);
    expect(cache.get('s1')).toBeNull();
  });
});
