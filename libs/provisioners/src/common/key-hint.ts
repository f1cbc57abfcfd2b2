/** `prefix…last4`: enough to recognise a key, never more than four characters of its entropy. */
export function keyHint(secret: string, knownPrefix: string): string {
  const prefix = secret.startsWith(knownPrefix) ? knownPrefix : '';
  return `${prefix}…${secret.slice(-4)}`;
}
