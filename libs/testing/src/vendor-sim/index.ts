export { startVendorSimForTests, type TestVendorSim } from './start-vendor-sim-for-tests';
export {
  type AnthropicSimSettings,
  type AnthropicUsageInput,
  type ConsoleKey,
  type ConsoleKeyInput,
  type OpenAiUsageInput,
  type SimUser,
  VendorSimControlClient,
  VendorSimControlError,
} from './vendor-sim-control-client';
export type {
  RunningVendorSim,
  VendorSimOptions,
  VendorSimUrls,
  VendorSimCredentials,
} from '@sim/start-vendor-sim';
export type { FaultAction, FaultRule, FaultRuleInput } from '@sim/common/fault-rule';
export type { JournalEntry } from '@sim/common/journal';
export type { PausedCall } from '@sim/common/fault-injector';
