import type { IamContext } from '@sim/google/iam/iam-context';
import {
  credentialsFile,
  generateRsaKeyPair,
  newKeyId,
  type RsaKeyPair,
  selfSignedCertificate,
} from '@sim/google/iam/key-material';
import type { ServiceAccountKeyRecord, ServiceAccountRecord } from '@sim/google/world/google-records';
import { newUniqueId, serviceAccountDomain } from '@sim/google/world/google-world';

export const NEVER_EXPIRES = '9999-12-31T23:59:59Z';

/** Creates an account with the Google-managed key every account has. */
export function createServiceAccount(
  ctx: IamContext,
  accountId: string,
  displayName: string,
  description: string,
  uniqueId = newUniqueId(),
): ServiceAccountRecord {
  const { world } = ctx;
  const account: ServiceAccountRecord = {
    projectId: world.projectId,
    accountId,
    email: `${accountId}@${serviceAccountDomain(world.projectId)}`,
    uniqueId,
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

/** Records a user-managed key whose private half the simulator does not keep. */
export function registerUserManagedKey(
  ctx: IamContext,
  account: ServiceAccountRecord,
  keyId: string,
  pair: RsaKeyPair,
  keyAlgorithm: string,
): ServiceAccountKeyRecord {
  const now = ctx.world.clock.now();
  const key: ServiceAccountKeyRecord = {
    keyId,
    email: account.email,
    serviceAccountUniqueId: account.uniqueId,
    publicKey: pair.publicKey,
    certificatePem: selfSignedCertificate(keyId, pair, now),
    keyAlgorithm,
    keyType: 'USER_MANAGED',
    validAfterTime: now.toISOString(),
    validBeforeTime: NEVER_EXPIRES,
    disabled: false,
  };
  ctx.world.keys.set(keyId, key);
  return key;
}

/** Issues a user-managed key; the private half leaves the simulator only in the returned key file. */
export async function issueUserManagedKey(
  ctx: IamContext,
  account: ServiceAccountRecord,
  keyAlgorithm: string,
  modulusLength: number,
): Promise<{ key: ServiceAccountKeyRecord; credentialsJson: string }> {
  const pair = await generateRsaKeyPair(modulusLength);
  const key = registerUserManagedKey(ctx, account, newKeyId(), pair, keyAlgorithm);
  return { key, credentialsJson: credentialsFile(account, key.keyId, pair.privateKey) };
}
