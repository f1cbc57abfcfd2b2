import { randomBytes } from 'node:crypto';
import type { FaultRule, FaultRuleInput } from '@sim/common/fault-rule';
import { startVendorSim, type RunningVendorSim, type VendorSimOptions } from '@sim/start-vendor-sim';

/**
 * The vendor simulator in this process, with fresh random admin keys. Faults go straight to its
 * injector; vendor hooks (console keys, usage) through its control API.
 */
export interface SimHarness extends RunningVendorSim {
  addFault(rule: FaultRuleInput): FaultRule;
  firedCount(ruleId: string): number;
  clearFaults(): void;
  control<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function startSimHarness(options: VendorSimOptions = {}): Promise<SimHarness> {
  const sim = await startVendorSim({
    ...options,
    credentials: {
      openaiAdminKey: `sk-admin-test-${randomBytes(16).toString('hex')}`,
      anthropicAdminKey: `sk-ant-admin01-test-${randomBytes(16).toString('hex')}`,
      ...options.credentials,
    },
  });
  return {
    ...sim,
    addFault: (rule) => sim.ctx.faults.add(rule),
    firedCount: (ruleId) => sim.ctx.faults.list().find((rule) => rule.id === ruleId)?.fired ?? 0,
    clearFaults: () => sim.ctx.faults.clear(),
    control: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${sim.urls.control}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`vendor-sim control ${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
