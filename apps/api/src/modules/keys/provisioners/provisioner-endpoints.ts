import type { VendorEndpoints as ProvisionerEndpoints } from '@keygate/provisioners';
import type { VendorEndpoints } from '@api/config/vendor-endpoints';
import type { KeysSettings } from '@api/config/keys-settings';

/** The server's vendor endpoints (configuration only, never request input) in the provisioners' shape. */
export function provisionerEndpoints(e: VendorEndpoints, settings: KeysSettings): ProvisionerEndpoints {
  return {
    openai: { baseUrl: e.openaiBaseUrl },
    anthropic: { baseUrl: e.anthropicBaseUrl },
    azure_openai: { authorityHost: e.azureAuthorityHost, armEndpoint: e.azureArmEndpoint, ...(e.azureCaPem ? { caPem: e.azureCaPem } : {}) },
    google_vertex: { iamUrl: e.googleIamUrl, crmUrl: e.googleCrmUrl, tokenUrl: e.googleTokenUrl, vertexUrl: e.googleVertexUrl },
    requestTimeoutMs: settings.vendorTimeoutMs,
    retry: { maxAttempts: settings.vendorRetryAttempts },
  };
}
