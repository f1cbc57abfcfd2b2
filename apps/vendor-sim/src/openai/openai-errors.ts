import type { ErrorFor, VendorErrorDetail } from '@sim/common/vendor-error';
import { VendorError } from '@sim/common/vendor-error';

const DEFAULT_TYPE: Record<number, string> = {
  401: 'invalid_request_error',
  403: 'invalid_request_error',
  404: 'invalid_request_error',
  409: 'invalid_request_error',
  429: 'requests',
};

/** OpenAI's envelope: `{error: {message, type, param, code}}`, all four keys always present. */
export const openAiErrorFor: ErrorFor = (status, message, _requestId, detail?: VendorErrorDetail) => ({
  body: {
    error: {
      message,
      type:
        detail?.type ?? DEFAULT_TYPE[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
      param: detail?.param ?? null,
      code: detail?.code ?? null,
    },
  },
});

export const openAiErrors = {
  badRequest: (message: string, param: string | null = null) => new VendorError(400, message, { param }),
  notFound: (message: string) => new VendorError(404, message),
  invalidApiKey: (maskedKey: string) =>
    new VendorError(
      401,
      `Incorrect API key provided: ${maskedKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      { code: 'invalid_api_key' },
    ),
  missingApiKey: () =>
    new VendorError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    ),
  insufficientPermissions: () =>
    new VendorError(
      403,
      'You have insufficient permissions for this operation. Missing scopes: api.management.read. Check that you have the correct role in your organization, and if you are using a restricted API key, that it has the necessary scopes.',
      { code: 'insufficient_permissions' },
    ),
};

/** Shows only the prefix and the last four characters, as OpenAI does in its 401 message. */
export function maskPresentedKey(key: string): string {
  if (key.length <= 12) return '*'.repeat(key.length);
  return `${key.slice(0, 8)}${'*'.repeat(8)}${key.slice(-4)}`;
}
