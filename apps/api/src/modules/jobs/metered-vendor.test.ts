import { randomBytes } from 'node:crypto';
import {
  BaseVendorProvisioner,
  VendorError,
  type ConnectionCheck,
  type ConnectionCosts,
  type ManagedScope,
  type PolicyReadback,
  type ProvisionIntent,
  type ProvisionResult,
  type VendorCapabilities,
  type VendorKeyRef,
} from '@keygate/provisioners';

type KeyStatus = 'active' | 'inactive' | 'archived';

/**
 * An in-memory vendor that, like Anthropic, cannot enforce a budget but reports cost per scope and can disable
 * a key reversibly: the jobs' integration specs drive it without a simulator. `failing` makes its key-status
 * calls fail, as an unavailable vendor would.
 */
export class MeteredVendor extends BaseVendorProvisioner {
  readonly vendor = 'metered_llm';
  readonly capabilities: VendorCapabilities = {
    fields: {
      budget_limit_usd: { enforcement: 'keygate', note: 'KeyGate reads the cost per scope and disables the key at the budget.' },
      rate_limit_rpm: { enforcement: 'none', note: 'Not enforced.' },
      models_allowed: { enforcement: 'none', note: 'Not enforced.' },
      expires_in_days: { enforcement: 'keygate', note: 'KeyGate revokes the key when it expires.' },
    },
    keyDelivery: 'immediate',
    rotation: 'reprovision',
  };
  readonly keys = new Map<string, { scopeId: string; status: KeyStatus }>();
  readonly costs = new Map<string, number>();
  /** Cost per vendor key; reported only once a test puts something in it (a vendor whose report groups by key). */
  readonly keyCosts = new Map<string, number>();
  reportReads = 0;
  failing = false;

  checkConnection(): Promise<ConnectionCheck> {
    return Promise.resolve({ ok: true, missingPermissions: [], detail: 'in memory' });
  }

  provision(_conn: unknown, intent: ProvisionIntent): Promise<ProvisionResult> {
    const scopeId = `scope_${intent.intentId}`;
    const vendorKeyId = `key_${randomBytes(6).toString('hex')}`;
    this.keys.set(vendorKeyId, { scopeId, status: 'active' });
    return Promise.resolve({ scopeId, scopeName: `kg-metered-${intent.intentId.slice(0, 8)}`, vendorKeyId, refs: {}, secret: `mtr-${randomBytes(16).toString('hex')}`, hint: 'mtr-…', instructions: { base_url: 'http://metered.invalid', auth_header: 'Authorization: Bearer <key>' } });
  }

  revoke(_conn: unknown, ref: VendorKeyRef): Promise<void> {
    const key = ref.vendorKeyId ? this.keys.get(ref.vendorKeyId) : undefined;
    if (key) key.status = 'archived';
    return Promise.resolve();
  }

  findByIntent(): Promise<VendorKeyRef[]> {
    return Promise.resolve([]);
  }

  async *listManaged(): AsyncIterable<ManagedScope> {
    // Owned scopes only: nothing for the reconciler to judge.
  }

  readPolicy(): Promise<PolicyReadback> {
    return Promise.resolve({});
  }

  override usageByScope(): Promise<ConnectionCosts> {
    this.reportReads += 1;
    return Promise.resolve({ byScope: new Map(this.costs), ...(this.keyCosts.size > 0 ? { byKey: new Map(this.keyCosts) } : {}) });
  }

  override setKeyEnabled(_conn: unknown, ref: VendorKeyRef, enabled: boolean): Promise<void> {
    if (this.failing) return Promise.reject(new VendorError({ kind: 'vendor_unavailable', vendor: this.vendor, message: 'metered vendor unavailable' }));
    const key = ref.vendorKeyId ? this.keys.get(ref.vendorKeyId) : undefined;
    if (!key) return Promise.reject(new VendorError({ kind: 'not_found', vendor: this.vendor, message: 'no such key' }));
    if (key.status === 'archived') {
      return enabled ? Promise.reject(new VendorError({ kind: 'precondition_failed', vendor: this.vendor, message: 'archived keys cannot be re-enabled' })) : Promise.resolve();
    }
    key.status = enabled ? 'active' : 'inactive';
    return Promise.resolve();
  }

  statusOf(vendorKeyId: string): KeyStatus | undefined {
    return this.keys.get(vendorKeyId)?.status;
  }
}
