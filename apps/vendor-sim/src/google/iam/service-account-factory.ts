import type { IamContext } from '@sim/google/iam/iam-context';
import { newKeyId, selfSignedCertificate } from '@sim/google/iam/key-material';
import type { ServiceAccountRecord } from '@sim/google/world/google-records';
import { newUniqueId, serviceAccountDomain } from '@sim/google/world/google-world';

export const NEVER_EXPIRES = '9999-12-31T23:59:59Z';

/** Creates an account with the Google-managed key every account has. */
export function createServiceAccount(
  ctx: IamContext,
  accountId: string,
  displayName: string,
  description: string,
): ServiceAccountRecord {
  const { world } = ctx;
  const account: ServiceAccountRecord = {
    projectId: world.projectId,
    accountId,
    email: `${accountId}@${serviceAccountDomain(world.projectId)}`,
    uniqueId: newUniqueId(),
    displayName,
    description,
    disabled: false,
    etag: 'MDEwMjE5MjA=',
  };
  world.addServiceAccount(account);
  const now = world.clock.now();
  const keyId = newKeyId();
  world.keys.set(keyId, {
    keyId,
    email: account.email,
    serviceAccountUniqueId: account.uniqueId,
    publicKey: ctx.systemKeyPair.publicKey,
    certificatePem: selfSignedCertificate(keyId, ctx.systemKeyPair, now),
    keyAlgorithm: 'KEY_ALG_RSA_2048',
    keyType: 'SYSTEM_MANAGED',
    validAfterTime: now.toISOString(),
    validBeforeTime: new Date(now.getTime() + 2 * 365 * 24 * 3600 * 1000).toISOString(),
    disabled: false,
  });
  return account;
}
