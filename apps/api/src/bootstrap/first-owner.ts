import { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@api/config/app-config';
import { PasswordHasher } from '@api/common/auth/password-hasher';
import { OrganizationsService } from '@api/modules/organizations/organizations.service';
import { UsersRepository } from '@api/modules/users/users.repository';

export interface FirstOwner {
  email: string;
  /** Only when KeyGate generated it: shown once, never stored or logged. */
  generatedPassword: string | null;
}

/**
 * On an empty database, creates the first organization and its owner from ADMIN_EMAIL/ADMIN_PASSWORD, or (start mode
 * only) with a generated password. No default password ever exists.
 */
export async function ensureFirstOwner(app: INestApplicationContext, warn: (m: string) => void): Promise<FirstOwner | null> {
  const config = app.get(AppConfig);
  if ((await app.get(UsersRepository).countAll()) > 0) return null;
  let { adminEmail: email, adminPassword: password } = config.bootstrap;
  let generatedPassword: string | null = null;
  if (!email || !password) {
    if (config.mode !== 'start') {
      warn('No users exist and ADMIN_EMAIL/ADMIN_PASSWORD are not set: nobody can sign in until they are (or ALLOW_SIGNUP=true).');
      return null;
    }
    email = email ?? 'admin@keygate.local';
    password = generatedPassword = randomBytes(12).toString('base64url');
  }
  const passwordHash = await app.get(PasswordHasher).hash(password);
  await app.get(DataSource).transaction((m) =>
    app.get(OrganizationsService).createWithOwner(m, { name: 'Default organization', ownerEmail: email, ownerName: 'Owner', passwordHash }, { requestId: 'bootstrap' }),
  );
  return { email, generatedPassword };
}
