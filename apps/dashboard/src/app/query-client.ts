import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@keygate/api-client';

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // Every change writes audit events: whatever the mutation, the audit views are stale after it.
    mutationCache: new MutationCache({
      onSettled: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
    }),
    defaultOptions: {
      queries: { staleTime: 15_000, retry: shouldRetry, refetchOnWindowFocus: true },
      // Mutation results may hold a one-time secret: never keep them in the cache.
      mutations: { gcTime: 0, retry: false },
    },
  });
  return queryClient;
}
