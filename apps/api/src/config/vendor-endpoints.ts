/** Where each vendor's APIs live. Server configuration only: never taken from an API request. */
export interface VendorEndpoints {
  openaiBaseUrl: string;
  anthropicBaseUrl: string;
  azureAuthorityHost: string;
  azureArmEndpoint: string;
  azureCaPem: string | null;
  googleIamUrl: string;
  googleCrmUrl: string;
  googleTokenUrl: string;
  googleVertexUrl: string;
}

export const REAL_VENDOR_ENDPOINTS: VendorEndpoints = {
  openaiBaseUrl: 'https://api.openai.com/v1',
  anthropicBaseUrl: 'https://api.anthropic.com',
  azureAuthorityHost: 'https://login.microsoftonline.com',
  azureArmEndpoint: 'https://management.azure.com',
  azureCaPem: null,
  googleIamUrl: 'https://iam.googleapis.com',
  googleCrmUrl: 'https://cloudresourcemanager.googleapis.com',
  googleTokenUrl: 'https://oauth2.googleapis.com/token',
  googleVertexUrl: 'https://us-central1-aiplatform.googleapis.com',
};
