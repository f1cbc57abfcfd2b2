import type { BenchResult } from './support/bench-result';

export function benchBulkOnboarding(): Promise<BenchResult> {
  return Promise.reject(new Error('not written yet'));
}
