import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '@api/config/repo-root';
import { testRunDir } from '../canary/secret-registry';

export interface KeygateProcess {
  child: ChildProcess;
  /** Everything printed that is not a JSON log line (the start-up banner). */
  readonly terminal: string[];
  waitForTerminal(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the first JSON log entry the predicate accepts (for example the "listening" line with the port). */
  waitForLog(accept: (entry: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a signal and waits for the process to exit; resolves to its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const API_ENTRY = join(repoRoot(), 'dist/apps/api/src/main.js');

/**
 * Runs the built API (`node dist/apps/api/src/main.js <command>`) as a separate process, the way operators do.
 * JSON log lines go to the run's log folder (scanned by the secret canary); other output is kept as terminal text.
 */
export function spawnKeygate(command: 'start' | 'serve' | 'migrate', env: Record<string, string>, name: string = command): KeygateProcess {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run \`npm run build\` first (npm run test:e2e does)`);
  const child = spawn(process.execPath, [API_ENTRY, command], { cwd: repoRoot(), env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: WriteStream = createWriteStream(join(testRunDir(), 'logs', `${name}-${child.pid ?? 'x'}.log`));
  const terminal: string[] = [];
  const entries: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  const onLine = (line: string) => {
    if (line.startsWith('{')) {
      log.write(`${line}\n`);
      entries.push(JSON.parse(line) as Record<string, unknown>);
    } else terminal.push(line);
    waiters.splice(0).forEach((wake) => wake());
  };
  const waitFor = <T>(find: () => T | null | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; terminal so far:\n${terminal.join('\n')}`)), timeoutMs);
      const check = () => {
        const found = find();
        if (found) {
          clearTimeout(timer);
          return resolve(found);
        }
        if (child.exitCode !== null) {
          clearTimeout(timer);
          return reject(new Error(`process exited (${child.exitCode}) before ${what}:\n${terminal.join('\n')}`));
        }
        waiters.push(check);
      };
      check();
    });
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    log.end();
    resolve(code);
  }));
  return {
    child,
    terminal,
    waitForTerminal: (pattern, timeoutMs = 60_000) => waitFor(() => terminal.join('\n').match(pattern), String(pattern), timeoutMs),
    waitForLog: (accept, timeoutMs = 60_000) => waitFor(() => entries.find(accept), 'a matching log entry', timeoutMs),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
