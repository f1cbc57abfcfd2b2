import Anthropic, { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { PUBLIC_VENDOR_ENDPOINTS, type DecryptedConnection, type VendorEndpoints } from '../contract';
import type { ProvisionerRuntime } from '../common/provisioner-runtime';
import { errorMessageOf, headerReaderOf, parseRetryAfter, type VendorFailure } from '../common/vendor-failure';

export type AnthropicAdmin = Anthropic['organization'];
export type AnthropicAnalytics = Anthropic['beta']['organization']['analytics'];

export function anthropicBaseUrl(endpoints: VendorEndpoints): string {
  return endpoints.anthropic?.baseUrl ?? PUBLIC_VENDOR_ENDPOINTS.anthropic.baseUrl;
}

export function anthropicAdminClient(endpoints: VendorEndpoints, runtime: ProvisionerRuntime, conn: DecryptedConnection): AnthropicAdmin {
  return anthropicClient(endpoints, runtime, conn).organization;
}

/** The beta analytics reports (cost per API key), read with the same admin key. */
export function anthropicAnalyticsClient(endpoints: VendorEndpoints, runtime: ProvisionerRuntime, conn: DecryptedConnection): AnthropicAnalytics {
  return anthropicClient(endpoints, runtime, conn).beta.organization.analytics;
}

function anthropicClient(endpoints: VendorEndpoints, runtime: ProvisionerRuntime, conn: DecryptedConnection): Anthropic {
  return new Anthropic({
    apiKey: conn.adminCredential,
    baseURL: anthropicBaseUrl(endpoints),
    maxRetries: 0,
    timeout: runtime.requestTimeoutMs,
    // A redirect would carry the admin key to another host: refuse to follow any.
    fetchOptions: { redirect: 'error' },
  });
}

export function describeAnthropicFailure(error: unknown): VendorFailure {
  if (error instanceof APIConnectionError) return { message: error.message };
  if (error instanceof APIError) {
    const envelope = error.error as { error?: { type?: unknown; message?: unknown } } | undefined;
    const status: unknown = error.status;
    const retryAfterMs = parseRetryAfter(headerReaderOf(error.headers), Date.now());
    return {
      ...(typeof status === 'number' ? { status } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(typeof envelope?.error?.type === 'string' ? { vendorCode: envelope.error.type } : {}),
      message: typeof envelope?.error?.message === 'string' ? envelope.error.message : error.message,
    };
  }
  return { message: errorMessageOf(error) };
}
