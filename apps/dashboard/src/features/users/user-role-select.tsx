import { Select } from '@mantine/core';
import type { User } from '@/api/api-types';
import { assignableRoles } from '@/auth/permissions';
import { useCurrentUser } from '@/auth/use-auth';
import { useUpdateUser } from '@/features/users/use-users';

/** Changing a role is instant; a user cannot change their own role or hand out more than they hold. */
export function UserRoleSelect({ user, canWrite }: { user: User; canWrite: boolean }) {
  const me = useCurrentUser();
  const update = useUpdateUser();
  const allowed = assignableRoles[me.role];
  const editable = canWrite && user.id !== me.id && allowed.some((role) => role === user.role);
  return (
    <Select
      aria-label={`Role of ${user.email}`}
      data={editable ? [...allowed] : [user.role]}
      value={user.role}
      disabled={!editable || update.isPending}
      onChange={(role) => role && update.mutate({ id: user.id, body: { role } })}
      error={update.isError ? 'Not saved' : undefined}
      size="xs"
      w={130}
      allowDeselect={false}
    />
  );
}
