import type { VendorCapabilities } from './capabilities';
import type { DecryptedConnection } from './connection';
import type { ProvisionIntent } from './provision-intent';
import type {
  ConnectionCheck,
  ConnectionCosts,
  ConsoleKeyBinding,
  ManagedScope,
  PolicyReadback,
  ProvisionResult,
  StepRecorder,
  UsageWindow,
  VendorKeyRef,
} from './vendor-key-ref';

/**
 * One per vendor. Holds server configuration only (endpoints, retry policy); the connection and its
 * decrypted admin credential are passed to every call and never kept.
 */
export abstract class BaseVendorProvisioner {
  abstract readonly vendor: string;
  abstract readonly capabilities: VendorCapabilities;

  abstract checkConnection(conn: DecryptedConnection): Promise<ConnectionCheck>;
  abstract provision(conn: DecryptedConnection, intent: ProvisionIntent, record: StepRecorder): Promise<ProvisionResult>;
  /** Idempotent: an object that is already gone counts as revoked. */
  abstract revoke(conn: DecryptedConnection, ref: VendorKeyRef, opts: { offboard: boolean }): Promise<void>;
  /** The vendor objects a crashed provision of this intent left behind. */
  abstract findByIntent(conn: DecryptedConnection, intentId: string): Promise<VendorKeyRef[]>;
  /** Every vendor scope named with KeyGate's prefix, for reconciliation. */
  abstract listManaged(conn: DecryptedConnection): AsyncIterable<ManagedScope>;
  /** The vendor-side policy as it is now, for drift detection. */
  abstract readPolicy(conn: DecryptedConnection, ref: VendorKeyRef): Promise<PolicyReadback>;

  /** A new key in the SAME scope; the old one stays valid until revokeSuperseded. */
  rotate?(
    conn: DecryptedConnection,
    ref: VendorKeyRef,
    intent: ProvisionIntent,
    record: StepRecorder,
  ): Promise<ProvisionResult>;
  revokeSuperseded?(conn: DecryptedConnection, oldRef: VendorKeyRef): Promise<void>;
  /** Anthropic: find the key the developer created in the Console and bind it. null while none exists. */
  bindConsoleKey?(conn: DecryptedConnection, ref: VendorKeyRef): Promise<ConsoleKeyBinding | null>;
  /**
   * Month-to-date cost of the whole connection, read once (one report, every page): per vendor scope, and per
   * vendor key when the report can group by key. Budgets enforced by `keygate` use it.
   */
  usageByScope?(conn: DecryptedConnection, window: UsageWindow): Promise<ConnectionCosts>;
  /**
   * Disables (`enabled: false`) or re-enables the key at the vendor without destroying it: how KeyGate suspends a
   * key whose monthly budget is spent and resumes it the next month. Idempotent: the vendor state is read first,
   * a key already in the wanted state is left alone. Throws a VendorError when the key can no longer be
   * re-enabled (archived, deleted).
   */
  setKeyEnabled?(conn: DecryptedConnection, ref: VendorKeyRef, enabled: boolean): Promise<void>;
}
