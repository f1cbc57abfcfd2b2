import { OpenAI, APIConnectionError, APIError } from 'openai';
import { PUBLIC_VENDOR_ENDPOINTS, type DecryptedConnection, type VendorEndpoints } from '../contract';
import type { ProvisionerRuntime } from '../common/provisioner-runtime';
import { errorMessageOf, headerReaderOf, parseRetryAfter, type VendorFailure } from '../common/vendor-failure';

export type OpenAIAdmin = OpenAI['admin']['organization'];

export function openaiBaseUrl(endpoints: VendorEndpoints): string {
  return endpoints.openai?.baseUrl ?? PUBLIC_VENDOR_ENDPOINTS.openai.baseUrl;
}

/** The official admin client with its own retries off: KeyGate's retry policy decides. */
export function openaiAdminClient(endpoints: VendorEndpoints, runtime: ProvisionerRuntime, conn: DecryptedConnection): OpenAIAdmin {
  const client = new OpenAI({
    adminAPIKey: conn.adminCredential,
    apiKey: null,
    baseURL: openaiBaseUrl(endpoints),
    organization: conn.settings['org_id'] ?? null,
    maxRetries: 0,
    timeout: runtime.requestTimeoutMs,
    // A redirect would carry the admin key to another host: refuse to follow any.
    fetchOptions: { redirect: 'error' },
  });
  return client.admin.organization;
}

export function describeOpenAIFailure(error: unknown): VendorFailure {
  if (error instanceof APIConnectionError) return { message: error.message };
  if (error instanceof APIError) {
    const body = error.error as { message?: unknown; code?: unknown } | undefined;
    const status: unknown = error.status;
    const retryAfterMs = parseRetryAfter(headerReaderOf(error.headers), Date.now());
    return {
      ...(typeof status === 'number' ? { status } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(typeof body?.code === 'string' ? { vendorCode: body.code } : {}),
      message: typeof body?.message === 'string' ? body.message : error.message,
    };
  }
  return { message: errorMessageOf(error) };
}
