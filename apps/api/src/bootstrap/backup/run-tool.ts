import { ConfigError } from '@api/config/env-parsers';
import { UsageError } from './backup-args';

/**
 * Runs backup or restore with their exit codes: 0 done, 1 failed (nothing half-done is left), 2 wrong usage.
 * Every message goes to stderr: stdout may be carrying the archive.
 */
export async function runTool(name: string, usage: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`keygate ${name}: ${error.message}\n${usage}\n`);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(error instanceof ConfigError ? `${message}\n` : `keygate ${name} failed: ${message}\n`);
      process.exitCode = 1;
    }
  }
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
