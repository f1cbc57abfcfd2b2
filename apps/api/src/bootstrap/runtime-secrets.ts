import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveKey, Keyring, loadOrCreateMasterKeyFile } from '@keygate/crypto';
import type { AppConfig } from '@api/config/app-config';

/** Root secrets resolved once at start-up: from the environment, or generated into the data folder in start mode. */
export class RuntimeSecrets {
  readonly fingerprintKey: Buffer;
  readonly refreshTokenKey: Buffer;

  constructor(
    readonly keyring: Keyring,
    readonly jwtSecret: string,
  ) {
    this.fingerprintKey = deriveKey(keyring.current, 'fingerprint');
    this.refreshTokenKey = deriveKey(keyring.current, 'refresh-token');
  }
}

export function resolveRuntimeSecrets(config: AppConfig, warn: (message: string) => void): RuntimeSecrets {
  const secretsDir = join(config.dataDir, 'secrets');
  let current = config.secrets.masterKey;
  if (!current) {
    const loaded = loadOrCreateMasterKeyFile(secretsDir);
    current = loaded.key.toBase64();
    warn(
      `KEYGATE_MASTER_KEY is not set: using ${loaded.created ? 'a newly generated' : 'the'} master key in ${secretsDir}. ` +
        'Back it up: without it stored vendor credentials cannot be decrypted. Set KEYGATE_MASTER_KEY in production.',
    );
  }
  const keyring = Keyring.fromBase64(current, process.env.KEYGATE_PREVIOUS_MASTER_KEYS ?? '');
  return new RuntimeSecrets(keyring, config.secrets.jwtSecret ?? loadOrCreateJwtSecret(secretsDir));
}

function loadOrCreateJwtSecret(dir: string): string {
  const file = join(dir, 'jwt.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs, so both sign with the same secret.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
