import { isVendorError, type VendorError } from '@keygate/provisioners';
import { DomainError } from '@api/common/errors/domain-error';

/**
 * A provisioner's VendorError as one of our codes. Its message is already scrubbed by the provisioner and
 * names the connection by label and id, never by credential.
 */
export function vendorErrorToDomain(error: VendorError, connection: { id: string; label: string }): DomainError {
  const details = { vendor: error.vendor, connection_id: connection.id, connection_label: connection.label, ...(error.details ?? {}) };
  switch (error.kind) {
    case 'connection_rejected':
      return new DomainError('vendor_rejected_credentials', `${error.vendor} rejected the admin credential of connection "${connection.label}" (${connection.id}); update it under Vendors`, details);
    case 'vendor_unavailable': {
      const retryAfter = error.retryAfterMs !== undefined ? { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) } : undefined;
      return new DomainError('vendor_unavailable', `${error.vendor} is unavailable (vendor unavailable); nothing was left behind, try again later`, details, retryAfter);
    }
    case 'precondition_failed':
      return new DomainError('vendor_precondition_failed', error.message, details);
    case 'not_found':
    case 'conflict':
    case 'invalid_request':
      return new DomainError('vendor_error', error.message, details);
  }
}

/** Any error from a vendor step as a DomainError when it is one we understand; otherwise unchanged. */
export function asDomainError(error: unknown, connection: { id: string; label: string }): unknown {
  return isVendorError(error) ? vendorErrorToDomain(error, connection) : error;
}
