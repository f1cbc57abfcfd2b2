export * from './contract';
export { SecretScrubber } from './common/secret-scrubber';
export { callVendor, ignoreNotFound, systemClock, type RetryClock, type VendorCallContext } from './common/vendor-call';
export { runtimeFrom, callContextFor, type ProvisionerRuntime } from './common/provisioner-runtime';
export type { VendorFailure } from './common/vendor-failure';
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
