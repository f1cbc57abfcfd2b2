import { unwrap } from '@keygate/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/api-client';
import { useCan, useCurrentUser } from '@/auth/use-auth';

/** Keys carry a developer id; this resolves it to a name for people allowed to list developers. */
export function useDeveloperName(): (developerId: string) => string {
  const me = useCurrentUser();
  const canList = useCan('developers:read');
  const developers = useQuery({
    queryKey: ['developers', 'names'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/developers', { params: { query: { active_only: false, limit: 200 } } })),
    enabled: canList,
    staleTime: 60_000,
  });
  return (developerId) => {
    if (developerId === me.developer_id) return 'You';
    return developers.data?.items.find((developer) => developer.id === developerId)?.name ?? 'Developer';
  };
}
