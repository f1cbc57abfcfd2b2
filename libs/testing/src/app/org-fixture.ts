import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '@api/common/auth/password-hasher';
import { Role, ROLES } from '@api/common/auth/roles';
import { OrganizationsService } from '@api/modules/organizations/organizations.service';
import { UsersRepository } from '@api/modules/users/users.repository';
import { recordSecret } from '../canary/secret-registry';
import type { TestApp } from './test-app';

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  token: string;
}

export interface TestOrganization {
  id: string;
  name: string;
  users: Record<Role, SignedInUser>;
}

let counter = 0;

/** An organization with one signed-in user per role, created the way the product creates them. */
export async function createTestOrganization(t: TestApp, name = `Org ${++counter}`): Promise<TestOrganization> {
  const hasher = t.app.get(PasswordHasher, { strict: false });
  const tag = randomBytes(4).toString('hex');
  const passwords = Object.fromEntries(ROLES.map((role) => [role, `pw-${role}-${randomBytes(9).toString('base64url')}`])) as Record<Role, string>;
  Object.values(passwords).forEach(recordSecret);
  const email = (role: Role) => `${role}.${tag}@example.com`;
  const ownerHash = await hasher.hash(passwords.owner);
  const { organization, ownerId } = await t.dataSource.transaction(async (m) => {
    const created = await t.app.get(OrganizationsService, { strict: false }).createWithOwner(m, { name, ownerEmail: email('owner'), ownerName: 'Owner', passwordHash: ownerHash }, { requestId: 'fixture' });
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      await t.app.get(UsersRepository, { strict: false }).insert(m, {
        organizationId: created.organization.id,
        email: email(role),
        name: role,
        role,
        passwordHash: await hasher.hash(passwords[role]),
      });
    }
    return { organization: created.organization, ownerId: created.owner.id };
  });
  const users = {} as Record<Role, SignedInUser>;
  for (const role of ROLES) {
    const login = await t.http.post<{ access_token: string }>('/api/v1/auth/login', { email: email(role), password: passwords[role] });
    if (login.status !== 200) throw new Error(`fixture sign-in failed for ${role}: ${login.status} ${login.text}`);
    const me = await t.http.get<{ id: string }>('/api/v1/auth/me', { token: login.body.access_token });
    users[role] = { id: role === 'owner' ? ownerId : me.body.id, email: email(role), password: passwords[role], role, token: login.body.access_token };
  }
  return { id: organization.id, name, users };
}
