import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface NodeProcess {
  child: ChildProcess;
  logFile: string;
  /** Polls the log file until a line matches; the child writes straight to the file, so the runner never parses its output. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/**
 * Runs a compiled script with Node 24 (the runner's own binary), stdout and stderr going straight into
 * `logFile`: under load the benchmark process must not spend CPU on the server's log lines.
 */
export function spawnNode(script: string, args: string[], env: Record<string, string>, logFile: string): NodeProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...(process.env.BENCH_CHILD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_CHILD_NODE_OPTIONS } : {}), ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    logFile,
    async waitForLine(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = readFileSync(logFile, 'utf8').match(pattern);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}); see ${logFile}`);
        await sleep(100);
      }
      throw new Error(`${script} did not print ${pattern} within ${timeoutMs} ms; see ${logFile}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
