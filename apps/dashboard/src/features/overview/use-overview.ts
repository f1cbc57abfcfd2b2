import { unwrap } from '@keygate/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/api-client';
import type { KeyListItem } from '@/api/api-types';

/** The overview reads at most this many rows per list; counts above it show as "N+". */
export const OVERVIEW_LIMIT = 200;
const WEEK_MS = 7 * 24 * 3_600_000;

export interface Counted<T> {
  items: T[];
  more: boolean;
}

function counted<T>(page: { items: T[]; next_cursor?: string | null }): Counted<T> {
  return { items: page.items, more: Boolean(page.next_cursor) };
}

export function useActiveDevelopers(enabled: boolean) {
  return useQuery({
    queryKey: ['overview', 'developers'],
    queryFn: async () =>
      counted(
        await unwrap(
          api.GET('/api/v1/developers', { params: { query: { active_only: true, limit: OVERVIEW_LIMIT } } }),
        ),
      ),
    enabled,
  });
}

export function useActiveKeys() {
  return useQuery({
    queryKey: ['overview', 'keys', 'active'],
    queryFn: async () =>
      counted(
        await unwrap(
          api.GET('/api/v1/keys', { params: { query: { status: 'active', limit: OVERVIEW_LIMIT } } }),
        ),
      ),
  });
}

export function useRevokeFailedKeys() {
  return useQuery({
    queryKey: ['overview', 'keys', 'revoke_failed'],
    queryFn: async () =>
      counted(
        await unwrap(
          api.GET('/api/v1/keys', { params: { query: { status: 'revoke_failed', limit: OVERVIEW_LIMIT } } }),
        ),
      ),
  });
}

export function useRecentActivity() {
  return useQuery({
    queryKey: ['overview', 'audit'],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { limit: 8 } } })),
  });
}

export function keysExpiringWithinAWeek(keys: KeyListItem[], now: number = Date.now()): KeyListItem[] {
  return keys
    .filter((key) => key.expires_at && new Date(key.expires_at).getTime() - now <= WEEK_MS)
    .sort((a, b) => (a.expires_at ?? '').localeCompare(b.expires_at ?? ''));
}

export function keysWithDrift(keys: KeyListItem[]): KeyListItem[] {
  return keys.filter((key) => key.drift);
}

export function countByVendor(keys: KeyListItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key.vendor] = (counts[key.vendor] ?? 0) + 1;
  return counts;
}
