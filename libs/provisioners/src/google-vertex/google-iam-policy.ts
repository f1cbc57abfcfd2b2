import type { cloudresourcemanager_v1 } from '@googleapis/cloudresourcemanager';
import { VendorError } from '../contract';
import { callVendor, type VendorCallContext } from '../common/vendor-call';
import type { GoogleAdmin } from './google-admin-clients';

type Policy = cloudresourcemanager_v1.Schema$Policy;
type Binding = cloudresourcemanager_v1.Schema$Binding;

export const VERTEX_USER_ROLE = 'roles/aiplatform.user';
const POLICY_VERSION = 3;
const MAX_ETAG_ATTEMPTS = 5;

/** Adds the member to the unconditional roles/aiplatform.user binding, keeping every other binding and condition. */
export function grantVertexUser(ctx: VendorCallContext, admin: GoogleAdmin, member: string): Promise<void> {
  return modifyProjectPolicy(ctx, admin, 'grant roles/aiplatform.user', (bindings) => {
    const target = bindings.find((binding) => binding.role === VERTEX_USER_ROLE && !binding.condition);
    if (target?.members?.includes(member)) return false;
    if (target) target.members = [...(target.members ?? []), member];
    else bindings.push({ role: VERTEX_USER_ROLE, members: [member] });
    return true;
  });
}

/** Removes the member (and its deleted: form) from every roles/aiplatform.user binding; empty bindings go. */
export function revokeVertexUser(ctx: VendorCallContext, admin: GoogleAdmin, email: string): Promise<void> {
  const forms = (member: string): boolean =>
    member === `serviceAccount:${email}` || member.startsWith(`deleted:serviceAccount:${email}?`);
  return modifyProjectPolicy(ctx, admin, 'remove roles/aiplatform.user', (bindings) => {
    let changed = false;
    for (let i = bindings.length - 1; i >= 0; i -= 1) {
      const binding = bindings[i];
      if (!binding || binding.role !== VERTEX_USER_ROLE || !binding.members?.some(forms)) continue;
      binding.members = binding.members.filter((member) => !forms(member));
      changed = true;
      if (binding.members.length === 0) bindings.splice(i, 1);
    }
    return changed;
  });
}

export async function hasVertexUser(ctx: VendorCallContext, admin: GoogleAdmin, member: string): Promise<boolean> {
  const policy = await readPolicy(ctx, admin);
  return (policy.bindings ?? []).some((binding) => binding.role === VERTEX_USER_ROLE && binding.members?.includes(member));
}

/**
 * Read-modify-write with the etag: a concurrent change makes setIamPolicy fail with 409 ABORTED,
 * and the change is re-applied to the fresh policy.
 */
async function modifyProjectPolicy(
  ctx: VendorCallContext,
  admin: GoogleAdmin,
  operation: string,
  change: (bindings: Binding[]) => boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const policy = await readPolicy(ctx, admin);
    const bindings = (policy.bindings ?? []).map((binding) => ({ ...binding, members: [...(binding.members ?? [])] }));
    if (!change(bindings)) return;
    try {
      await callVendor(ctx, operation, () =>
        admin.crm.projects.setIamPolicy({
          resource: admin.projectId,
          requestBody: { policy: { ...policy, version: POLICY_VERSION, bindings }, updateMask: 'bindings,etag' },
        }),
      );
      return;
    } catch (error: unknown) {
      const staleEtag = error instanceof VendorError && error.kind === 'conflict';
      if (!staleEtag || attempt >= MAX_ETAG_ATTEMPTS) throw error;
    }
  }
}

async function readPolicy(ctx: VendorCallContext, admin: GoogleAdmin): Promise<Policy> {
  const response = await callVendor(ctx, 'read project IAM policy', () =>
    admin.crm.projects.getIamPolicy({
      resource: admin.projectId,
      requestBody: { options: { requestedPolicyVersion: POLICY_VERSION } },
    }),
  );
  return response.data;
}
