import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IamContext } from '@sim/google/iam/iam-context';
import {
  createServiceAccount,
  issueUserManagedKey,
  registerUserManagedKey,
} from '@sim/google/iam/service-account-factory';

const ADMIN_ACCOUNT_ID = 'keygate-admin';
const ADMIN_KEY_FILE = 'google-sim-admin-key.json';

interface StoredKeyFile {
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
}

export const adminEmailFor = (projectId: string): string =>
  `${ADMIN_ACCOUNT_ID}@${projectId}.iam.gserviceaccount.com`;

async function readStoredKeyFile(
  path: string,
  projectId: string,
): Promise<{ json: string; file: StoredKeyFile } | null> {
  try {
    const json = await readFile(path, 'utf8');
    const file = JSON.parse(json) as StoredKeyFile;
    const usable =
      file.project_id === projectId &&
      file.client_email === adminEmailFor(projectId) &&
      /^\d{21}$/.test(file.client_id) &&
      /^[0-9a-f]{40}$/.test(file.private_key_id);
    return usable ? { json, file } : null;
  } catch {
    return null;
  }
}

/**
 * Creates the admin service account and its key. With a data directory the key file is kept there
 * and the same identity comes back on the next start, so a KeyGate connection made with it survives
 * a simulator restart (like the fixed sandbox admin keys of the other vendors).
 */
export async function establishAdminIdentity(ctx: IamContext, dataDir: string | undefined): Promise<string> {
  const { projectId } = ctx.world;
  const path = dataDir === undefined ? undefined : join(dataDir, ADMIN_KEY_FILE);
  const stored = path === undefined ? null : await readStoredKeyFile(path, projectId);
  if (stored !== null) {
    const account = createServiceAccount(
      ctx,
      ADMIN_ACCOUNT_ID,
      'KeyGate administrator',
      'Created by the vendor simulator',
      stored.file.client_id,
    );
    const privateKey = createPrivateKey(stored.file.private_key);
    registerUserManagedKey(
      ctx,
      account,
      stored.file.private_key_id,
      { privateKey, publicKey: createPublicKey(privateKey) },
      'KEY_ALG_RSA_2048',
    );
    return stored.json;
  }
  const account = createServiceAccount(
    ctx,
    ADMIN_ACCOUNT_ID,
    'KeyGate administrator',
    'Created by the vendor simulator',
  );
  const { credentialsJson } = await issueUserManagedKey(ctx, account, 'KEY_ALG_RSA_2048', 2048);
  if (dataDir !== undefined && path !== undefined) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(path, credentialsJson, { mode: 0o600 });
  }
  return credentialsJson;
}
