import { CryptoError } from './crypto.errors';
import { MASTER_KEY_ENV, MasterKey, PREVIOUS_MASTER_KEYS_ENV } from './master-key';

/**
 * The current master key (used for every new seal and rewrap) plus older keys that are still
 * accepted for reading while their records are rewrapped.
 */
export class Keyring {
  private readonly byId = new Map<string, MasterKey>();

  constructor(
    readonly current: MasterKey,
    previous: readonly MasterKey[] = [],
  ) {
    for (const key of [current, ...previous]) {
      const known = this.byId.get(key.id);
      if (known === undefined) {
        this.byId.set(key.id, key);
      } else if (!known.equals(key)) {
        throw new CryptoError('invalid_master_key', `Two different master keys share the id "${key.id}".`);
      }
    }
  }

  /**
   * The keyring as configured by the environment: the current key (KEYGATE_MASTER_KEY) and a
   * comma-separated list of older keys still accepted for reading (KEYGATE_PREVIOUS_MASTER_KEYS).
   */
  static fromBase64(current: string, previous = ''): Keyring {
    const older = previous
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry, index) =>
        MasterKey.fromBase64(entry, undefined, `${PREVIOUS_MASTER_KEYS_ENV} entry ${index + 1}`),
      );
    return new Keyring(MasterKey.fromBase64(current, undefined, MASTER_KEY_ENV), older);
  }

  find(keyId: string): MasterKey | undefined {
    return this.byId.get(keyId);
  }

  get keyIds(): string[] {
    return [...this.byId.keys()];
  }
}
