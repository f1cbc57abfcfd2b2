import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ENTRY, testRunDir } from '@keygate/testing';
import { repoRoot } from '@api/config/repo-root';

export interface CliResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

let runs = 0;

/**
 * Runs the built CLI (`node dist/apps/api/src/main.js <args>`) as operators do, with only the given environment.
 * Its stderr is kept in the run's log folder, where the secret canary scans it.
 */
export function runKeygateCli(
  args: string[],
  env: Record<string, string>,
  stdin?: Buffer,
): Promise<CliResult> {
  if (!existsSync(API_ENTRY))
    throw new Error(`${API_ENTRY} is missing: run \`npm run build:server\` first (npm run test:e2e builds)`);
  const child = spawn(process.execPath, [API_ENTRY, ...args], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(stdin ?? Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const text = Buffer.concat(stderr).toString('utf8');
      writeFileSync(
        join(testRunDir(), 'logs', `cli-${args[0] ?? 'none'}-${++runs}-${child.pid ?? 'x'}.log`),
        text,
      );
      resolve({ code, stdout: Buffer.concat(stdout), stderr: text });
    });
  });
}
