import { randomBytes } from 'node:crypto';
import { GCM_KEY_BYTES, GcmBox, gcmOpen, gcmSeal } from './aes-gcm';
import { CryptoError } from './crypto.errors';
import { Keyring } from './keyring';
import { MasterKey, MASTER_KEY_ENV, readMaterial } from './master-key';
import { decodeField, parseSealedSecret, SEALED_SECRET_VERSION, SealedSecret } from './sealed-secret';

const DATA_AAD_LABEL = `keygate/envelope/v${SEALED_SECRET_VERSION}/data`;
const WRAP_AAD_LABEL = `keygate/envelope/v${SEALED_SECRET_VERSION}/wrap`;

/**
 * Envelope encryption: a fresh random AES-256-GCM data key per record, wrapped by the current
 * master key. The caller's `aad` (the row id, or table|column|id) is bound into both layers, so a
 * sealed value copied to another row fails with `tampered`.
 */
export class EnvelopeCipher {
  constructor(private readonly keyring: Keyring) {}

  get currentKeyId(): string {
    return this.keyring.current.id;
  }

  encrypt(plaintext: string, aad: string): SealedSecret {
    const dataKey = randomBytes(GCM_KEY_BYTES);
    try {
      const data = gcmSeal(dataKey, Buffer.from(plaintext, 'utf8'), dataAad(aad));
      return this.seal(this.keyring.current, dataKey, data, aad);
    } finally {
      dataKey.fill(0);
    }
  }

  decrypt(sealed: SealedSecret, aad: string): string {
    const checked = parseSealedSecret(sealed);
    const dataKey = this.unwrapDataKey(checked, aad);
    try {
      return gcmOpen(dataKey, dataBox(checked), dataAad(aad), 'encrypted secret').toString('utf8');
    } finally {
      dataKey.fill(0);
    }
  }

  /** True when the record is wrapped by an older master key and should be rewrapped. */
  needsRewrap(sealed: SealedSecret): boolean {
    return parseSealedSecret(sealed).keyId !== this.keyring.current.id;
  }

  /**
   * Re-wraps the data key under the current master key; the ciphertext, its nonce and tag are
   * kept byte for byte. Already-current records are returned unchanged.
   */
  rewrap(sealed: SealedSecret, aad: string): SealedSecret {
    const checked = parseSealedSecret(sealed);
    if (checked.keyId === this.keyring.current.id) {
      return checked;
    }
    const dataKey = this.unwrapDataKey(checked, aad);
    try {
      return this.seal(this.keyring.current, dataKey, dataBox(checked), aad);
    } finally {
      dataKey.fill(0);
    }
  }

  private seal(master: MasterKey, dataKey: Buffer, data: GcmBox, aad: string): SealedSecret {
    const wrap = gcmSeal(readMaterial(master), dataKey, wrapAad(master.id, aad));
    return {
      version: SEALED_SECRET_VERSION,
      keyId: master.id,
      wrappedKey: wrap.ciphertext.toString('base64url'),
      wrapIv: wrap.iv.toString('base64url'),
      wrapTag: wrap.tag.toString('base64url'),
      iv: data.iv.toString('base64url'),
      ciphertext: data.ciphertext.toString('base64url'),
      tag: data.tag.toString('base64url'),
    };
  }

  private unwrapDataKey(sealed: SealedSecret, aad: string): Buffer {
    const master = this.keyring.find(sealed.keyId);
    if (master === undefined) {
      throw new CryptoError(
        'wrong_master_key',
        `This secret was sealed with master key id "${sealed.keyId}", but the configured ${MASTER_KEY_ENV} ` +
          `has id "${this.keyring.current.id}"` +
          (this.keyring.keyIds.length > 1
            ? ` (also accepted: ${this.keyring.keyIds.slice(1).join(', ')})`
            : '') +
          `. Configure the master key with id "${sealed.keyId}", as current or previous key.`,
        { requiredKeyId: sealed.keyId, availableKeyIds: this.keyring.keyIds },
      );
    }
    const box = {
      iv: decodeField(sealed, 'wrapIv'),
      ciphertext: decodeField(sealed, 'wrappedKey'),
      tag: decodeField(sealed, 'wrapTag'),
    };
    return gcmOpen(readMaterial(master), box, wrapAad(master.id, aad), 'wrapped data key');
  }
}

function dataBox(sealed: SealedSecret): GcmBox {
  return {
    iv: decodeField(sealed, 'iv'),
    ciphertext: decodeField(sealed, 'ciphertext'),
    tag: decodeField(sealed, 'tag'),
  };
}

function dataAad(aad: string): Buffer {
  return Buffer.from(`${DATA_AAD_LABEL}\0${aad}`, 'utf8');
}

function wrapAad(keyId: string, aad: string): Buffer {
  return Buffer.from(`${WRAP_AAD_LABEL}\0${keyId}\0${aad}`, 'utf8');
}
