import type { FirstOwner } from './first-owner';

/** The one place a generated password is ever shown: the terminal of the person who ran `npm start`. */
export function printBanner(url: string, owner: FirstOwner | null, sandbox: boolean): void {
  const lines = ['', `  KeyGate is running: ${url}`, `  API docs: ${url}/docs   OpenAPI: ${url}/openapi.json`];
  if (owner) {
    lines.push(`  Sign in as ${owner.email}`);
    if (owner.generatedPassword) lines.push(`  with the generated password ${owner.generatedPassword}   (shown only this once; change it after signing in)`);
  } else {
    lines.push('  Sign in with your existing account.');
  }
  if (sandbox) lines.push('  Sandbox vendors: the built-in vendor simulator is connected as "sandbox" (no real vendor is called).');
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
