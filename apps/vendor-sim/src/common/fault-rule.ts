import type { VendorName } from '@sim/common/vendor-name';

export type FaultAction =
  | { type: 'latency'; ms: number }
  | {
      type: 'status';
      status: number;
      retryAfterSeconds?: number;
      message?: string;
      /** Extra response headers, e.g. `{'x-should-retry': 'false'}` to stop the OpenAI/Anthropic SDKs retrying. */
      headers?: Record<string, string>;
    }
  | { type: 'drop_before' }
  | { type: 'drop_after' }
  | { type: 'pause' };

export type FaultActionType = FaultAction['type'];

const FAULT_ACTION_TYPES: readonly FaultActionType[] = [
  'latency',
  'status',
  'drop_before',
  'drop_after',
  'pause',
];

export interface FaultRuleInput {
  vendor: VendorName | '*';
  /** HTTP method, case-insensitive; any when absent. */
  method?: string;
  /** Regular expression source tested against the request path (no query string). */
  path?: string;
  /** Matching calls to let through before the rule starts firing. */
  skip?: number;
  /** How many times the rule fires; 0 = forever. Default 1. */
  times?: number;
  action: FaultAction;
}

export interface FaultRule extends Required<Omit<FaultRuleInput, 'method' | 'path'>> {
  id: string;
  method: string | null;
  path: string | null;
  /** Calls that matched vendor/method/path so far (including skipped ones). */
  matched: number;
  fired: number;
}

export interface FaultCall {
  vendor: VendorName;
  method: string;
  path: string;
}

const STATUS_MIN = 400;
const STATUS_MAX = 599;

/** Validates an untrusted rule body; returns an error message or null. */
export function validateFaultRuleInput(input: FaultRuleInput): string | null {
  if (input.method !== undefined && !/^[A-Za-z]+$/.test(input.method)) return 'method must be an HTTP method';
  if (input.path !== undefined) {
    try {
      new RegExp(input.path);
    } catch {
      return 'path must be a valid regular expression';
    }
  }
  if (input.skip !== undefined && !(Number.isInteger(input.skip) && input.skip >= 0)) {
    return 'skip must be a non-negative integer';
  }
  if (input.times !== undefined && !(Number.isInteger(input.times) && input.times >= 0)) {
    return 'times must be a non-negative integer';
  }
  const action = input.action;
  if (!FAULT_ACTION_TYPES.includes(action.type))
    return `action.type must be one of ${FAULT_ACTION_TYPES.join(', ')}`;
  switch (action.type) {
    case 'latency':
      return Number.isInteger(action.ms) && action.ms >= 0
        ? null
        : 'latency.ms must be a non-negative integer';
    case 'status':
      if (!(Number.isInteger(action.status) && action.status >= STATUS_MIN && action.status <= STATUS_MAX)) {
        return 'status.status must be an HTTP error status (400-599)';
      }
      if (
        action.retryAfterSeconds !== undefined &&
        !(Number.isInteger(action.retryAfterSeconds) && action.retryAfterSeconds >= 0)
      ) {
        return 'status.retryAfterSeconds must be a non-negative integer';
      }
      if (
        action.headers !== undefined &&
        (typeof action.headers !== 'object' ||
          !Object.values(action.headers).every((value) => typeof value === 'string'))
      ) {
        return 'status.headers must map header names to strings';
      }
      return null;
    case 'drop_before':
    case 'drop_after':
    case 'pause':
      return null;
  }
}

export function ruleMatches(rule: FaultRule, call: FaultCall): boolean {
  if (rule.vendor !== '*' && rule.vendor !== call.vendor) return false;
  if (rule.method !== null && rule.method !== call.method.toUpperCase()) return false;
  if (rule.path !== null && !new RegExp(rule.path).test(call.path)) return false;
  return true;
}
