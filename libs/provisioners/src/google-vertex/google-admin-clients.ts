import { createPrivateKey } from 'node:crypto';
import { cloudresourcemanager, type cloudresourcemanager_v1 } from '@googleapis/cloudresourcemanager';
import { iam, type iam_v1 } from '@googleapis/iam';
import { JWT } from 'google-auth-library';
import { PUBLIC_VENDOR_ENDPOINTS, VendorError, type DecryptedConnection, type VendorEndpoints } from '../contract';
import { requiredSetting, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { errorMessageOf, headerReaderOf, parseRetryAfter, type VendorFailure } from '../common/vendor-failure';

const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export interface GoogleAdmin {
  iam: iam_v1.Iam;
  crm: cloudresourcemanager_v1.Cloudresourcemanager;
  projectId: string;
}

interface ServiceAccountCredential {
  client_email: string;
  private_key: string;
  private_key_id?: string;
  project_id?: string;
}

export function googleEndpoints(endpoints: VendorEndpoints): NonNullable<VendorEndpoints['google_vertex']> {
  return endpoints.google_vertex ?? PUBLIC_VENDOR_ENDPOINTS.google_vertex;
}

/**
 * IAM and Resource Manager clients authenticated as the connection's service account. The token
 * exchange URL is hard-coded in google-auth-library, so a request interceptor sends it to the
 * configured token endpoint; every library retry is off so KeyGate's policy decides.
 */
export function googleAdminClients(endpoints: VendorEndpoints, runtime: ProvisionerRuntime, conn: DecryptedConnection): GoogleAdmin {
  const credential = parseCredential(conn);
  const urls = googleEndpoints(endpoints);
  const auth = new JWT({
    email: credential.client_email,
    key: credential.private_key,
    ...(credential.private_key_id ? { keyId: credential.private_key_id } : {}),
    scopes: [CLOUD_PLATFORM_SCOPE],
    // Node's own fetch: gaxios would otherwise load node-fetch through a dynamic import.
    // Redirects are refused: they would carry the signed assertion or the access token to another host.
    transporterOptions: { retry: false, timeout: runtime.requestTimeoutMs, fetchImplementation: fetch, redirect: 'error' },
  });
  auth.transporter.interceptors.request.add({
    resolved: (options) => {
      if (options.url.href === GOOGLE_TOKEN_URL) options.url = new URL(urls.tokenUrl);
      return Promise.resolve(options);
    },
  });
  // googleapis-common pins an older google-auth-library whose JWT type differs only in private
  // members; at run time it just calls auth.request(), which this client provides.
  const common = {
    auth: auth as unknown as iam_v1.Options['auth'],
    retry: false,
    timeout: runtime.requestTimeoutMs,
    fetchImplementation: fetch,
    redirect: 'error' as const,
  };
  const projectId = requiredSetting('google_vertex', conn, 'project_id', credential.project_id);
  return {
    iam: iam({ version: 'v1', rootUrl: withSlash(urls.iamUrl), ...common }),
    crm: cloudresourcemanager({ version: 'v1', rootUrl: withSlash(urls.crmUrl), ...common }),
    projectId,
  };
}

function isPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function parseCredential(conn: DecryptedConnection): ServiceAccountCredential {
  let parsed: unknown;
  try {
    parsed = JSON.parse(conn.adminCredential);
  } catch {
    parsed = undefined;
  }
  const fields = (parsed ?? {}) as Partial<ServiceAccountCredential>;
  if (typeof fields.client_email !== 'string' || typeof fields.private_key !== 'string' || !isPrivateKey(fields.private_key)) {
    throw new VendorError({
      kind: 'connection_rejected',
      vendor: 'google_vertex',
      message: `The admin credential of connection "${conn.label}" (${conn.id}) is not a service-account JSON key.`,
    });
  }
  return fields as ServiceAccountCredential;
}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; details?: unknown[] } | string;
  error_description?: string;
}

export function describeGoogleFailure(error: unknown): VendorFailure {
  if (!isGaxiosLike(error)) return tokenFailure(errorMessageOf(error));
  const status = error.status ?? error.response?.status;
  if (status === undefined) return { message: error.message };
  const body = error.response?.data as GoogleErrorBody | undefined;
  if (typeof body?.error === 'string') return tokenFailure(`${body.error}: ${body.error_description ?? ''}`, status);
  const retryAfterMs = parseRetryAfter(headerReaderOf(error.response?.headers), Date.now());
  const canonical = body?.error?.status;
  return {
    status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(canonical ? { vendorCode: canonical } : {}),
    ...(canonical === 'FAILED_PRECONDITION' ? { kind: 'precondition_failed' as const } : {}),
    ...(body?.error?.details ? { details: { vendorDetails: body.error.details } } : {}),
    message: body?.error?.message ?? error.message,
  };
}

interface GaxiosLikeError extends Error {
  status?: number;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

/** Duck-typed: googleapis-common and google-auth-library each bring their own gaxios copy. */
function isGaxiosLike(error: unknown): error is GaxiosLikeError {
  return error instanceof Error && ('response' in error || 'status' in error);
}

/** OAuth token-endpoint refusals (invalid_grant …) mean the admin credential itself is not accepted. */
function tokenFailure(message: string, status?: number): VendorFailure {
  if (/invalid_grant|invalid_client|unauthorized_client|invalid_scope/.test(message)) return { status: 401, message };
  return { ...(status !== undefined ? { status } : {}), message };
}
