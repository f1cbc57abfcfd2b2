import { createContext } from 'react';
import type { Role } from '@/auth/permissions';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  permissions: string[];
  developer_id: string | null;
  organization: { id: string; name: string };
}

export interface SignUpInput {
  organization_name: string;
  name: string;
  email: string;
  password: string;
}

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'signed-in'; user: CurrentUser };

export interface AuthContextValue {
  state: AuthState;
  /** Throws the API's error (invalid_credentials, account_locked, too_many_requests). */
  signIn: (email: string, password: string) => Promise<void>;
  /** Creates a new organization with its first owner and signs them in (when the server allows sign-up). */
  signUp: (input: SignUpInput) => Promise<void>;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
