import { unwrap, type RequestBody } from '@keygate/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/api-client';
import { compactFilters, firstPage, nextCursor } from '@/api/paged';

export interface DeveloperFilters {
  team?: string;
  search?: string;
  active_only?: boolean;
}

export type RegisterDeveloperRequest = RequestBody<'/api/v1/developers', 'post'>;
export type UpdateDeveloperRequest = RequestBody<'/api/v1/developers/{id}', 'patch'>;

export const developerQueryKeys = {
  all: ['developers'] as const,
  list: (filters: DeveloperFilters) => ['developers', 'list', compactFilters(filters)] as const,
  detail: (id: string) => ['developers', 'detail', id] as const,
};

export function useDevelopers(filters: DeveloperFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: developerQueryKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/developers', {
          params: { query: { ...compactFilters(filters), limit: 50, cursor: pageParam } },
        }),
      ),
    initialPageParam: firstPage,
    getNextPageParam: nextCursor,
  });
}

export function useDeveloper(id: string | null) {
  return useQuery({
    queryKey: developerQueryKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/developers/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

function useInvalidateDevelopers() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: developerQueryKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['overview'] });
  };
}

export function useRegisterDeveloper() {
  const invalidate = useInvalidateDevelopers();
  return useMutation({
    mutationFn: (body: RegisterDeveloperRequest) => unwrap(api.POST('/api/v1/developers', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateDeveloper() {
  const invalidate = useInvalidateDevelopers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDeveloperRequest }) =>
      unwrap(api.PATCH('/api/v1/developers/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeactivateDeveloper() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDevelopers();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/developers/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await invalidate();
      await queryClient.invalidateQueries({ queryKey: ['keys'] });
    },
  });
}
