import type { BaseVendorProvisioner, ProvisionerRegistry, VendorCapabilities, VendorEndpoints } from '@keygate/provisioners';
import { createProvisionerRegistry, provisionerFor } from '@keygate/provisioners';
import type { VendorCatalog } from '@api/modules/vendors/vendor-catalog';

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

/** Built-in provisioners plus custom ones; every custom vendor id becomes a vendor the API accepts. */
export function buildProvisioners(endpoints: VendorEndpoints, catalog: VendorCatalog, custom: readonly BaseVendorProvisioner[]): Provisioners {
  const provisioners = new Provisioners(createProvisionerRegistry(endpoints, custom));
  for (const provisioner of custom) catalog.registerCustom(provisioner.vendor);
  return provisioners;
}
