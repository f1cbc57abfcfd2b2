export type CryptoErrorCode =
  /** The record was sealed under a master key that is not in the keyring. */
  | 'wrong_master_key'
  /** GCM authentication failed: the record was altered, or read with the wrong additional data (row). */
  | 'tampered'
  /** The stored value is not a sealed secret this library can read. */
  | 'malformed'
  /** A master key could not be loaded: wrong length, bad encoding, unsafe file. */
  | 'invalid_master_key'
  /** A derived key or argument is unusable (too short, bad purpose or prefix). */
  | 'invalid_key';

export interface CryptoErrorDetails {
  /** Id of the master key the record needs (never secret). */
  requiredKeyId?: string;
  /** Ids of the master keys this process holds (never secret). */
  availableKeyIds?: readonly string[];
}

/** Every failure in @keygate/crypto. Messages never contain key material or plaintext. */
export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
    readonly details: CryptoErrorDetails = {},
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}

export function isCryptoError(value: unknown, code?: CryptoErrorCode): value is CryptoError {
  return value instanceof CryptoError && (code === undefined || value.code === code);
}
