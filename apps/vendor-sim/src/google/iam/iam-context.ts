import type { RsaKeyPair } from '@sim/google/iam/key-material';
import type { GoogleWorld } from '@sim/google/world/google-world';

export interface IamContext {
  world: GoogleWorld;
  /** Stands in for the Google-held keys behind every account's SYSTEM_MANAGED key. */
  systemKeyPair: RsaKeyPair;
}
