import type { FastifyInstance } from 'fastify';
import type { VendorName } from '@sim/common/vendor-name';

/** Registers vendor-specific control routes; mounted by the control server under `/vendors/<vendor>`. */
export type ControlPlugin = (app: FastifyInstance) => void;

/** Lets each vendor module add control routes and take part in "reset everything". */
export class SimControlRegistry {
  private readonly plugins = new Map<VendorName, ControlPlugin[]>();
  private readonly resetters: Array<() => void> = [];

  register(vendor: VendorName, plugin: ControlPlugin): void {
    const list = this.plugins.get(vendor) ?? [];
    list.push(plugin);
    this.plugins.set(vendor, list);
  }

  onReset(resetter: () => void): void {
    this.resetters.push(resetter);
  }

  resetVendors(): void {
    for (const resetter of this.resetters) resetter();
  }

  entries(): Array<[VendorName, ControlPlugin[]]> {
    return [...this.plugins.entries()];
  }
}
