import type { VendorConnection } from '@/api/api-types';

/** The human part of a stored check's detail, if the vendor said anything useful. */
export function lastCheckMessage(check: VendorConnection['last_check']): string | undefined {
  const detail = check.detail ?? {};
  for (const field of ['message', 'reason', 'error']) {
    const value = detail[field];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}
