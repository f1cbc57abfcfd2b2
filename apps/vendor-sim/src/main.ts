import { startVendorSim, type VendorSimPorts } from '@sim/start-vendor-sim';

/** Fixed sandbox ports so `npm start` can point KeyGate at them; override with SIM_<VENDOR>_PORT. */
const DEFAULT_PORTS: Required<VendorSimPorts> = { openai: 8101, anthropic: 8102, control: 8109 };

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const sim = await startVendorSim({
    ports: {
      openai: portFromEnv('SIM_OPENAI_PORT', DEFAULT_PORTS.openai),
      anthropic: portFromEnv('SIM_ANTHROPIC_PORT', DEFAULT_PORTS.anthropic),
      control: portFromEnv('SIM_CONTROL_PORT', DEFAULT_PORTS.control),
    },
    credentials: {
      ...(process.env.SIM_OPENAI_ADMIN_KEY ? { openaiAdminKey: process.env.SIM_OPENAI_ADMIN_KEY } : {}),
      ...(process.env.SIM_ANTHROPIC_ADMIN_KEY
        ? { anthropicAdminKey: process.env.SIM_ANTHROPIC_ADMIN_KEY }
        : {}),
    },
  });
  process.stdout.write(`${JSON.stringify({ urls: sim.urls, credentials: sim.credentials })}\n`);

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
