import { VendorError, type DecryptedConnection, type RetryPolicy, type VendorEndpoints } from '../contract';
import { SecretScrubber } from './secret-scrubber';
import { ThrottleGates } from './throttle-gate';
import { resolveRetryPolicy, systemClock, type RetryClock, type VendorCallContext } from './vendor-call';
import type { VendorFailure } from './vendor-failure';

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Server-side knobs every provisioner shares: retry policy, clock, per-request timeout. */
export interface ProvisionerRuntime {
  policy: RetryPolicy;
  clock: RetryClock;
  requestTimeoutMs: number;
  gates: ThrottleGates;
}

export function runtimeFrom(endpoints: VendorEndpoints, clock: RetryClock = systemClock): ProvisionerRuntime {
  return {
    policy: resolveRetryPolicy(endpoints.retry),
    clock,
    requestTimeoutMs: endpoints.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    gates: new ThrottleGates(),
  };
}

/** A call context whose scrubber already knows the connection's admin credential. */
export function callContextFor(
  runtime: ProvisionerRuntime,
  vendor: string,
  conn: DecryptedConnection,
  describe: (error: unknown) => VendorFailure,
): VendorCallContext {
  return {
    vendor,
    connection: { id: conn.id, label: conn.label },
    scrubber: new SecretScrubber([conn.adminCredential]),
    policy: runtime.policy,
    clock: runtime.clock,
    gate: runtime.gates.forConnection(conn.id),
    describe,
  };
}

/** A connection setting the vendor cannot work without; its absence is the connection's fault, not the vendor's. */
export function requiredSetting(vendor: string, conn: DecryptedConnection, name: string, fallback?: string): string {
  const value = conn.settings[name] ?? fallback;
  if (!value) {
    throw new VendorError({ kind: 'invalid_request', vendor, message: `${vendor} connection "${conn.label}" (${conn.id}) has no "${name}" setting` });
  }
  return value;
}
