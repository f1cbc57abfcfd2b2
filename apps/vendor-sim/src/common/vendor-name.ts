export const VENDOR_NAMES = ['openai', 'anthropic', 'azure', 'google'] as const;

export type VendorName = (typeof VENDOR_NAMES)[number];

export function isVendorName(value: unknown): value is VendorName {
  return typeof value === 'string' && (VENDOR_NAMES as readonly string[]).includes(value);
}
