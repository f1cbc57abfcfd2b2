import { rootCertificates } from 'node:tls';
import { CognitiveServicesManagementClient } from '@azure/arm-cognitiveservices';
import { isRestError } from '@azure/core-rest-pipeline';
import { AuthenticationError, ClientSecretCredential, CredentialUnavailableError } from '@azure/identity';
import { PUBLIC_VENDOR_ENDPOINTS, type DecryptedConnection, type VendorEndpoints } from '../contract';
import { requiredSetting, type ProvisionerRuntime } from '../common/provisioner-runtime';
import { errorMessageOf, headerReaderOf, parseRetryAfter, type VendorFailure } from '../common/vendor-failure';

const ARM_SCOPE = 'https://management.azure.com/.default';
const DEFAULT_LRO_POLL_MS = 2000;

export interface AzureAdmin {
  client: CognitiveServicesManagementClient;
  resourceGroup: string;
  location: string;
  /** Options for every plain call. */
  call: { requestOptions: { timeout: number } };
  /** Options for every long-running operation. */
  lro: { updateIntervalInMs: number; requestOptions: { timeout: number } };
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
    { authorityHost: azure.authorityHost, disableInstanceDiscovery: true, retryOptions: { maxRetries: 0 }, ...tlsOptions },
  );
  const client = new CognitiveServicesManagementClient(credential, requiredSetting('azure_openai', conn, 'subscription_id'), {
    endpoint: azure.armEndpoint,
    credentialScopes: [ARM_SCOPE],
    retryOptions: { maxRetries: 0 },
    ...tlsOptions,
  });
  return {
    client,
    resourceGroup: requiredSetting('azure_openai', conn, 'resource_group'),
    location: requiredSetting('azure_openai', conn, 'location'),
    call: { requestOptions: { timeout: runtime.requestTimeoutMs } },
    lro: {
      updateIntervalInMs: endpoints.azure_openai?.lroPollIntervalMs ?? DEFAULT_LRO_POLL_MS,
      requestOptions: { timeout: runtime.requestTimeoutMs },
    },
  };
}

export function describeAzureFailure(error: unknown): VendorFailure {
  if (error instanceof AuthenticationError) {
    const reason = `${error.errorResponse.error}: ${error.errorResponse.errorDescription}`;
    return error.statusCode >= 500 ? { status: error.statusCode, message: reason } : { status: 401, message: reason };
  }
  if (error instanceof CredentialUnavailableError) return { message: error.message };
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
