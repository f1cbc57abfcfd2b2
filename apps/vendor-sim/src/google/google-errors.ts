import type { ErrorFor, VendorErrorDetail } from '@sim/common/vendor-error';
import { VendorError } from '@sim/common/vendor-error';

/** Google's canonical codes (google.rpc.Code names) by HTTP status. */
const CANONICAL: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** A google.rpc status detail, e.g. `{"@type": "type.googleapis.com/google.rpc.PreconditionFailure", ...}`. */
export type GoogleErrorDetail = Record<string, unknown> & { '@type': string };

interface GoogleVendorErrorDetail extends VendorErrorDetail {
  details?: GoogleErrorDetail[];
}

const hasDetails = (detail: VendorErrorDetail | undefined): detail is GoogleVendorErrorDetail =>
  detail !== undefined && Array.isArray((detail as GoogleVendorErrorDetail).details);

/** `{"error": {"code": <http status>, "message", "status": "<canonical>", "details"?}}` */
export const googleErrorFor: ErrorFor = (status, message, _requestId, detail) => ({
  headers: detail?.headers,
  body: {
    error: {
      code: status,
      message,
      status: detail?.type ?? CANONICAL[status] ?? (status >= 500 ? 'INTERNAL' : 'UNKNOWN'),
      ...(hasDetails(detail) ? { details: detail.details } : {}),
    },
  },
});

export function googleError(
  status: number,
  canonical: string,
  message: string,
  details?: GoogleErrorDetail[],
  headers?: Record<string, string>,
): VendorError {
  const detail: GoogleVendorErrorDetail = {
    type: canonical,
    headers,
    ...(details === undefined ? {} : { details }),
  };
  return new VendorError(status, message, detail);
}

export const UNAUTHENTICATED_MESSAGE =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

export function unauthenticated(): VendorError {
  return googleError(401, 'UNAUTHENTICATED', UNAUTHENTICATED_MESSAGE, undefined, {
    'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
  });
}

/** Google's quota answer: 429 RESOURCE_EXHAUSTED with a day-long RetryInfo (gaxios does not retry POSTs). */
export function quotaExhausted(message: string): VendorError {
  return googleError(429, 'RESOURCE_EXHAUSTED', message, [
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '86401s' },
  ]);
}

export function permissionDenied(permission: string, resource: string): VendorError {
  return googleError(
    403,
    'PERMISSION_DENIED',
    `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'IAM_PERMISSION_DENIED',
        domain: 'iam.googleapis.com',
        metadata: { permission },
      },
    ],
  );
}
