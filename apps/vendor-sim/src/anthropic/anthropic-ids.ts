import { randomBase62 } from '@sim/common/request-id';

export const newWorkspaceId = () => `wrkspc_${randomBase62(24)}`;
export const newApiKeyId = () => `apikey_${randomBase62(24)}`;
export const newUserId = () => `user_${randomBase62(24)}`;
export const newInviteId = () => `invite_${randomBase62(24)}`;
export const newMessageId = () => `msg_${randomBase62(24)}`;
export const newCompartmentId = () => `cmpt_${randomBase62(24)}`;

const KEY_PREFIX = 'sk-ant-api03-';

/** Shaped like a Console-made Claude API key. */
export const newApiKeySecret = () => `${KEY_PREFIX}${randomBase62(93)}AA`;

/** `sk-ant-api03-` + first 3 characters + `...` + last 4, as the Admin API shows it. */
export function partialKeyHint(secret: string): string {
  const body = secret.slice(KEY_PREFIX.length);
  return `${KEY_PREFIX}${body.slice(0, 3)}...${secret.slice(-4)}`;
}
