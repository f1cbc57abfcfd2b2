import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DASHBOARD = join(ROOT, 'apps', 'dashboard');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const INDEX = join(DASHBOARD, 'dist', 'index.html');
const LOCK = join(DASHBOARD, '.browser-test-build.lock');

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const sources = Math.max(
    newestSourceChange(join(DASHBOARD, 'src')),
    statSync(join(DASHBOARD, 'index.html')).mtimeMs,
  );
  return existsSync(INDEX) && statSync(INDEX).mtimeMs >= sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The API serves apps/dashboard/dist; build it when it is missing or older than the sources. A lock
 * directory (mkdir is atomic) keeps parallel Jest workers from building into the same folder at once.
 */
export function ensureDashboardBuilt(): void {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed run is older than any real build.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 3 * 60_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited 5 minutes for another dashboard build (${LOCK})`);
      sleep(500);
    }
  }
  try {
    if (isFresh()) return;
    execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], {
      cwd: DASHBOARD,
      stdio: 'inherit',
      // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
