import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where this test run keeps its logs and the secrets the canary must never find outside their one response. */
export function testRunDir(): string {
  const dir = process.env.KEYGATE_TEST_RUN_DIR;
  if (!dir) throw new Error('KEYGATE_TEST_RUN_DIR is not set: run tests through jest (globalSetup sets it)');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  return dir;
}

/** Registers a secret (password, admin credential, issued key) that must never appear in logs or the database. */
export function recordSecret(secret: string): void {
  if (secret.length < 8) throw new Error('recordSecret: too short to scan for reliably');
  appendFileSync(join(testRunDir(), 'secrets.jsonl'), `${JSON.stringify(secret)}\n`);
}

export function recordedSecrets(dir: string): string[] {
  const file = join(dir, 'secrets.jsonl');
  if (!existsSync(file)) return [];
  return [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as string))];
}
