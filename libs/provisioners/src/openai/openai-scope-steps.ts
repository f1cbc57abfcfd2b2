import type { Project } from 'openai/resources/admin/organization/projects/projects';
import type { ProjectServiceAccount } from 'openai/resources/admin/organization/projects/service-accounts/service-accounts';
import { callVendor, createOrFind, ignoreNotFound, type VendorCallContext } from '../common/vendor-call';
import type { OpenAIAdmin } from './openai-admin-client';

export async function findProjectByName(admin: OpenAIAdmin, name: string): Promise<Project | undefined> {
  for await (const project of admin.projects.list({ limit: 100 })) {
    if (project.name === name) return project;
  }
  return undefined;
}

/** One call normally; a retry after a lost answer first looks the project up by its unique managed name. */
export function ensureProject(ctx: VendorCallContext, admin: OpenAIAdmin, name: string, keyId: string): Promise<Project> {
  return createOrFind(ctx, 'create project', {
    create: () => admin.projects.create({ name, external_key_id: keyId }),
    find: () => findProjectByName(admin, name),
  });
}

export async function listServiceAccounts(admin: OpenAIAdmin, projectId: string): Promise<ProjectServiceAccount[]> {
  const accounts: ProjectServiceAccount[] = [];
  for await (const account of admin.projects.serviceAccounts.list(projectId, { limit: 100 })) accounts.push(account);
  return accounts;
}

/** A service account with no key yet; one made by an attempt whose answer was lost is reused. */
export function ensureServiceAccount(ctx: VendorCallContext, admin: OpenAIAdmin, projectId: string, name: string): Promise<string> {
  return createOrFind(ctx, 'create service account', {
    create: async () => (await admin.projects.serviceAccounts.create(projectId, { name, create_service_account_only: true })).id,
    find: async () => (await listServiceAccounts(admin, projectId)).find((account) => account.name === name)?.id,
  });
}

export interface IssuedOpenAIKey {
  serviceAccountId: string;
  id: string;
  value: string;
}

/**
 * Issues the service account's one key through the service-account key endpoint, which takes
 * expires_in_seconds, so OpenAI itself ends the key at the policy's expiry. If an attempt whose answer was
 * lost already made a key nobody received, the account is replaced rather than the key deleted, because
 * older API versions refuse to delete service-account keys. Exactly one live key results.
 */
export function issueServiceAccountKey(
  ctx: VendorCallContext,
  admin: OpenAIAdmin,
  projectId: string,
  account: { id: string; name: string },
  expiresAt: Date,
): Promise<IssuedOpenAIKey> {
  let serviceAccountId = account.id;
  return createOrFind(ctx, 'create service account key', {
    find: async () => {
      if ((await keyIdsOwnedBy(admin, projectId, serviceAccountId)).length > 0) {
        await deleteServiceAccount(ctx, admin, projectId, serviceAccountId);
        serviceAccountId = (await admin.projects.serviceAccounts.create(projectId, { name: account.name, create_service_account_only: true })).id;
      }
      return undefined;
    },
    create: async () => {
      const secondsLeft = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
      const key = await admin.projects.serviceAccounts.apiKeys.create(serviceAccountId, {
        project_id: projectId,
        name: account.name,
        expires_in_seconds: secondsLeft,
      });
      ctx.scrubber.add(key.value);
      return { serviceAccountId, id: key.id, value: key.value };
    },
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
