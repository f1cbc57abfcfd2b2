import type { ErrorFor, VendorErrorDetail } from '@sim/common/vendor-error';
import { VendorError } from '@sim/common/vendor-error';

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'invalid_request_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** Anthropic's envelope: `{type: "error", error: {type, message, details?}, request_id}`. */
export const anthropicErrorFor: ErrorFor = (status, message, requestId, detail?: VendorErrorDetail) => ({
  body: {
    type: 'error',
    error: {
      type: detail?.type ?? TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
      message,
      ...(detail?.code ? { details: { error_code: detail.code } } : {}),
    },
    request_id: requestId,
  },
});

export const anthropicErrors = {
  invalidRequest: (message: string, code?: string) => new VendorError(400, message, { code }),
  notFound: (message: string) => new VendorError(404, message),
  authentication: (message: string) => new VendorError(401, message),
  permission: (message: string) => new VendorError(403, message),
};
