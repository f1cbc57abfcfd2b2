import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CryptoError } from './crypto.errors';
import { MasterKey } from './master-key';

export const MASTER_KEY_FILE_NAME = 'master.key';

/**
 * For the embedded default only: reads `<dir>/master.key`, or creates it (0600, in a 0700 dir).
 * Creation is atomic and exclusive, so two processes starting together end up with the same key.
 * A file readable by group or others is refused rather than trusted.
 */
export function loadOrCreateMasterKeyFile(dir: string): { key: MasterKey; created: boolean } {
  const path = join(dir, MASTER_KEY_FILE_NAME);
  if (!exists(path)) {
    ensurePrivateDir(dir);
    const key = MasterKey.generate();
    if (createExclusively(path, `${key.toBase64()}\n`)) {
      return { key, created: true };
    }
  }
  return { key: readKeyFile(path), created: false };
}

function readKeyFile(path: string): MasterKey {
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new CryptoError(
      'invalid_master_key',
      `Master key file ${path} is accessible by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`,
    );
  }
  return MasterKey.fromBase64(readFileSync(path, 'utf8'), undefined, `Master key file ${path}`);
}

function ensurePrivateDir(dir: string): void {
  const firstCreated = mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (firstCreated !== undefined) {
    chmodSync(dir, 0o700);
  }
}

/** Writes a temp file, then hard-links it into place: readers never see a partial key. */
function createExclusively(path: string, content: string): boolean {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}
