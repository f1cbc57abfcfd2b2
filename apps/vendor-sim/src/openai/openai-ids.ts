import { randomBytes } from 'node:crypto';
import { randomBase62 } from '@sim/common/request-id';

export const newProjectId = () => `proj_${randomBase62(24)}`;
export const newServiceAccountId = () => `svc_acct_${randomBytes(12).toString('hex')}`;
export const newApiKeyId = () => `key_${randomBase62(16)}`;
export const newCompletionId = () => `chatcmpl-${randomBase62(29)}`;

/** Shaped like a real service-account key, including OpenAI's `T3BlbkFJ` marker. */
export const newServiceAccountSecret = () => `sk-svcacct-${randomBase62(40)}T3BlbkFJ${randomBase62(40)}`;

export function redactSecret(secret: string): string {
  return `${secret.slice(0, 11)}...${secret.slice(-4)}`;
}
