import { randomBytes } from 'node:crypto';
import { VendorSimControlClient, type VendorSimCredentials, type VendorSimUrls } from '@keygate/testing';
import { SIM_MAIN, type BenchContext } from './bench-context';
import { spawnNode } from './node-process';

export interface VendorSimProcess {
  urls: VendorSimUrls;
  credentials: VendorSimCredentials;
  control: VendorSimControlClient;
  stop(): Promise<void>;
}

const PORT_VARIABLES = ['SIM_OPENAI_PORT', 'SIM_ANTHROPIC_PORT', 'SIM_AZURE_PORT', 'SIM_GOOGLE_IAM_PORT', 'SIM_GOOGLE_CRM_PORT', 'SIM_GOOGLE_TOKEN_PORT', 'SIM_GOOGLE_VERTEX_PORT', 'SIM_CONTROL_PORT'];

/** The vendor simulator in its own process (`npm run sim`'s entry), every port ephemeral, a fresh admin key. */
export async function startVendorSimProcess(ctx: BenchContext, name: string): Promise<VendorSimProcess> {
  const env = Object.fromEntries(PORT_VARIABLES.map((variable) => [variable, '0']));
  const sim = spawnNode(SIM_MAIN, [], { ...env, SIM_OPENAI_ADMIN_KEY: `sk-admin-bench-${randomBytes(16).toString('hex')}` }, ctx.log(`sim-${name}`));
  try {
    const [line] = await sim.waitForLine(/^\{"urls".*$/m, 30_000);
    const started = JSON.parse(line) as { urls: VendorSimUrls; credentials: VendorSimCredentials };
    return { ...started, control: new VendorSimControlClient(started.urls.control), stop: () => sim.stop() };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
