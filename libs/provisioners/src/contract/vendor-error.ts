export type VendorErrorKind =
  | 'connection_rejected'
  | 'vendor_unavailable'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'invalid_request';

export interface VendorErrorInit {
  kind: VendorErrorKind;
  vendor: string;
  /** Must already be scrubbed of secrets: see SecretScrubber. */
  message: string;
  retryAfterMs?: number;
  details?: Record<string, unknown>;
}

/**
 * How every vendor failure leaves a provisioner (a bug surfaces as a plain, scrubbed Error instead).
 * Its message never contains a credential or key.
 */
export class VendorError extends Error {
  readonly kind: VendorErrorKind;
  readonly vendor: string;
  readonly retryAfterMs?: number;
  readonly details?: Record<string, unknown>;

  constructor(init: VendorErrorInit) {
    super(init.message);
    this.name = 'VendorError';
    this.kind = init.kind;
    this.vendor = init.vendor;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.details !== undefined) this.details = init.details;
  }
}

export function isVendorError(error: unknown): error is VendorError {
  return error instanceof VendorError;
}
