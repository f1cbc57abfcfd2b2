import type { ErrorFor, VendorErrorDetail } from '@sim/common/vendor-error';
import { VendorError } from '@sim/common/vendor-error';

const DEFAULT_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'AuthenticationFailed',
  403: 'AuthorizationFailed',
  404: 'ResourceNotFound',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** ARM's error envelope: `{"error": {"code", "message"}}` (the Azure OpenAI data plane uses the same shape). */
export const azureErrorFor: ErrorFor = (
  status: number,
  message: string,
  _requestId: string,
  detail?: VendorErrorDetail,
) => ({
  headers: detail?.headers,
  body: { error: { code: detail?.code ?? DEFAULT_CODES[status] ?? String(status), message } },
});

export function armError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): VendorError {
  return new VendorError(status, message, { code, headers });
}
