import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { composeAad, createSealedKey, deriveKey, EnvelopeCipher, fingerprintSecret, openSealedKey, type SealedSecret } from '@keygate/crypto';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';

const ROOT_NAME = 'fingerprint-root';
const aad = composeAad('server_keys', 'sealed', ROOT_NAME);

/**
 * Fingerprints of issued keys (HMAC-SHA-256). The HMAC key derives from a random root stored sealed in
 * server_keys, not from the master key, so rotating the master key keeps every fingerprint valid.
 * The first replica to boot creates the root; the others read the same row.
 */
@Injectable()
export class KeyFingerprints implements OnModuleInit {
  private key: Buffer | null = null;
  private readonly cipher: EnvelopeCipher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    secrets: RuntimeSecrets,
  ) {
    this.cipher = new EnvelopeCipher(secrets.keyring);
  }

  async onModuleInit(): Promise<void> {
    const candidate = createSealedKey(this.cipher, aad);
    await this.dataSource.query(`INSERT INTO server_keys (name, sealed) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [ROOT_NAME, JSON.stringify(candidate.sealed)]);
    const rows = await this.dataSource.query<Array<{ sealed: SealedSecret }>>(`SELECT sealed FROM server_keys WHERE name = $1`, [ROOT_NAME]);
    const sealed = rows[0]?.sealed;
    if (!sealed) throw new Error('server_keys has no fingerprint root after creating one');
    this.key = deriveKey(openSealedKey(this.cipher, sealed, aad), 'fingerprint');
    if (this.cipher.needsRewrap(sealed)) {
      await this.dataSource.query(`UPDATE server_keys SET sealed = $2 WHERE name = $1`, [ROOT_NAME, JSON.stringify(this.cipher.rewrap(sealed, aad))]);
    }
  }

  of(secret: string): string {
    if (!this.key) throw new Error('KeyFingerprints used before the module initialised');
    return fingerprintSecret(secret, this.key);
  }
}
