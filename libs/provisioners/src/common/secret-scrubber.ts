const REDACTED = '[redacted]';
const MIN_KNOWN_SECRET_LENGTH = 6;

const SECRET_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?-----END [A-Z0-9 ]+-----/g,
  /-----BEGIN [A-Z0-9 ]+-----[\s\S]*/g, // a PEM block cut off mid-way
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
  /("(?:private_key|client_secret|access_token|refresh_token|privateKeyData|api[-_]?key|key[12]|value)"\s*:\s*")(?:[^"\\]|\\.)*"/gi,
  /\b(api-key|x-api-key|authorization)(\s*[:=]\s*)[^\s,;"']+/gi,
];

/**
 * Removes every secret KeyGate knows of (the admin credential, issued keys) and anything that looks
 * like one (PEM blocks, bearer tokens, sk-… keys, secret-named JSON fields) from text that is about
 * to leave the library in an error message.
 */
export class SecretScrubber {
  private readonly known = new Set<string>();

  constructor(secrets: Iterable<string | null | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | null | undefined): this {
    if (!secret || secret.length < MIN_KNOWN_SECRET_LENGTH) return this;
    this.known.add(secret);
    this.known.add(JSON.stringify(secret).slice(1, -1));
    this.known.add(Buffer.from(secret, 'utf8').toString('base64'));
    for (const nested of secretsInsideJson(secret)) this.add(nested);
    return this;
  }

  scrub(text: string): string {
    let out = text;
    const longestFirst = [...this.known].sort((a, b) => b.length - a.length);
    for (const secret of longestFirst) out = out.split(secret).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) {
      out = out.replace(pattern, (match, prefix: unknown, separator: unknown) => {
        if (typeof prefix === 'string' && typeof separator === 'string') return `${prefix}${separator}${REDACTED}`;
        if (typeof prefix === 'string' && prefix.startsWith('"')) return `${prefix}${REDACTED}"`;
        return match.startsWith('Bearer') || match.startsWith('bearer') ? `Bearer ${REDACTED}` : REDACTED;
      });
    }
    return out;
  }
}

/** A GCP service-account JSON holds a private key: scrub it on its own too, in case only it is echoed. */
function secretsInsideJson(secret: string): string[] {
  if (!secret.trimStart().startsWith('{')) return [];
  try {
    const parsed: unknown = JSON.parse(secret);
    if (typeof parsed !== 'object' || parsed === null) return [];
    const fields = parsed as Record<string, unknown>;
    return ['private_key', 'client_secret', 'private_key_id']
      .map((name) => fields[name])
      .filter((value): value is string => typeof value === 'string');
  } catch {
    return [];
  }
}
