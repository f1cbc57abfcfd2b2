import { createTestOrganization, startTestApp, type TestApp, type TestOrganization } from '@keygate/testing';
import { randomBytes } from 'node:crypto';
import { startVendorSim, type RunningVendorSim } from '@sim/start-vendor-sim';
import { ensureDashboardBuilt } from './dashboard-build';

export interface KeygateStack {
  sim: RunningVendorSim;
  app: TestApp;
  org: TestOrganization;
  close(): Promise<void>;
}

/** The real thing on loopback: vendor simulator, the API on its own database, and the built dashboard at `/`. */
export async function startKeygateStack(): Promise<KeygateStack> {
  ensureDashboardBuilt();
  const sim = await startVendorSim({
    credentials: {
      openaiAdminKey: `sk-admin-browser-${randomBytes(16).toString('hex')}`,
      anthropicAdminKey: `sk-ant-admin01-browser-${randomBytes(16).toString('hex')}`,
    },
  });
  const app = await startTestApp({
    env: { OPENAI_BASE_URL: sim.urls.openai, ANTHROPIC_BASE_URL: sim.urls.anthropic },
  });
  const org = await createTestOrganization(app, 'Acme Robotics');
  return {
    sim,
    app,
    org,
    async close() {
      await app.close();
      await sim.stop();
    },
  };
}
