import { randomBytes, randomInt } from 'node:crypto';
import type {
  AccessTokenRecord,
  PolicyBinding,
  ProjectPolicy,
  ServiceAccountKeyRecord,
  ServiceAccountRecord,
  VertexUsageRecord,
} from '@sim/google/world/google-records';
import type { SimClock } from '@sim/common/sim-clock';

export const newPolicyEtag = (): string => randomBytes(8).toString('base64');

export function newUniqueId(): string {
  let digits = '1';
  while (digits.length < 21) digits += String(randomInt(10));
  return digits;
}

export const serviceAccountDomain = (projectId: string): string => `${projectId}.iam.gserviceaccount.com`;

/** Everything the simulated Google Cloud project holds, in memory. */
export class GoogleWorld {
  readonly serviceAccounts = new Map<string, ServiceAccountRecord>();
  readonly keys = new Map<string, ServiceAccountKeyRecord>();
  readonly tokens = new Map<string, AccessTokenRecord>();
  readonly usage: VertexUsageRecord[] = [];
  policy: ProjectPolicy = { bindings: [], etag: newPolicyEtag() };
  orgPolicyForbidsKeys: boolean;

  constructor(
    readonly clock: SimClock,
    readonly projectId: string,
    readonly projectNumber: string,
    /** The identity whose admin roles come from the organization (inherited, not in the project policy). */
    readonly adminEmail: string,
    orgPolicyForbidsKeys: boolean,
  ) {
    this.orgPolicyForbidsKeys = orgPolicyForbidsKeys;
  }

  /** By email (case-insensitive) or by unique id, as IAM accepts both in resource names. */
  findServiceAccount(emailOrUniqueId: string): ServiceAccountRecord | undefined {
    const wanted = emailOrUniqueId.toLowerCase();
    const byEmail = this.serviceAccounts.get(wanted);
    if (byEmail !== undefined) return byEmail;
    return [...this.serviceAccounts.values()].find((account) => account.uniqueId === emailOrUniqueId);
  }

  addServiceAccount(account: ServiceAccountRecord): void {
    this.serviceAccounts.set(account.email.toLowerCase(), account);
  }

  /** Deletes the account and its keys; its policy memberships turn into `deleted:` members, as IAM does. */
  removeServiceAccount(account: ServiceAccountRecord): void {
    this.serviceAccounts.delete(account.email.toLowerCase());
    for (const key of this.keysOf(account)) this.keys.delete(key.keyId);
    const member = `serviceAccount:${account.email}`;
    const rewrite = (binding: PolicyBinding): PolicyBinding => ({
      ...binding,
      members: binding.members.map((entry) =>
        entry.toLowerCase() === member.toLowerCase() ? `deleted:${member}?uid=${account.uniqueId}` : entry,
      ),
    });
    this.policy = { ...this.policy, bindings: this.policy.bindings.map(rewrite), etag: newPolicyEtag() };
  }

  keysOf(account: ServiceAccountRecord): ServiceAccountKeyRecord[] {
    return [...this.keys.values()].filter((key) => key.serviceAccountUniqueId === account.uniqueId);
  }

  findKey(account: ServiceAccountRecord, keyId: string): ServiceAccountKeyRecord | undefined {
    const key = this.keys.get(keyId);
    return key !== undefined && key.serviceAccountUniqueId === account.uniqueId ? key : undefined;
  }

  recordUsage(record: VertexUsageRecord): void {
    this.usage.push(record);
  }
}
