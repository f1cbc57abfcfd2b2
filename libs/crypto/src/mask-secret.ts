const ELLIPSIS = '…';
const MAX_VISIBLE = 4;

/** Vendor prefixes that carry no entropy, most specific first. */
const KNOWN_PREFIXES: readonly string[] = [
  'sk-ant-admin01-',
  'sk-ant-api03-',
  'sk-ant-',
  'sk-admin-',
  'sk-svcacct-',
  'sk-proj-',
  'sk-None-',
  'sk-',
  'AIza',
  'kg_',
];

/**
 * A display hint for a credential that never reveals more than 4 characters of its secret part:
 * a known vendor prefix is kept, then `…` and the last 2-4 characters depending on length.
 * A GCP service-account JSON shows its client_email and the last 4 of private_key_id.
 */
export function maskSecret(secret: string): string {
  const value = secret.trim();
  if (value.startsWith('{')) {
    return maskServiceAccountJson(value);
  }
  const prefix = KNOWN_PREFIXES.find((candidate) => value.startsWith(candidate)) ?? '';
  const body = value.slice(prefix.length);
  return prefix + ELLIPSIS + lastChars(body);
}

function maskServiceAccountJson(value: string): string {
  const parsed = parseJsonObject(value);
  const email = parsed?.client_email;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    return ELLIPSIS;
  }
  const keyId = parsed?.private_key_id;
  return email + ELLIPSIS + (typeof keyId === 'string' ? lastChars(keyId) : '');
}

function lastChars(body: string): string {
  const chars = [...body];
  const visible = chars.length >= 20 ? MAX_VISIBLE : chars.length >= 12 ? 3 : chars.length >= 8 ? 2 : 0;
  return chars.slice(chars.length - visible).join('');
}

function parseJsonObject(value: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
