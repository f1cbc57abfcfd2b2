import {
  BaseVendorProvisioner,
  type ConnectionCheck,
  type ManagedScope,
  type PolicyReadback,
  type ProvisionResult,
  type VendorCapabilities,
  type VendorKeyRef,
} from '@keygate/provisioners';
import { VendorCatalog } from '@api/modules/vendors/vendor-catalog';
import { buildProvisioners } from './provisioner-registry';

class AcmeProvisioner extends BaseVendorProvisioner {
  constructor(readonly vendor: string) {
    super();
  }
  readonly capabilities: VendorCapabilities = {
    fields: {
      budget_limit_usd: { enforcement: 'none', note: 'Acme has no budgets.' },
      rate_limit_rpm: { enforcement: 'vendor', note: 'Acme enforces a per-key RPM.' },
      models_allowed: { enforcement: 'none', note: 'Acme has one model.' },
      expires_in_days: { enforcement: 'keygate', note: 'KeyGate revokes the key when it expires.' },
    },
    keyDelivery: 'immediate',
    rotation: 'reprovision',
  };
  checkConnection(): Promise<ConnectionCheck> {
    return Promise.resolve({ ok: true, missingPermissions: [], detail: 'ok' });
  }
  provision(): Promise<ProvisionResult> {
    return Promise.reject(new Error('not used here'));
  }
  revoke(): Promise<void> {
    return Promise.resolve();
  }
  findByIntent(): Promise<VendorKeyRef[]> {
    return Promise.resolve([]);
  }
  async *listManaged(): AsyncIterable<ManagedScope> {
    // Acme has nothing managed in this test.
  }
  readPolicy(): Promise<PolicyReadback> {
    return Promise.resolve({});
  }
}

describe('buildProvisioners', () => {
  it('registers a custom vendor next to the built-in ones and makes the API accept its id', () => {
    const catalog = new VendorCatalog();
    const acme = new AcmeProvisioner('acme_llm');
    const provisioners = buildProvisioners({}, catalog, [acme]);
    expect(provisioners.find('acme_llm')).toBe(acme);
    expect(provisioners.find('openai')?.vendor).toBe('openai');
    expect(catalog.all()).toEqual(['openai', 'anthropic', 'azure_openai', 'google_vertex', 'acme_llm']);
    expect(() => catalog.assertKnown('acme_llm')).not.toThrow();
    expect(provisioners.capabilities().map((c) => c.vendor)).toContain('acme_llm');
  });

  it('refuses a custom vendor that would replace a built-in one', () => {
    expect(() => buildProvisioners({}, new VendorCatalog(), [new AcmeProvisioner('openai')])).toThrow(/built-in/);
  });

  it('knows no provisioner for a vendor nobody registered', () => {
    expect(buildProvisioners({}, new VendorCatalog(), []).find('mistral')).toBeUndefined();
  });
});
