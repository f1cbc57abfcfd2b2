/** Everything needed later to revoke, rotate or read policy. Never holds a secret. */
export interface VendorKeyRef {
  scopeId: string;
  scopeName: string;
  vendorKeyId: string | null;
  refs: Record<string, string>;
}

export interface Instructions {
  base_url: string;
  auth_header: string;
  [k: string]: unknown;
}

export interface ProvisionResult extends VendorKeyRef {
  /** null only when keys are created by the developer in the vendor's console (Anthropic). */
  secret: string | null;
  /** Safe display hint: at most ~4 trailing characters of entropy. */
  hint: string | null;
  instructions: Instructions;
}

/**
 * Called after each finished vendor step, so the key's row shows how far a provision got. KeyGate keeps the steps
 * and writes them at most once a second; crash recovery does not depend on them (objects are found by intent id).
 */
export type StepRecorder = (step: string, ref: Partial<VendorKeyRef>) => Promise<void>;

export interface ManagedScope {
  scopeId: string;
  scopeName: string;
  intentPrefix: string;
  /** A scope several keys share (a team workspace): every intent that claims it. Absent: just `intentPrefix`. */
  intentPrefixes?: string[];
  vendorKeyIds: string[];
}

export interface PolicyReadback {
  rateLimitRpm?: number | null;
  modelsAllowed?: string[] | null;
  budgetLimitUsd?: number | null;
}

export interface UsageWindow {
  from: Date;
  to: Date;
}

/** A connection's cost in a window (USD), from ONE read of the vendor's cost report. */
export interface ConnectionCosts {
  /** Scope id → cost of everything in the scope. Scopes without cost may be absent. */
  byScope: Map<string, number>;
  /**
   * Vendor key id → cost of that key alone, when the vendor's report can group by key. Keys without cost may be
   * absent. Needed where several KeyGate keys share one scope (Anthropic team workspaces).
   */
  byKey?: Map<string, number>;
}

export interface ConsoleKeyBinding {
  vendorKeyId: string;
  hint: string;
  strayKeyIds: string[];
}

export interface ConnectionCheck {
  ok: boolean;
  missingPermissions: string[];
  detail: string;
}
