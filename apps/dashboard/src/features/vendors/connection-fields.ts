/** Per vendor: the secret admin credential and the non-secret settings a connection needs. */
export interface SettingField {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  /** A closed set of values, shown as a choice; the first one is the default. */
  options?: Array<{ value: string; label: string }>;
}

export interface ConnectionFields {
  credentialLabel: string;
  credentialDescription: string;
  multilineCredential: boolean;
  settings: SettingField[];
}

export const connectionFields: Record<string, ConnectionFields> = {
  openai: {
    credentialLabel: 'Admin API key',
    credentialDescription: 'An organization admin key (sk-admin-…) from the OpenAI platform settings.',
    multilineCredential: false,
    settings: [{ name: 'org_id', label: 'Organization id', description: 'org-…, optional', required: false }],
  },
  anthropic: {
    credentialLabel: 'Admin API key',
    credentialDescription: 'An Admin API key (sk-ant-admin…) from the Anthropic Console.',
    multilineCredential: false,
    settings: [
      {
        name: 'workspace_scope',
        label: 'Workspaces',
        description:
          'Anthropic allows 100 workspaces per organization: share one per team when you have more developers than that. Applies to keys issued from now on.',
        required: false,
        options: [
          { value: 'developer', label: 'One workspace per developer' },
          { value: 'team', label: 'One workspace per team' },
        ],
      },
    ],
  },
  azure_openai: {
    credentialLabel: 'Client secret',
    credentialDescription:
      'The secret of an Entra application allowed to manage Cognitive Services accounts.',
    multilineCredential: false,
    settings: [
      { name: 'tenant_id', label: 'Tenant id', required: true },
      {
        name: 'client_id',
        label: 'Client id',
        description: 'The Entra application (client) id',
        required: true,
      },
      { name: 'subscription_id', label: 'Subscription id', required: true },
      {
        name: 'resource_group',
        label: 'Resource group',
        description: 'Where KeyGate creates accounts',
        required: true,
      },
      { name: 'location', label: 'Location', description: 'Azure region, e.g. eastus', required: true },
      {
        name: 'default_models',
        label: 'Default models',
        description: 'Comma-separated models deployed when a key has no allow-list, e.g. gpt-4o-mini',
        required: false,
      },
      {
        name: 'deployment_sku',
        label: 'Deployment SKU',
        description: 'Optional, e.g. Standard',
        required: false,
      },
    ],
  },
  google_vertex: {
    credentialLabel: 'Service account key (JSON)',
    credentialDescription:
      'A key of a service account that may manage service accounts and IAM in the project.',
    multilineCredential: true,
    settings: [
      {
        name: 'project_id',
        label: 'Project id',
        description: 'Optional: defaults to the project of the service account key',
        required: false,
      },
      {
        name: 'location',
        label: 'Location',
        description: 'Optional Vertex AI region, e.g. us-central1',
        required: false,
      },
    ],
  },
};
