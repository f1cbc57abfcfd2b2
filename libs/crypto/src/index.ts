export { CryptoError, isCryptoError } from './crypto.errors';
export type { CryptoErrorCode, CryptoErrorDetails } from './crypto.errors';
export { MasterKey, MASTER_KEY_BYTES, MASTER_KEY_ENV, PREVIOUS_MASTER_KEYS_ENV } from './master-key';
export { Keyring } from './keyring';
export { EnvelopeCipher } from './envelope-cipher';
export {
  parseSealedSecret,
  sealedSecretFromString,
  sealedSecretToString,
  SEALED_SECRET_VERSION,
} from './sealed-secret';
export type { SealedSecret } from './sealed-secret';
export { deriveKey, DERIVED_KEY_BYTES } from './key-derivation';
export type { KeyPurpose } from './key-derivation';
export { fingerprintSecret, FINGERPRINT_PREFIX } from './fingerprint';
export { generateToken, hashToken, parseToken, timingSafeEqualHex } from './access-token';
export type { GeneratedToken } from './access-token';
export { maskSecret } from './mask-secret';
export { loadOrCreateMasterKeyFile, MASTER_KEY_FILE_NAME } from './master-key-file';
export { createSealedKey, openSealedKey } from './sealed-key';
export { composeAad } from './record-aad';
