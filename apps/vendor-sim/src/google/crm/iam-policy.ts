import { createHash } from 'node:crypto';
import { googleError } from '@sim/google/google-errors';
import type { PolicyBinding, PolicyCondition, ProjectPolicy } from '@sim/google/world/google-records';
import { type GoogleWorld, newPolicyEtag, serviceAccountDomain } from '@sim/google/world/google-world';

const ROLE = /^(roles|projects\/[^/]+\/roles|organizations\/[^/]+\/roles)\/[A-Za-z0-9_.]+$/;
const MEMBER =
  /^(user|serviceAccount|group|domain|deleted:user|deleted:serviceAccount|deleted:group|projectOwner|projectEditor|projectViewer):.+$|^(allUsers|allAuthenticatedUsers)$|^principal(Set)?:\/\/.+$/;

const invalid = (message: string) => googleError(400, 'INVALID_ARGUMENT', message);
const hasConditions = (bindings: PolicyBinding[]) =>
  bindings.some((binding) => binding.condition !== undefined);

/**
 * The policy as a caller asking for `requestedVersion` sees it. Below version 3, conditional bindings
 * lose their condition and get a `_withcond_` role suffix, exactly the trap Google sets for clients
 * that forget `requestedPolicyVersion: 3`.
 */
export function policyView(policy: ProjectPolicy, requestedVersion: number): Record<string, unknown> {
  const conditional = hasConditions(policy.bindings);
  const full = requestedVersion >= 3;
  const bindings = policy.bindings.map((binding) => {
    if (binding.condition === undefined || full) return binding;
    const digest = createHash('sha256').update(JSON.stringify(binding.condition)).digest('hex').slice(0, 16);
    return { role: `${binding.role}_withcond_${digest}`, members: binding.members };
  });
  return {
    version: conditional && full ? 3 : 1,
    etag: policy.etag,
    ...(bindings.length === 0 ? {} : { bindings }),
    ...(policy.auditConfigs === undefined ? {} : { auditConfigs: policy.auditConfigs }),
  };
}

function parseCondition(value: unknown): PolicyCondition | undefined {
  if (value === undefined || value === null) return undefined;
  const condition = value as Record<string, unknown>;
  if (
    typeof condition.expression !== 'string' ||
    condition.expression === '' ||
    typeof condition.title !== 'string' ||
    condition.title === ''
  ) {
    throw invalid('A condition needs a title and an expression.');
  }
  return {
    title: condition.title,
    expression: condition.expression,
    ...(typeof condition.description === 'string' ? { description: condition.description } : {}),
  };
}

function parseMember(world: GoogleWorld, member: string): string {
  if (!MEMBER.test(member)) throw invalid(`Invalid member: ${member}`);
  const projectDomain = `@${serviceAccountDomain(world.projectId)}`;
  if (member.startsWith('serviceAccount:') && member.toLowerCase().endsWith(projectDomain)) {
    const email = member.slice('serviceAccount:'.length);
    if (world.findServiceAccount(email) === undefined)
      throw invalid(`Service account ${email} does not exist.`);
  }
  return member;
}

function parseBindings(world: GoogleWorld, value: unknown): PolicyBinding[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid('Policy bindings must be a list.');
  const bindings: PolicyBinding[] = [];
  for (const entry of value as unknown[]) {
    const binding = (entry ?? {}) as Record<string, unknown>;
    const role = typeof binding.role === 'string' ? binding.role : '';
    if (role.includes('_withcond_')) {
      throw invalid(
        `Role ${role} is a version 1 view of a conditional binding; read and write the policy with version 3.`,
      );
    }
    if (!ROLE.test(role)) throw invalid(`Role ${role} is not a valid role name.`);
    const members = Array.isArray(binding.members)
      ? (binding.members as unknown[]).filter((m): m is string => typeof m === 'string')
      : [];
    if (members.length === 0) continue;
    const condition = parseCondition(binding.condition);
    bindings.push({
      role,
      members: members.map((member) => parseMember(world, member)),
      ...(condition === undefined ? {} : { condition }),
    });
  }
  return bindings;
}

/** setIamPolicy: etag concurrency, version rules, member checks, and the update mask (default `bindings,etag`). */
export function replacePolicy(
  world: GoogleWorld,
  input: Record<string, unknown>,
  updateMask: string | undefined,
): ProjectPolicy {
  const current = world.policy;
  const etag = typeof input.etag === 'string' ? input.etag : undefined;
  if (etag !== undefined && etag !== current.etag) {
    throw googleError(
      409,
      'ABORTED',
      `There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff. The request's ETag '${etag}' did not match the current policy's ETag '${current.etag}'.`,
    );
  }
  const version = typeof input.version === 'number' ? input.version : 1;
  const bindings = parseBindings(world, input.bindings);
  if (version < 3 && hasConditions(bindings)) {
    throw invalid('A policy with conditional role bindings must have version 3.');
  }
  if (version < 3 && hasConditions(current.bindings)) {
    throw invalid('The policy has conditional role bindings; set it with version 3 so they are not lost.');
  }
  const fields = (updateMask ?? 'bindings,etag').split(',').map((field) => field.trim());
  const auditConfigs = fields.includes('auditConfigs')
    ? Array.isArray(input.auditConfigs)
      ? (input.auditConfigs as unknown[])
      : undefined
    : current.auditConfigs;
  return {
    bindings: fields.includes('bindings') ? bindings : current.bindings,
    ...(auditConfigs === undefined ? {} : { auditConfigs }),
    etag: newPolicyEtag(),
  };
}
