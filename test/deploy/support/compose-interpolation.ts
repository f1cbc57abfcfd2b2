/**
 * Variable interpolation as `docker compose` does it before validating a file: ${VAR}, ${VAR:-default},
 * ${VAR-default}, ${VAR:?error}, ${VAR?error}, $VAR and the $$ escape. A missing required variable
 * throws with the file's message, as compose refuses to start.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class MissingVariableError extends Error {}

const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function interpolateString(text: string, env: Env): string {
  return text.replace(pattern, (match: string, ...groups: unknown[]) => {
    if (match === '$$') return '$';
    const [braced, operator, argument = '', bare] = groups as [string | undefined, string | undefined, string | undefined, string | undefined];
    const name = braced ?? bare ?? '';
    const value = env[name];
    const unsetOrEmpty = value === undefined || value === '';
    switch (operator) {
      case ':-':
        return unsetOrEmpty ? interpolateString(argument, env) : value;
      case '-':
        return value === undefined ? interpolateString(argument, env) : value;
      case ':?':
        if (unsetOrEmpty) throw new MissingVariableError(`${name}: ${argument}`);
        return value;
      case '?':
        if (value === undefined) throw new MissingVariableError(`${name}: ${argument}`);
        return value;
      default:
        return value ?? '';
    }
  });
}

export function interpolate(node: unknown, env: Env): unknown {
  if (typeof node === 'string') return interpolateString(node, env);
  if (Array.isArray(node)) return node.map((item) => interpolate(item, env));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolate(value, env)]));
  }
  return node;
}
