import { unwrap, type QueryParams } from '@keygate/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/api-client';
import type { ProvisionedKey } from '@/api/api-types';
import { compactFilters, firstPage, nextCursor } from '@/api/paged';

export type KeyFilters = Pick<QueryParams<'/api/v1/keys', 'get'>, 'vendor' | 'developer_id' | 'status'>;

export interface ProvisionRequest {
  developer_id: string;
  vendor: string;
  connection_id?: string;
  budget_limit_usd: number;
  rate_limit_rpm: number;
  expires_in_days: number;
  models_allowed?: string[];
  description?: string;
}

/** Query keys carry ids and filters only, never a secret. */
export const keyQueryKeys = {
  all: ['keys'] as const,
  list: (filters: KeyFilters) => ['keys', 'list', compactFilters(filters)] as const,
  detail: (keyId: string) => ['keys', 'detail', keyId] as const,
};

export function useKeys(filters: KeyFilters) {
  return useInfiniteQuery({
    queryKey: keyQueryKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/keys', {
          params: { query: { ...compactFilters(filters), limit: 50, cursor: pageParam } },
        }),
      ),
    initialPageParam: firstPage,
    getNextPageParam: nextCursor,
  });
}

export function useKey(keyId: string) {
  return useQuery({
    queryKey: keyQueryKeys.detail(keyId),
    queryFn: () => unwrap(api.GET('/api/v1/keys/{id}', { params: { path: { id: keyId } } })),
  });
}

function useInvalidateKeys() {
  const queryClient = useQueryClient();
  return () =>
    queryClient
      .invalidateQueries({ queryKey: keyQueryKeys.all })
      .then(() => queryClient.invalidateQueries({ queryKey: ['overview'] }));
}

/**
 * The response holds the one-time secret: callers copy it into component state and call reset(),
 * and the mutation's gcTime of 0 drops it from the cache at once.
 */
export function useProvisionKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    gcTime: 0,
    mutationFn: ({ request, idempotencyKey }: { request: ProvisionRequest; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/keys/provision', { body: request, headers: { 'Idempotency-Key': idempotencyKey } }),
      ) as Promise<ProvisionedKey>,
    onSuccess: invalidate,
  });
}

export function useRotateKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    gcTime: 0,
    mutationFn: ({
      keyId,
      idempotencyKey,
      graceSeconds,
    }: {
      keyId: string;
      idempotencyKey: string;
      graceSeconds: number;
    }) =>
      unwrap(
        api.POST('/api/v1/keys/{id}/rotate', {
          params: { path: { id: keyId } },
          body: { grace_seconds: graceSeconds },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ) as Promise<ProvisionedKey>,
    onSuccess: invalidate,
  });
}

export function useRevokeKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (keyId: string) =>
      unwrap(api.POST('/api/v1/keys/{id}/revoke', { params: { path: { id: keyId } } })),
    onSuccess: invalidate,
  });
}

/** The pasted key is a secret: it goes in the request body only, and the mutation is not cached. */
export function useIdentifyKey() {
  return useMutation({
    gcTime: 0,
    mutationFn: (apiKey: string) => unwrap(api.POST('/api/v1/keys/identify', { body: { api_key: apiKey } })),
  });
}
