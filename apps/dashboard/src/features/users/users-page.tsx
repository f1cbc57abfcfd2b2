import { Button, Modal, Paper } from '@mantine/core';
import { useState } from 'react';
import type { User } from '@/api/api-types';
import { useCan } from '@/auth/use-auth';
import { CreateUserForm } from '@/features/users/create-user-form';
import { ResetPasswordForm } from '@/features/users/reset-password-form';
import { UsersTable } from '@/features/users/users-table';
import { useUsers } from '@/features/users/use-users';
import { EmptyPanel } from '@/shared/empty-panel';
import { PageHeader } from '@/shared/page-header';
import { QuerySection } from '@/shared/query-section';

export default function UsersPage() {
  const canWrite = useCan('users:write');
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  return (
    <>
      <PageHeader
        title="Users and roles"
        description="Who can sign in to KeyGate and what each role may do."
        actions={canWrite ? <Button onClick={() => setCreating(true)}>Add user</Button> : null}
      />
      <QuerySection query={users} label="users">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyPanel title="No users" description="Add the people who administer keys." />
          ) : (
            <Paper withBorder radius="md">
              <UsersTable users={data.items} canWrite={canWrite} onResetPassword={setResetting} />
            </Paper>
          )
        }
      </QuerySection>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Add a user">
        {creating ? <CreateUserForm onClose={() => setCreating(false)} /> : null}
      </Modal>
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title="Reset password">
        {resetting ? <ResetPasswordForm user={resetting} onClose={() => setResetting(null)} /> : null}
      </Modal>
    </>
  );
}
