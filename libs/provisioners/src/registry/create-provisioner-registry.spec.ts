import {
  BaseVendorProvisioner,
  BUILT_IN_VENDORS,
  type ConnectionCheck,
  type ManagedScope,
  type PolicyReadback,
  type ProvisionResult,
  type VendorCapabilities,
  type VendorKeyRef,
} from '../contract';
import { createProvisionerRegistry, provisionerFor } from './create-provisioner-registry';

class NamedProvisioner extends BaseVendorProvisioner {
  readonly capabilities: VendorCapabilities = {
    fields: {
      budget_limit_usd: { enforcement: 'none', note: 'n' },
      rate_limit_rpm: { enforcement: 'none', note: 'n' },
      models_allowed: { enforcement: 'none', note: 'n' },
      expires_in_days: { enforcement: 'none', note: 'n' },
    },
    keyDelivery: 'immediate',
    rotation: 'reprovision',
  };
  constructor(readonly vendor: string) {
    super();
  }
  checkConnection(): Promise<ConnectionCheck> {
    return Promise.reject(new Error('not called'));
  }
  provision(): Promise<ProvisionResult> {
    return Promise.reject(new Error('not called'));
  }
  revoke(): Promise<void> {
    return Promise.reject(new Error('not called'));
  }
  findByIntent(): Promise<VendorKeyRef[]> {
    return Promise.reject(new Error('not called'));
  }
  async *listManaged(): AsyncIterable<ManagedScope> {}
  readPolicy(): Promise<PolicyReadback> {
    return Promise.reject(new Error('not called'));
  }
}

const endpoints = { openai: { baseUrl: 'http://127.0.0.1:1/v1' } };

describe('createProvisionerRegistry', () => {
  it('has a provisioner for every built-in vendor, registered under its own id', () => {
    const registry = createProvisionerRegistry(endpoints);
    for (const vendor of BUILT_IN_VENDORS) expect(registry[vendor].vendor).toBe(vendor);
  });

  it('declares an honest sentence for every policy field of every built-in vendor', () => {
    const registry = createProvisionerRegistry(endpoints);
    for (const vendor of BUILT_IN_VENDORS) {
      for (const field of Object.values(registry[vendor].capabilities.fields)) {
        expect(field.note.length).toBeGreaterThan(20);
        expect(['vendor', 'keygate', 'none']).toContain(field.enforcement);
      }
    }
  });

  it('adds custom vendors passed as instances', () => {
    const acme = new NamedProvisioner('acme_llm');
    const registry = createProvisionerRegistry(endpoints, [acme]);
    expect(provisionerFor(registry, 'acme_llm')).toBe(acme);
  });

  it('refuses a custom vendor that would replace a built-in one', () => {
    expect(() => createProvisionerRegistry(endpoints, [new NamedProvisioner('openai')])).toThrow(/built-in/);
  });

  it.each(['Acme', 'acme-llm', '9acme', 'acme__llm', ''])('refuses the custom vendor id %p', (id) => {
    expect(() => createProvisionerRegistry(endpoints, [new NamedProvisioner(id)])).toThrow(/snake case/);
  });

  it('refuses the same custom vendor twice', () => {
    expect(() => createProvisionerRegistry(endpoints, [new NamedProvisioner('acme'), new NamedProvisioner('acme')])).toThrow(/twice/);
  });

  it('answers undefined for a vendor nobody registered, including inherited property names', () => {
    const registry = createProvisionerRegistry(endpoints);
    expect(provisionerFor(registry, 'mistral')).toBeUndefined();
    expect(provisionerFor(registry, 'toString')).toBeUndefined();
  });
});
