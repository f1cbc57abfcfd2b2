import type { Role } from './roles';

/** Who is calling, as proven by a valid access token whose session is still live. */
export interface AuthenticatedUser {
  userId: string;
  organizationId: string;
  email: string;
  role: Role;
  sessionId: string;
  developerId: string | null;
}
