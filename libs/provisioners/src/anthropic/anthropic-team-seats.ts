import type { Workspace } from '@anthropic-ai/sdk/resources/organization/workspaces/workspaces';
import { callVendor, type VendorCallContext } from '../common/vendor-call';
import type { AnthropicAdmin } from './anthropic-admin-client';

const SEAT_TAG_PREFIX = 'keygate-intent-';

/**
 * A KeyGate key's place in a shared team workspace, kept as a workspace tag (`keygate-intent-<intent8>`) so that
 * the vendor itself says which intents use the workspace: a crashed provision is found by its intent, a revoke
 * knows whether teammates still need the workspace, and a binding skips keys another seat already holds.
 */
export interface TeamSeat {
  intentPrefix: string;
  email: string;
  userId?: string;
  keyId?: string;
}

export function seatsOf(workspace: Pick<Workspace, 'tags'>): TeamSeat[] {
  const seats: TeamSeat[] = [];
  for (const [tag, value] of Object.entries(workspace.tags ?? {})) {
    if (!tag.startsWith(SEAT_TAG_PREFIX)) continue;
    const fields = new URLSearchParams(value);
    const email = fields.get('email');
    if (!email) continue;
    const userId = fields.get('user');
    const keyId = fields.get('key');
    seats.push({ intentPrefix: tag.slice(SEAT_TAG_PREFIX.length), email, ...(userId ? { userId } : {}), ...(keyId ? { keyId } : {}) });
  }
  return seats.sort((a, b) => a.intentPrefix.localeCompare(b.intentPrefix));
}

export function seatFor(workspace: Pick<Workspace, 'tags'>, intentPrefix: string): TeamSeat | undefined {
  return seatsOf(workspace).find((seat) => seat.intentPrefix === intentPrefix);
}

/** Adds or replaces one seat; the tags of other seats are left alone (Anthropic merges a tags patch). */
export async function writeSeat(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, seat: TeamSeat): Promise<void> {
  const value = new URLSearchParams({ email: seat.email, ...(seat.userId ? { user: seat.userId } : {}), ...(seat.keyId ? { key: seat.keyId } : {}) });
  await callVendor(ctx, 'tag team workspace', () => admin.workspaces.update(workspaceId, { tags: { [SEAT_TAG_PREFIX + seat.intentPrefix]: value.toString() } }));
}

export async function removeSeat(ctx: VendorCallContext, admin: AnthropicAdmin, workspaceId: string, intentPrefix: string): Promise<void> {
  // A null tag value deletes that one tag.
  await callVendor(ctx, 'untag team workspace', () => admin.workspaces.update(workspaceId, { tags: { [SEAT_TAG_PREFIX + intentPrefix]: null } }));
}
