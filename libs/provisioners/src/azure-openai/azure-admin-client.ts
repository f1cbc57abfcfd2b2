import { rootCertificates } from 'node:tls';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { isRestError } from '@azure/core-rest-pipeline';
import { AuthenticationError, ClientSecretCredential, CredentialUnavailableError } from '@azure/identity';
import { PUBLIC_VENDOR_ENDPOINTS, type DecryptedConnection, type VendorEndpoints } from '../contract';
import { requiredSetting, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { errorMessageOf, headerReaderOf, parseRetryAfter, type VendorFailure } from '../common/vendor-failure';

const ARM_SCOPE = 'https://management.azure.com/.default';
const DEFAULT_LRO_POLL_MS = 2000;
/** KeyGate's retry policy decides; a redirect would carry the bearer token to another host. */
const NO_RETRIES_NO_REDIRECTS = { retryOptions: { maxRetries: 0 }, redirectOptions: { maxRetries: 0 } };
const DEFAULT_LRO_TIMEOUT_MS = 10 * 60 * 1000;

export interface AzureAdmin {
  client: CognitiveServicesManagementClient;
  resourceGroup: string;
  location: string;
  /** Options for every plain call. */
  call: { requestOptions: { timeout: number } };
  /** Options for one long-running operation, with a deadline of its own. */
  lro(): { updateIntervalInMs: number; requestOptions: { timeout: number }; abortSignal: AbortSignal };
}

/**
 * The ARM client for the connection's app registration. Azure SDKs refuse plain HTTP, so an extra CA
 * (the simulator's) is trusted through tlsOptions, on top of the system store, never by turning
 * verification off. Pipeline retries are off: KeyGate's retry policy decides.
 */
export function azureAdminClient(endpoints: VendorEndpoints, runtime: ProvisionerRuntime, conn: DecryptedConnection): AzureAdmin {
  const azure = endpoints.azure_openai ?? PUBLIC_VENDOR_ENDPOINTS.azure_openai;
  const caPem = endpoints.azure_openai?.caPem;
  const tlsOptions = caPem ? { tlsOptions: { ca: [...rootCertificates, caPem].join('\n') } } : {};
  const credential = new ClientSecretCredential(
    requiredSetting('azure_openai', conn, 'tenant_id'),
    requiredSetting('azure_openai', conn, 'client_id'),
    conn.adminCredential,
    { authorityHost: azure.authorityHost, disableInstanceDiscovery: true, ...NO_RETRIES_NO_REDIRECTS, ...tlsOptions },
  );
  const client = new CognitiveServicesManagementClient(credential, requiredSetting('azure_openai', conn, 'subscription_id'), {
    endpoint: azure.armEndpoint,
    credentialScopes: [ARM_SCOPE],
    ...NO_RETRIES_NO_REDIRECTS,
    ...tlsOptions,
  });
  return {
    client,
    resourceGroup: requiredSetting('azure_openai', conn, 'resource_group'),
    location: requiredSetting('azure_openai', conn, 'location'),
    call: { requestOptions: { timeout: runtime.requestTimeoutMs } },
    lro: () => ({
      updateIntervalInMs: endpoints.azure_openai?.lroPollIntervalMs ?? DEFAULT_LRO_POLL_MS,
      requestOptions: { timeout: runtime.requestTimeoutMs },
      abortSignal: AbortSignal.timeout(endpoints.azure_openai?.lroTimeoutMs ?? DEFAULT_LRO_TIMEOUT_MS),
    }),
  };
}

const ENTRA_REFUSAL = /invalid_client|unauthorized_client|invalid_grant|invalid_request|invalid_scope|AADSTS\d+/;

function isNamed(error: unknown, name: string): error is Error {
  return error instanceof Error && error.name === name;
}

export function describeAzureFailure(error: unknown): VendorFailure {
  // By name as well: the token error can reach us through a second copy of @azure/identity's classes.
  if (error instanceof AuthenticationError || isNamed(error, 'AuthenticationError')) {
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    const status = typeof statusCode === 'number' && statusCode >= 500 ? statusCode : 401;
    return { status, message: error.message };
  }
  if (isNamed(error, 'AuthenticationRequiredError') || isNamed(error, 'CredentialUnavailableError') || error instanceof CredentialUnavailableError) {
    // Entra's own refusal (AADSTS…, invalid_client) means the secret or app is wrong; anything else is transport.
    const message = errorMessageOf(error);
    return ENTRA_REFUSAL.test(message) ? { status: 401, message } : { message };
  }
  if (isRestError(error)) {
    const details = error.details as { error?: { code?: string; message?: string } } | undefined;
    const retryAfterMs = parseRetryAfter(headerReaderOf(error.response?.headers), Date.now());
    return {
      ...(error.statusCode !== undefined ? { status: error.statusCode } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(details?.error?.code ? { vendorCode: details.error.code } : {}),
      message: details?.error?.message ?? error.message,
    };
  }
  return { message: errorMessageOf(error) };
}
