import { unwrap, type RequestBody } from '@keygate/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/api-client';

export type CreateUserRequest = RequestBody<'/api/v1/users', 'post'>;
export type UpdateUserRequest = RequestBody<'/api/v1/users/{id}', 'patch'>;

export const userQueryKeys = { all: ['users'] as const };

export function useUsers() {
  return useQuery({ queryKey: userQueryKeys.all, queryFn: () => unwrap(api.GET('/api/v1/users')) });
}

/** A chosen initial password travels once in the body; the mutation is not kept in the cache. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: (body: CreateUserRequest) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueryKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueryKeys.all }),
  });
}
