/** A parsed query string: bracketed or repeated names become arrays, everything else a string. */
export type VendorQuery = Record<string, string | string[]>;

const ARRAY_SUFFIX = /\[\d*\]$/;

/**
 * Accepts every array encoding the vendors' SDKs send: `a[]=x`, `a[0]=x`, `a=x&a=y`, with brackets
 * literal or percent-encoded (URLSearchParams decodes them before the suffix is looked at).
 */
export function parseVendorQuery(raw: string): VendorQuery {
  const query: VendorQuery = {};
  for (const [rawName, value] of new URLSearchParams(raw)) {
    const isBracketed = ARRAY_SUFFIX.test(rawName);
    const name = rawName.replace(ARRAY_SUFFIX, '');
    const existing = query[name];
    if (existing === undefined) query[name] = isBracketed ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[name] = [existing, value];
  }
  return query;
}

export function asVendorQuery(query: unknown): VendorQuery {
  return (query ?? {}) as VendorQuery;
}

/** The first value of a query parameter. */
export function queryValue(query: VendorQuery, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a query parameter, whatever encoding the client used. */
export function queryList(query: VendorQuery, name: string): string[] {
  const value = query[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function queryBoolean(query: VendorQuery, name: string): boolean | undefined {
  const value = queryValue(query, name);
  if (value === undefined) return undefined;
  return value === 'true' || value === '1';
}
