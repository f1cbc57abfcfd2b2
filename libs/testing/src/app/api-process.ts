import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '@api/config/repo-root';
import { testRunDir } from '../canary/secret-registry';

const BUILD_DIR = '.keygate-chaos/dist';
const SOURCES = ['apps/api/src', 'libs/crypto/src', 'libs/provisioners/src'];

/**
 * Builds the API server with swc into a private folder (like `npm run build:server`, without touching the
 * shared dist/ other runs may be using) and returns the path of its main.js. Suites that may run at the same
 * time as another chaos suite pass their own `buildDir`, so one build never deletes the other's.
 */
export function buildApiServer(buildDir = BUILD_DIR): string {
  const root = repoRoot();
  const out = resolve(root, buildDir);
  rmSync(out, { recursive: true, force: true });
  const swc = join(root, 'node_modules/.bin/swc');
  const result = spawnSync(swc, [...SOURCES, '-d', out, '--quiet'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`swc build failed: ${result.stderr || result.stdout}`);
  const main = join(out, 'apps/api/src/main.js');
  if (!existsSync(main)) throw new Error(`swc build did not produce ${main}`);
  return main;
}

export interface ApiProcess {
  url: string;
  pid: number;
  /** SIGKILL: no shutdown hooks, no flushing; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  main: string;
  env: Record<string, string>;
  name: string;
  startTimeoutMs?: number;
}

/** The API as a real child process (`main.js serve` on an ephemeral loopback port), logging to the run folder. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const node = join(repoRoot(), 'node_modules/.bin/node');
  const child = spawn(node, [options.main, 'serve'], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(testRunDir(), 'logs', `${options.name}.log`), { flags: 'a' });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line.slice(0, 500));
    if (tail.length > 15) tail.shift();
  };
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    log.write(`${line}\n`);
    keep(line);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process ${options.name} did not start within ${options.startTimeoutMs ?? 30_000} ms`)), options.startTimeoutMs ?? 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API process ${options.name} exited with ${code} before listening:\n${tail.join('\n')}`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      log.write(`${line}\n`);
      keep(line);
      const match = /"msg":"KeyGate is listening"/.test(line) ? /"port":(\d+)/.exec(line) : null;
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
