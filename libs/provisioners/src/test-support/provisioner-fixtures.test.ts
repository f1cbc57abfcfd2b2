import { randomUUID } from 'node:crypto';
import { VendorError, type KeyPolicy, type ProvisionIntent, type RetryPolicy, type StepRecorder, type VendorKeyRef } from '../contract';

/** Small and quick, so fault tests finish in well under a second per retry. */
export const FAST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, maxTotalMs: 10_000 };

export function intentFor(policy: Partial<KeyPolicy> = {}, developerName = 'Ada Lovelace'): ProvisionIntent {
  const intentId = randomUUID();
  return {
    intentId,
    keyId: `key_${intentId.replace(/-/g, '').slice(0, 20)}`,
    developer: { id: `dev_${intentId.slice(0, 6)}`, name: developerName, email: `ada.${intentId.slice(0, 6)}@example.com`, team: 'Platform' },
    policy: {
      budgetLimitUsd: 25,
      rateLimitRpm: 60,
      modelsAllowed: null,
      expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000),
      ...policy,
    },
  };
}

export interface RecordedSteps {
  record: StepRecorder;
  steps: Array<{ step: string; ref: Partial<VendorKeyRef> }>;
}

export function recordSteps(): RecordedSteps {
  const steps: RecordedSteps['steps'] = [];
  return {
    steps,
    record: (step, ref) => {
      steps.push({ step, ref: structuredClone(ref) });
      return Promise.resolve();
    },
  };
}

export async function vendorErrorOf(promise: Promise<unknown>): Promise<VendorError> {
  try {
    await promise;
  } catch (error: unknown) {
    if (error instanceof VendorError) return error;
    throw error;
  }
  throw new Error('expected a VendorError, but the call succeeded');
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
