/** A vendor connection with its admin credential decrypted; passed per call, never stored on a provisioner. */
export interface DecryptedConnection {
  id: string;
  vendor: string;
  label: string;
  /** sk-admin-…, sk-ant-admin…, an Azure client secret, or a GCP service-account JSON. */
  adminCredential: string;
  /** Non-secret settings: org_id, tenant_id, client_id, subscription_id, resource_group, location, project_id … */
  settings: Record<string, string>;
}
