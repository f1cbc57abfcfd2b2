import type { iam_v1 } from '@googleapis/iam';
import { VendorError } from '../contract';
import { callVendor, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import type { GoogleAdmin } from './google-admin-clients';

export type ServiceAccount = iam_v1.Schema$ServiceAccount;

export function serviceAccountPath(admin: GoogleAdmin, email: string): string {
  return `projects/${admin.projectId}/serviceAccounts/${email}`;
}

export function serviceAccountEmail(admin: GoogleAdmin, accountId: string): string {
  return `${accountId}@${admin.projectId}.iam.gserviceaccount.com`;
}

/** Create, or read the one an earlier attempt made (409 ALREADY_EXISTS). */
export async function ensureServiceAccount(
  ctx: VendorCallContext,
  admin: GoogleAdmin,
  accountId: string,
  description: string,
): Promise<ServiceAccount> {
  try {
    const created = await callVendor(ctx, 'create service account', () =>
      admin.iam.projects.serviceAccounts.create({
        name: `projects/${admin.projectId}`,
        requestBody: { accountId, serviceAccount: { displayName: accountId, description } },
      }),
    );
    return created.data;
  } catch (error: unknown) {
    if (!(error instanceof VendorError && error.kind === 'conflict')) throw error;
    const existing = await callVendor(ctx, 'read service account', () =>
      admin.iam.projects.serviceAccounts.get({ name: serviceAccountPath(admin, serviceAccountEmail(admin, accountId)) }),
    );
    return existing.data;
  }
}

export function listUserManagedKeyIds(ctx: VendorCallContext, admin: GoogleAdmin, email: string): Promise<string[]> {
  return callVendor(ctx, 'list service account keys', async () => {
    const response = await admin.iam.projects.serviceAccounts.keys.list({
      name: serviceAccountPath(admin, email),
      keyTypes: ['USER_MANAGED'],
    });
    return (response.data.keys ?? []).map((key) => keyIdOf(key.name ?? '')).filter((id) => id.length > 0);
  });
}

export interface IssuedGoogleKey {
  keyId: string;
  keyName: string;
  credentialJson: string;
}

/**
 * Creates a JSON key. Keys an interrupted attempt made (their private half never reached anyone) are
 * deleted first; `keep` names keys that must survive (the key being rotated away from).
 */
export function issueKey(ctx: VendorCallContext, admin: GoogleAdmin, email: string, keep: string[]): Promise<IssuedGoogleKey> {
  return callVendor(ctx, 'create service account key', async () => {
    for (const keyId of await listUserManagedKeyIds(ctx, admin, email)) {
      if (!keep.includes(keyId)) await deleteKey(ctx, admin, email, keyId);
    }
    const response = await admin.iam.projects.serviceAccounts.keys.create({
      name: serviceAccountPath(admin, email),
      requestBody: { privateKeyType: 'TYPE_GOOGLE_CREDENTIALS_FILE', keyAlgorithm: 'KEY_ALG_RSA_2048' },
    });
    const credentialJson = Buffer.from(response.data.privateKeyData ?? '', 'base64').toString('utf8');
    ctx.scrubber.add(credentialJson);
    const keyName = response.data.name ?? '';
    return { keyId: keyIdOf(keyName), keyName, credentialJson };
  });
}

export async function deleteKey(ctx: VendorCallContext, admin: GoogleAdmin, email: string, keyId: string): Promise<void> {
  await ignoreNotFound(
    callVendor(ctx, 'delete service account key', () =>
      admin.iam.projects.serviceAccounts.keys.delete({ name: `${serviceAccountPath(admin, email)}/keys/${keyId}` }),
    ),
  );
}

export async function listServiceAccounts(ctx: VendorCallContext, admin: GoogleAdmin): Promise<ServiceAccount[]> {
  const accounts: ServiceAccount[] = [];
  let pageToken: string | undefined;
  do {
    const token = pageToken;
    const response = await callVendor(ctx, 'list service accounts', () =>
      admin.iam.projects.serviceAccounts.list({ name: `projects/${admin.projectId}`, pageSize: 100, ...(token ? { pageToken: token } : {}) }),
    );
    accounts.push(...(response.data.accounts ?? []));
    pageToken = response.data.nextPageToken ?? undefined;
  } while (pageToken);
  return accounts;
}

export function accountIdOf(email: string): string {
  return email.split('@')[0] ?? email;
}

function keyIdOf(keyName: string): string {
  return keyName.split('/keys/')[1] ?? '';
}
