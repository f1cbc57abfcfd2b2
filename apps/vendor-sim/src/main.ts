import { startVendorSim, type VendorSimCredentials, type VendorSimPorts } from '@sim/start-vendor-sim';

/** Fixed sandbox ports so `npm start` can point KeyGate at them; override with SIM_<VENDOR>_PORT. */
const DEFAULT_PORTS: Required<VendorSimPorts> = {
  openai: 8101,
  anthropic: 8102,
  azure: 8103,
  googleIam: 8104,
  googleCrm: 8105,
  googleToken: 8106,
  googleVertex: 8107,
  control: 8109,
};

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return port;
}

const CREDENTIAL_ENV: Record<keyof VendorSimCredentials, string> = {
  openaiAdminKey: 'SIM_OPENAI_ADMIN_KEY',
  anthropicAdminKey: 'SIM_ANTHROPIC_ADMIN_KEY',
  azureTenantId: 'SIM_AZURE_TENANT_ID',
  azureClientId: 'SIM_AZURE_CLIENT_ID',
  azureClientSecret: 'SIM_AZURE_CLIENT_SECRET',
  azureSubscriptionId: 'SIM_AZURE_SUBSCRIPTION_ID',
};

function credentialsFromEnv(): Partial<VendorSimCredentials> {
  const credentials: Partial<VendorSimCredentials> = {};
  for (const [name, variable] of Object.entries(CREDENTIAL_ENV) as Array<
    [keyof VendorSimCredentials, string]
  >) {
    const value = process.env[variable];
    if (value !== undefined && value !== '') credentials[name] = value;
  }
  return credentials;
}

async function main(): Promise<void> {
  const sim = await startVendorSim({
    ports: {
      openai: portFromEnv('SIM_OPENAI_PORT', DEFAULT_PORTS.openai),
      anthropic: portFromEnv('SIM_ANTHROPIC_PORT', DEFAULT_PORTS.anthropic),
      azure: portFromEnv('SIM_AZURE_PORT', DEFAULT_PORTS.azure),
      googleIam: portFromEnv('SIM_GOOGLE_IAM_PORT', DEFAULT_PORTS.googleIam),
      googleCrm: portFromEnv('SIM_GOOGLE_CRM_PORT', DEFAULT_PORTS.googleCrm),
      googleToken: portFromEnv('SIM_GOOGLE_TOKEN_PORT', DEFAULT_PORTS.googleToken),
      googleVertex: portFromEnv('SIM_GOOGLE_VERTEX_PORT', DEFAULT_PORTS.googleVertex),
      control: portFromEnv('SIM_CONTROL_PORT', DEFAULT_PORTS.control),
    },
    credentials: credentialsFromEnv(),
    dataDir: process.env.SIM_DATA_DIR || undefined,
    google: {
      projectId: process.env.SIM_GOOGLE_PROJECT_ID || undefined,
      orgPolicyForbidsKeys: process.env.SIM_GOOGLE_ORG_POLICY_FORBIDS_KEYS === 'true',
    },
  });
  const { urls, credentials, azureCaPem, google } = sim;
  process.stdout.write(`${JSON.stringify({ urls, credentials, azureCaPem, google })}\n`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    sim.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`vendor-sim: failed to stop after ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `vendor-sim: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
