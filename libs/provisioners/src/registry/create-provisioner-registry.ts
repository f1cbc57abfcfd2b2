import { AnthropicProvisioner } from '../anthropic/anthropic-provisioner';
import { AzureOpenAIProvisioner } from '../azure-openai/azure-openai-provisioner';
import {
  BUILT_IN_VENDORS,
  CUSTOM_VENDOR_ID_PATTERN,
  isBuiltInVendor,
  type BaseVendorProvisioner,
  type BuiltInVendor,
  type VendorEndpoints,
} from '../contract';
import { GoogleVertexProvisioner } from '../google-vertex/google-vertex-provisioner';
import { OpenAIProvisioner } from '../openai/openai-provisioner';

type BuiltInFactories = { [K in BuiltInVendor]: (endpoints: VendorEndpoints) => BaseVendorProvisioner };

/** Adding a vendor to BUILT_IN_VENDORS without a factory here is a compile error. */
const BUILT_IN_FACTORIES: BuiltInFactories = {
  openai: (endpoints) => new OpenAIProvisioner(endpoints),
  anthropic: (endpoints) => new AnthropicProvisioner(endpoints),
  azure_openai: (endpoints) => new AzureOpenAIProvisioner(endpoints),
  google_vertex: (endpoints) => new GoogleVertexProvisioner(endpoints),
};

export type ProvisionerRegistry = Record<BuiltInVendor, BaseVendorProvisioner> & Readonly<Record<string, BaseVendorProvisioner>>;

/**
 * Every built-in vendor, plus custom vendors passed as instances (lowercase snake-case ids that do not
 * shadow a built-in one). Endpoints are server configuration, shared by all provisioners.
 */
export function createProvisionerRegistry(endpoints: VendorEndpoints, custom: readonly BaseVendorProvisioner[] = []): ProvisionerRegistry {
  const registry: Record<string, BaseVendorProvisioner> = {};
  for (const vendor of BUILT_IN_VENDORS) registry[vendor] = BUILT_IN_FACTORIES[vendor](endpoints);
  for (const provisioner of custom) {
    const id = provisioner.vendor;
    if (isBuiltInVendor(id)) throw new Error(`custom vendor "${id}" would replace the built-in ${id} provisioner`);
    if (!CUSTOM_VENDOR_ID_PATTERN.test(id)) throw new Error(`custom vendor id "${id}" must be lowercase snake case (e.g. "acme_llm")`);
    if (registry[id]) throw new Error(`custom vendor "${id}" is registered twice`);
    registry[id] = provisioner;
  }
  return Object.freeze(registry) as ProvisionerRegistry;
}

/** The provisioner for a vendor id, or undefined for a vendor nobody registered. */
export function provisionerFor(registry: ProvisionerRegistry, vendor: string): BaseVendorProvisioner | undefined {
  return Object.hasOwn(registry, vendor) ? registry[vendor] : undefined;
}
