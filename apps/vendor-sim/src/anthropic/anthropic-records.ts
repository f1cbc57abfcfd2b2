/** In-memory records of the simulated Anthropic organization. Times are epoch milliseconds. */
export interface WorkspaceRecord {
  id: string;
  name: string;
  displayColor: string;
  createdAt: number;
  archivedAt: number | null;
  compartmentId: string;
  externalKeyId: string | null;
  tags: Record<string, string>;
  userProfileId: string | null;
  dataResidency: {
    workspace_geo: 'us';
    allowed_inference_geos: string[] | 'unrestricted';
    default_inference_geo: 'global' | 'us';
  };
}

export const ORGANIZATION_ROLES = [
  'user',
  'developer',
  'billing',
  'admin',
  'claude_code_user',
  'managed',
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: OrganizationRole;
  addedAt: number;
}

export interface InviteRecord {
  id: string;
  email: string;
  role: OrganizationRole;
  invitedAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  deleted: boolean;
}

export const WORKSPACE_ROLES = [
  'workspace_user',
  'workspace_developer',
  'workspace_restricted_developer',
  'workspace_admin',
  'workspace_billing',
] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export interface MemberRecord {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
}

export type ApiKeyStatus = 'active' | 'inactive' | 'archived';

export interface ApiKeyRecord {
  id: string;
  name: string;
  secret: string;
  /** null = the default workspace. */
  workspaceId: string | null;
  createdByUserId: string | null;
  createdAt: number;
  expiresAt: number | null;
  status: ApiKeyStatus;
}

export interface UsageRecord {
  at: number;
  apiKeyId: string | null;
  workspaceId: string | null;
  model: string;
  inputTokens: number;
  outputTokens: number;
}
