import type { BaseVendorProvisioner, ProvisionerRegistry, VendorCapabilities } from '@keygate/provisioners';
import { provisionerFor } from '@keygate/provisioners';

/** The provisioners this server runs (built-in plus custom), behind one injectable class. */
export class Provisioners {
  constructor(private readonly registry: ProvisionerRegistry) {}

  find(vendor: string): BaseVendorProvisioner | undefined {
    return provisionerFor(this.registry, vendor);
  }

  get(vendor: string): BaseVendorProvisioner {
    const provisioner = this.find(vendor);
    if (!provisioner) throw new Error(`no provisioner registered for vendor "${vendor}"`);
    return provisioner;
  }

  capabilities(): Array<{ vendor: string; capabilities: VendorCapabilities }> {
    return Object.values(this.registry).map((p) => ({ vendor: p.vendor, capabilities: p.capabilities }));
  }
}
