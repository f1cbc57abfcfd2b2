import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DASHBOARD = join(ROOT, 'apps', 'dashboard');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const INDEX = join(DASHBOARD, 'dist', 'index.html');

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The API serves apps/dashboard/dist; build it when it is missing or older than the sources. */
export function ensureDashboardBuilt(): void {
  const sources = Math.max(
    newestSourceChange(join(DASHBOARD, 'src')),
    statSync(join(DASHBOARD, 'index.html')).mtimeMs,
  );
  if (existsSync(INDEX) && statSync(INDEX).mtimeMs >= sources) return;
  execFileSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], {
    cwd: DASHBOARD,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
