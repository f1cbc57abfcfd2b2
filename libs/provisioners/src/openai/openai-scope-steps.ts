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
  return callVendor(ctx, 'create service account', async () => {
    const existing = (await listServiceAccounts(admin, projectId)).find((account) => account.name === name);
    if (existing) return existing.id;
    const created = await admin.projects.serviceAccounts.create(projectId, { name, create_service_account_only: true });
    return created.id;
  });
}

export interface IssuedOpenAIKey {
  id: string;
  value: string;
}

/**
 * Issues the service account's one key, with an expiry at OpenAI. Keys an interrupted attempt made
 * (whose secret nobody received) are deleted first, so exactly one live key exists afterwards.
 */
export function issueServiceAccountKey(
  ctx: VendorCallContext,
  admin: OpenAIAdmin,
  projectId: string,
  serviceAccountId: string,
  name: string,
  expiresAt: Date,
): Promise<IssuedOpenAIKey> {
  return callVendor(ctx, 'create service account key', async () => {
    for (const keyId of await keyIdsOwnedBy(admin, projectId, serviceAccountId)) {
      await ignoreNotFound(callVendor(ctx, 'delete unreceived key', () => admin.projects.apiKeys.delete(keyId, { project_id: projectId })));
    }
    const secondsLeft = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const key = await admin.projects.serviceAccounts.apiKeys.create(serviceAccountId, {
      project_id: projectId,
      name,
      expires_in_seconds: secondsLeft,
    });
    ctx.scrubber.add(key.value);
    return { id: key.id, value: key.value };
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
