import { CryptoError } from './crypto.errors';
import { MasterKey } from './master-key';

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

  find(keyId: string): MasterKey | undefined {
    return this.byId.get(keyId);
  }

  get keyIds(): string[] {
    return [...this.byId.keys()];
  }
}
