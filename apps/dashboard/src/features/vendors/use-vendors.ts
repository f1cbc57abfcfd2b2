import { unwrap, type RequestBody } from '@keygate/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/api-client';

export type CreateConnectionRequest = RequestBody<'/api/v1/vendors/connections', 'post'>;
export type UpdateConnectionRequest = RequestBody<'/api/v1/vendors/connections/{id}', 'patch'>;

export const vendorQueryKeys = {
  connections: ['vendors', 'connections'] as const,
  capabilities: ['vendors', 'capabilities'] as const,
};

export function useConnections() {
  return useQuery({
    queryKey: vendorQueryKeys.connections,
    queryFn: () => unwrap(api.GET('/api/v1/vendors/connections')),
  });
}

export function useCapabilities() {
  return useQuery({
    queryKey: vendorQueryKeys.capabilities,
    queryFn: () => unwrap(api.GET('/api/v1/vendors/capabilities')),
    staleTime: 5 * 60_000,
  });
}

function useInvalidateConnections() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: vendorQueryKeys.connections });
}

/** The admin credential travels in the body once; the mutation is not kept in the cache. */
export function useCreateConnection() {
  const invalidate = useInvalidateConnections();
  return useMutation({
    gcTime: 0,
    mutationFn: (body: CreateConnectionRequest) => unwrap(api.POST('/api/v1/vendors/connections', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateConnection() {
  const invalidate = useInvalidateConnections();
  return useMutation({
    gcTime: 0,
    mutationFn: ({ id, body }: { id: string; body: UpdateConnectionRequest }) =>
      unwrap(api.PATCH('/api/v1/vendors/connections/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteConnection() {
  const invalidate = useInvalidateConnections();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/vendors/connections/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useCheckConnection() {
  const invalidate = useInvalidateConnections();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/vendors/connections/{id}/check', { params: { path: { id } } })),
    onSettled: invalidate,
  });
}
