import { callVendor, type VendorCallContext } from '../common/vendor-call';
import { VendorError } from '../contract';
import type { AnthropicAdmin } from './anthropic-admin-client';

/**
 * Suspends (`inactive`) or resumes (`active`) a key, which Anthropic allows both ways (`archived` is final).
 * Reads the key first, so a retry after a crash, or a key already in the wanted state, changes nothing.
 */
export async function setAnthropicKeyEnabled(ctx: VendorCallContext, admin: AnthropicAdmin, keyId: string, enabled: boolean): Promise<void> {
  const key = await callVendor(ctx, 'read key', () => admin.apiKeys.retrieve(keyId));
  const wanted = enabled ? 'active' : 'inactive';
  if (key.status === wanted) return;
  if (key.status === 'archived' || key.status === 'expired') {
    if (!enabled) return; // already unusable: nothing to suspend
    throw new VendorError({ kind: 'precondition_failed', vendor: 'anthropic', message: `Anthropic key ${keyId} is ${key.status} and cannot be re-enabled`, details: { vendorKeyId: keyId, status: key.status } });
  }
  await callVendor(ctx, enabled ? 'reactivate key' : 'deactivate key', () => admin.apiKeys.update(keyId, { status: wanted }));
}
