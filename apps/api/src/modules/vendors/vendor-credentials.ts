import { Injectable } from '@nestjs/common';
import { EnvelopeCipher, isCryptoError, maskSecret, SealedSecret } from '@keygate/crypto';
import { RuntimeSecrets } from '@api/bootstrap/runtime-secrets';
import { DomainError } from '@api/common/errors/domain-error';

const aadFor = (connectionId: string): string => `vendor_connections:${connectionId}:credential`;

/** Seals and opens vendor admin credentials; the connection id is bound in, so a ciphertext moved to another row fails. */
@Injectable()
export class VendorCredentials {
  private readonly cipher: EnvelopeCipher;

  constructor(secrets: RuntimeSecrets) {
    this.cipher = new EnvelopeCipher(secrets.keyring);
  }

  seal(connectionId: string, credential: string): { sealed: SealedSecret; hint: string } {
    return { sealed: this.cipher.encrypt(credential, aadFor(connectionId)), hint: maskSecret(credential) };
  }

  open(connectionId: string, sealed: SealedSecret): string {
    try {
      return this.cipher.decrypt(sealed, aadFor(connectionId));
    } catch (error) {
      if (isCryptoError(error, 'wrong_master_key')) {
        throw new DomainError(
          'master_key_mismatch',
          `The credential of connection ${connectionId} was encrypted with a different master key (${error.details?.requiredKeyId ?? 'unknown id'}); start KeyGate with that KEYGATE_MASTER_KEY, or list it in KEYGATE_PREVIOUS_MASTER_KEYS`,
          { connection_id: connectionId, required_key_id: error.details?.requiredKeyId },
        );
      }
      if (isCryptoError(error)) {
        throw new DomainError('credential_unreadable', `The stored credential of connection ${connectionId} failed its integrity check and was rejected; configure it again`, {
          connection_id: connectionId,
        });
      }
      throw error;
    }
  }
}
