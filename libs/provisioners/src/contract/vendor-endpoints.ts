import type { RetryPolicy } from './retry-policy';

/**
 * Where each vendor lives. Server configuration only (env, Helm values): never taken from a
 * connection or a request, so a stored admin credential cannot be sent to a host of a user's choosing.
 */
export interface VendorEndpoints {
  openai?: { baseUrl: string };
  anthropic?: { baseUrl: string };
  azure_openai?: {
    authorityHost: string;
    armEndpoint: string;
    /** PEM of an extra CA to trust (the simulator's); the system store is always trusted too. */
    caPem?: string;
    /** How long Azure long-running operations are polled between attempts. */
    lroPollIntervalMs?: number;
    /** How long one long-running operation may take before it counts as failed (default 10 minutes). */
    lroTimeoutMs?: number;
  };
  google_vertex?: { iamUrl: string; crmUrl: string; tokenUrl: string; vertexUrl?: string };
  /** Per-request timeout for every vendor call. */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export const PUBLIC_VENDOR_ENDPOINTS = {
  openai: { baseUrl: 'https://api.openai.com/v1' },
  anthropic: { baseUrl: 'https://api.anthropic.com' },
  azure_openai: { authorityHost: 'https://login.microsoftonline.com', armEndpoint: 'https://management.azure.com' },
  google_vertex: {
    iamUrl: 'https://iam.googleapis.com/',
    crmUrl: 'https://cloudresourcemanager.googleapis.com/',
    tokenUrl: 'https://oauth2.googleapis.com/token',
  },
} as const;
