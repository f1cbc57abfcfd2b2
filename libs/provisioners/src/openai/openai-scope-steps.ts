import type { Project } from 'openai/resources/admin/organization/projects/projects';
import type { ProjectServiceAccount } from 'openai/resources/admin/organization/projects/service-accounts/service-accounts';
import { callVendor, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import type { OpenAIAdmin } from './openai-admin-client';

export async function findProjectByName(admin: OpenAIAdmin, name: string): Promise<Project | undefined> {
  for await (const project of admin.projects.list({ limit: 100 })) {
    if (project.name === name) return project;
  }
  return undefined;
}

/** Find-or-create as one retried unit: a create whose answer was lost is found on the next attempt. */
export function ensureProject(ctx: VendorCallContext, admin: OpenAIAdmin, name: string, keyId: string): Promise<Project> {
  return callVendor(ctx, 'create project', async () => {
    return (await findProjectByName(admin, name)) ?? (await admin.projects.create({ name, external_key_id: keyId }));
  });
}

export async function listServiceAccounts(admin: OpenAIAdmin, projectId: string): Promise<ProjectServiceAccount[]> {
  const accounts: ProjectServiceAccount[] = [];
  for await (const account of admin.projects.serviceAccounts.list(projectId, { limit: 100 })) accounts.push(account);
  return accounts;
}

/** A service account with no key yet; one left by an interrupted attempt is reused. */
export function ensureServiceAccount(ctx: VendorCallContext, admin: OpenAIAdmin, projectId: string, name: string): Promise<string> {
  return callVendor(ctx, 'create service account', () => findOrCreateAccount(admin, projectId, name));
}

async function findOrCreateAccount(admin: OpenAIAdmin, projectId: string, name: string): Promise<string> {
  const existing = (await listServiceAccounts(admin, projectId)).find((account) => account.name === name);
  if (existing) return existing.id;
  return (await admin.projects.serviceAccounts.create(projectId, { name, create_service_account_only: true })).id;
}

export interface IssuedOpenAIKey {
  serviceAccountId: string;
  id: string;
  value: string;
}

/**
 * Issues the service account's one key through the service-account key endpoint, which takes
 * expires_in_seconds, so OpenAI itself ends the key at the policy's expiry. If an interrupted
 * attempt already made a key nobody received, the account is replaced rather than the key deleted,
 * because older API versions refuse to delete service-account keys. Exactly one live key results.
 */
export function issueServiceAccountKey(
  ctx: VendorCallContext,
  admin: OpenAIAdmin,
  projectId: string,
  name: string,
  expiresAt: Date,
): Promise<IssuedOpenAIKey> {
  return callVendor(ctx, 'create service account key', async () => {
    let serviceAccountId = await findOrCreateAccount(admin, projectId, name);
    if ((await keyIdsOwnedBy(admin, projectId, serviceAccountId)).length > 0) {
      await deleteServiceAccount(ctx, admin, projectId, serviceAccountId);
      serviceAccountId = (await admin.projects.serviceAccounts.create(projectId, { name, create_service_account_only: true })).id;
    }
    const secondsLeft = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const key = await admin.projects.serviceAccounts.apiKeys.create(serviceAccountId, {
      project_id: projectId,
      name,
      expires_in_seconds: secondsLeft,
    });
    ctx.scrubber.add(key.value);
    return { serviceAccountId, id: key.id, value: key.value };
  });
}

export async function keyIdsOwnedBy(admin: OpenAIAdmin, projectId: string, serviceAccountId?: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const key of admin.projects.apiKeys.list(projectId, { limit: 100, owner_project_access: 'any' })) {
    const ownerId = key.owner.service_account?.id;
    if (ownerId && (serviceAccountId === undefined || ownerId === serviceAccountId)) ids.push(key.id);
  }
  return ids;
}

export function deleteServiceAccount(ctx: VendorCallContext, admin: OpenAIAdmin, projectId: string, serviceAccountId: string): Promise<unknown> {
  return ignoreNotFound(
    callVendor(ctx, 'delete service account', () => admin.projects.serviceAccounts.delete(serviceAccountId, { project_id: projectId })),
  );
}
