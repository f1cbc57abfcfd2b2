import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The installation root (the folder whose package.json is KeyGate's), from source or from dist/. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'keygate') return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function packageVersion(): string {
  const manifest = join(repoRoot(), 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : '0.0.0';
}
