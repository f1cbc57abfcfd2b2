import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface SpooledInput {
  path: string;
  remove(): void;
}

/** Restore reads an archive twice (verify, then load): stdin is first copied to a private temporary file. */
export async function spoolStdin(): Promise<SpooledInput> {
  const dir = mkdtempSync(join(tmpdir(), 'keygate-restore-'));
  const path = join(dir, 'archive.gz');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await pipeline(process.stdin, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    remove();
    throw error;
  }
  return { path, remove };
}
