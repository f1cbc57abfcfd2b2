export * from './contract';
export { SecretScrubber } from './common/secret-scrubber';
export { callVendor, ignoreNotFound, systemClock, type RetryClock, type VendorCallContext } from './common/vendor-call';
export { runtimeFrom, callContextFor, type ProvisionerRuntime } from './common/provisioner-runtime';
export { parseRetryAfter, headerReaderOf, type VendorFailure, type HeaderReader } from './common/vendor-failure';
export { keyHint } from './common/key-hint';
export {
  MANAGED_PREFIX,
  NAMING_RULES,
  managedScopeName,
  intentPrefix,
  isManagedName,
  parseIntentPrefix,
  belongsToIntent,
  type NamingRules,
} from './common/scope-naming';
export { createProvisionerRegistry, provisionerFor, type ProvisionerRegistry } from './registry/create-provisioner-registry';
export { OpenAIProvisioner } from './openai/openai-provisioner';
export { AnthropicProvisioner, type WorkspaceUsage } from './anthropic/anthropic-provisioner';
export { anthropicSettingsProblem, WORKSPACE_SCOPES, type SettingProblem, type WorkspaceScope } from './anthropic/anthropic-team-workspace';
export { GoogleVertexProvisioner } from './google-vertex/google-vertex-provisioner';
export { AzureOpenAIProvisioner, AZURE_OPENAI_API_VERSION } from './azure-openai/azure-openai-provisioner';
export { capacityForRpm, RPM_PER_CAPACITY_UNIT } from './azure-openai/azure-capabilities';
export { AcmeLlmProvisioner } from './examples/acme-llm-provisioner';
