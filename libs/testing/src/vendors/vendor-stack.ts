import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestOrganization, type TestOrganization } from '../app/org-fixture';
import { startTestApp, type TestApp } from '../app/test-app';
import { recordSecret, testRunDir } from '../canary/secret-registry';
import { startVendorSimForTests, type TestVendorSim } from '../vendor-sim';
import { JobsService, type PassReport } from '@api/modules/jobs/jobs.service';

export type MatrixVendor = 'anthropic' | 'azure_openai' | 'google_vertex';
export const MATRIX_VENDORS: readonly MatrixVendor[] = ['anthropic', 'azure_openai', 'google_vertex'];

export const AZURE_RESOURCE_GROUP = 'keygate-devs';

export interface VendorStack {
  t: TestApp;
  sim: TestVendorSim;
  org: TestOrganization;
  token: string;
  connections: Record<MatrixVendor, string>;
  runJobs(): Promise<PassReport>;
  close(): Promise<void>;
}

/** Registers every admin credential of the simulator with the secret canary (the whole GCP JSON and its private_key). */
export function recordSimSecrets(sim: TestVendorSim): void {
  recordSecret(sim.credentials.openaiAdminKey);
  recordSecret(sim.credentials.anthropicAdminKey);
  recordSecret(sim.credentials.azureClientSecret);
  recordGoogleKeyFile(sim.google.adminCredentialJson);
}

export function recordGoogleKeyFile(json: string): void {
  recordSecret(json);
  const parsed = JSON.parse(json) as { private_key?: string };
  if (parsed.private_key) {
    recordSecret(parsed.private_key);
    // The PEM body without its armour lines, as it would appear if a log cut it up.
    for (const line of parsed.private_key.split('\n')) if (line.length >= 60 && !line.startsWith('-----')) recordSecret(line);
  }
}

/**
 * The server environment that points KeyGate at every simulated vendor, as an operator would configure it:
 * endpoints plus AZURE_CA_FILE (TLS stays verified) and GOOGLE_TOKEN_URL.
 */
export function simulatorEnv(sim: TestVendorSim, name: string): Record<string, string> {
  const caFile = join(testRunDir(), `${name}-azure-ca.pem`);
  writeFileSync(caFile, sim.azureCaPem);
  return {
    OPENAI_BASE_URL: sim.urls.openai,
    ANTHROPIC_BASE_URL: sim.urls.anthropic,
    AZURE_AUTHORITY_HOST: sim.urls.azure,
    AZURE_ARM_ENDPOINT: sim.urls.azure,
    AZURE_CA_FILE: caFile,
    GOOGLE_IAM_URL: sim.urls.googleIam,
    GOOGLE_CRM_URL: sim.urls.googleCrm,
    GOOGLE_TOKEN_URL: sim.urls.googleToken,
    GOOGLE_VERTEX_URL: sim.urls.googleVertex,
  };
}

/** POST /vendors/connections bodies for the three vendors, with the simulator's admin identities. */
export function connectionBodies(sim: TestVendorSim): Record<MatrixVendor, Record<string, unknown>> {
  const c = sim.credentials;
  return {
    anthropic: { vendor: 'anthropic', label: 'sim', admin_api_key: c.anthropicAdminKey },
    azure_openai: {
      vendor: 'azure_openai',
      label: 'sim',
      admin_api_key: c.azureClientSecret,
      settings: { tenant_id: c.azureTenantId, client_id: c.azureClientId, subscription_id: c.azureSubscriptionId, resource_group: AZURE_RESOURCE_GROUP, location: 'eastus', default_models: 'gpt-4o-mini' },
    },
    google_vertex: { vendor: 'google_vertex', label: 'sim', admin_api_key: sim.google.adminCredentialJson, settings: { project_id: sim.google.projectId } },
  };
}

/** Vendor simulator + API (jobs off: tests run passes themselves) + an org with one connection per vendor. */
export async function startVendorStack(env: Record<string, string> = {}): Promise<VendorStack> {
  const sim = await startVendorSimForTests();
  recordSimSecrets(sim);
  const t = await startTestApp({ env: { ...simulatorEnv(sim, `vendors-${Date.now()}`), JOBS_ENABLED: 'false', ...env } });
  const org = await createTestOrganization(t);
  const token = org.users.owner.token;
  const connections = {} as Record<MatrixVendor, string>;
  for (const [vendor, body] of Object.entries(connectionBodies(sim)) as Array<[MatrixVendor, Record<string, unknown>]>) {
    const res = await t.http.post<{ id: string }>('/api/v1/vendors/connections', body, { token });
    if (res.status !== 201) throw new Error(`${vendor} connection: ${res.status} ${res.text}`);
    connections[vendor] = res.body.id;
  }
  const jobs = t.app.get(JobsService);
  return {
    t,
    sim,
    org,
    token,
    connections,
    runJobs: () => jobs.runPass(),
    async close() {
      await t.close();
      await sim.stop();
    },
  };
}
