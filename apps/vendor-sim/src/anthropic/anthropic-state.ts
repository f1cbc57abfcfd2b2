import type { SimClock } from '@sim/common/sim-clock';
import type {
  ApiKeyRecord,
  InviteRecord,
  MemberRecord,
  UsageRecord,
  UserRecord,
  WorkspaceRecord,
} from '@sim/anthropic/anthropic-records';
import { newUserId } from '@sim/anthropic/anthropic-ids';
import { WorkspaceRateLimits } from '@sim/anthropic/anthropic-rate-limits';

export const DEFAULT_WORKSPACE_CAP = 100;

/** Everything the simulated Anthropic organization knows. Maps keep insertion order, which lists rely on. */
export class AnthropicState {
  readonly organization = { id: 'c0ffee00-5a4d-4b0b-8e1e-000000000001', name: 'Sandbox Organization' };
  readonly workspaces = new Map<string, WorkspaceRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly invites = new Map<string, InviteRecord>();
  readonly members: MemberRecord[] = [];
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly keysBySecret = new Map<string, string>();
  readonly usage: UsageRecord[] = [];
  readonly rateLimits: WorkspaceRateLimits;
  workspaceCap = DEFAULT_WORKSPACE_CAP;
  /** Sandbox convenience: invitees "accept" at once, so a new member can be added without a human. */
  autoAcceptInvites = false;

  constructor(private readonly clock: SimClock) {
    this.rateLimits = new WorkspaceRateLimits(clock);
    this.reset();
  }

  reset(): void {
    this.workspaces.clear();
    this.users.clear();
    this.invites.clear();
    this.members.length = 0;
    this.apiKeys.clear();
    this.keysBySecret.clear();
    this.usage.length = 0;
    this.rateLimits.reset();
    this.workspaceCap = DEFAULT_WORKSPACE_CAP;
    this.autoAcceptInvites = false;
    this.addUser({ email: 'owner@sandbox.example', name: 'Sandbox Owner', role: 'admin' });
  }

  addUser(input: Pick<UserRecord, 'email' | 'name' | 'role'>): UserRecord {
    const user: UserRecord = { id: newUserId(), addedAt: this.clock.nowMs(), ...input };
    this.users.set(user.id, user);
    return user;
  }

  /** The invitee accepts: the invite becomes an organization user. */
  acceptInvite(invite: InviteRecord): UserRecord {
    invite.acceptedAt = this.clock.nowMs();
    return this.addUser({
      email: invite.email,
      name: invite.email.split('@')[0] ?? invite.email,
      role: invite.role,
    });
  }

  findUserByEmail(email: string): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.email.toLowerCase() === email.toLowerCase());
  }

  activeWorkspaceCount(): number {
    return [...this.workspaces.values()].filter((workspace) => workspace.archivedAt === null).length;
  }

  addApiKey(key: ApiKeyRecord): void {
    this.apiKeys.set(key.id, key);
    this.keysBySecret.set(key.secret, key.id);
  }

  member(workspaceId: string, userId: string): MemberRecord | undefined {
    return this.members.find((member) => member.workspaceId === workspaceId && member.userId === userId);
  }

  /** A key past its expiry reads as `expired`, whatever it was set to. */
  effectiveStatus(key: ApiKeyRecord): ApiKeyRecord['status'] | 'expired' {
    if (key.status !== 'archived' && key.expiresAt !== null && this.clock.nowMs() >= key.expiresAt)
      return 'expired';
    return key.status;
  }
}
