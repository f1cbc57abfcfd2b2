import { randomBytes } from 'node:crypto';
import { type RunningVendorSim, startVendorSim, type VendorSimOptions } from '@sim/start-vendor-sim';
import { VendorSimControlClient } from './vendor-sim-control-client';

export interface TestVendorSim extends RunningVendorSim {
  control: VendorSimControlClient;
}

/** Starts the simulator on ephemeral loopback ports with fresh random admin keys; call `stop()` in afterAll. */
export async function startVendorSimForTests(options: VendorSimOptions = {}): Promise<TestVendorSim> {
  const sim = await startVendorSim({
    ...options,
    credentials: {
      openaiAdminKey: `sk-admin-test-${randomBytes(16).toString('hex')}`,
      anthropicAdminKey: `sk-ant-admin01-test-${randomBytes(16).toString('hex')}`,
      ...options.credentials,
    },
  });
  return { ...sim, control: new VendorSimControlClient(sim.urls.control) };
}
