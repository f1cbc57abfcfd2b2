import { unwrap } from '@keygate/api-client';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/api-client';
import { compactFilters, firstPage, nextCursor } from '@/api/paged';

export interface AuditFilters {
  action?: string;
  actor?: string;
  target?: string;
  since?: string;
  until?: string;
}

export const auditQueryKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => ['audit', 'list', compactFilters(filters)] as const,
  target: (targetId: string) => ['audit', 'target', targetId] as const,
};

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditQueryKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit', {
          params: { query: { ...compactFilters(filters), limit: 50, cursor: pageParam } },
        }),
      ),
    initialPageParam: firstPage,
    getNextPageParam: nextCursor,
  });
}

/** The trail of one object (a key, a developer), newest first. */
export function useAuditTrail(targetId: string, enabled = true) {
  return useQuery({
    queryKey: auditQueryKeys.target(targetId),
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { target: targetId, limit: 100 } } })),
    enabled,
  });
}

export function useVerifyChain() {
  return useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify')) });
}

/** Downloads the NDJSON export through the authenticated client (a plain link would carry no token). */
export function useExportAudit() {
  return useMutation({
    mutationFn: async (filters: AuditFilters) => {
      const blob = await unwrap(
        api.GET('/api/v1/audit/export', { params: { query: compactFilters(filters) }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `keygate-audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.ndjson`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
