import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { repoRoot } from '@api/config/repo-root';

/** What the simulator process prints on its first line (apps/vendor-sim/src/main.ts). */
interface SimAnnouncement {
  urls: { openai: string; anthropic: string; azure?: string; control: string; googleIam?: string; googleCrm?: string; googleToken?: string; googleVertex?: string };
  credentials: Record<string, string>;
  azureCaPem?: string;
  google?: { projectId: string; adminCredentialJson: string };
}

export interface SandboxConnection {
  vendor: string;
  label: string;
  admin_api_key: string;
  settings: Record<string, string>;
}

export interface SandboxVendors {
  /** Vendor endpoint variables pointing KeyGate at the simulator. */
  env: Record<string, string>;
  connections: SandboxConnection[];
  stop(): Promise<void>;
}

/**
 * Starts the vendor simulator as a child process on loopback (ephemeral ports) and returns the endpoint
 * configuration and sandbox connections that make KeyGate use it instead of the real vendors.
 */
export async function startSandboxVendors(dataDir: string, logger: Logger): Promise<SandboxVendors> {
  const dir = join(dataDir, 'sandbox');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const child = spawn(process.execPath, [join(repoRoot(), 'dist/apps/vendor-sim/src/main.js')], {
    env: { ...process.env, SIM_OPENAI_PORT: '0', SIM_ANTHROPIC_PORT: '0', SIM_AZURE_PORT: '0', SIM_CONTROL_PORT: '0', SIM_GOOGLE_IAM_PORT: '0', SIM_GOOGLE_CRM_PORT: '0', SIM_GOOGLE_TOKEN_PORT: '0', SIM_GOOGLE_VERTEX_PORT: '0', SIM_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => logger.warn({ component: 'vendor-sim' }, chunk.toString().trim()));
  const announcement = await new Promise<SimAnnouncement>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(JSON.parse(line) as SimAnnouncement));
    child.once('exit', (code) => reject(new Error(`the vendor simulator exited (code ${code}) before it was ready`)));
  });
  const { urls, credentials: c } = announcement;
  const env: Record<string, string> = { OPENAI_BASE_URL: urls.openai, ANTHROPIC_BASE_URL: urls.anthropic };
  const connections: SandboxConnection[] = [
    { vendor: 'openai', label: 'sandbox', admin_api_key: c.openaiAdminKey, settings: {} },
    { vendor: 'anthropic', label: 'sandbox', admin_api_key: c.anthropicAdminKey, settings: {} },
  ];
  if (urls.azure && announcement.azureCaPem) {
    const caFile = join(dir, 'azure-ca.pem');
    writeFileSync(caFile, announcement.azureCaPem);
    Object.assign(env, { AZURE_AUTHORITY_HOST: urls.azure, AZURE_ARM_ENDPOINT: urls.azure, AZURE_CA_FILE: caFile });
    connections.push({
      vendor: 'azure_openai',
      label: 'sandbox',
      admin_api_key: c.azureClientSecret,
      settings: { tenant_id: c.azureTenantId, client_id: c.azureClientId, subscription_id: c.azureSubscriptionId, resource_group: 'keygate-sandbox', location: 'eastus' },
    });
  }
  if (urls.googleIam && urls.googleCrm && urls.googleToken && urls.googleVertex && announcement.google) {
    Object.assign(env, { GOOGLE_IAM_URL: urls.googleIam, GOOGLE_CRM_URL: urls.googleCrm, GOOGLE_TOKEN_URL: urls.googleToken, GOOGLE_VERTEX_URL: urls.googleVertex });
    connections.push({ vendor: 'google_vertex', label: 'sandbox', admin_api_key: announcement.google.adminCredentialJson, settings: { project_id: announcement.google.projectId } });
  }
  logger.info({ urls }, 'Sandbox vendor simulator started');
  return {
    env,
    connections,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
