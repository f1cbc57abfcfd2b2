export const BUILT_IN_VENDORS = ['openai', 'anthropic', 'azure_openai', 'google_vertex'] as const;
export type BuiltInVendor = (typeof BUILT_IN_VENDORS)[number];

/** Custom vendor ids are lowercase snake case and must not shadow a built-in vendor. */
export const CUSTOM_VENDOR_ID_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export function isBuiltInVendor(vendor: string): vendor is BuiltInVendor {
  return (BUILT_IN_VENDORS as readonly string[]).includes(vendor);
}
