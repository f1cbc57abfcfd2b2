import { randomBytes, randomUUID } from 'node:crypto';
import type { VendorName } from '@sim/common/vendor-name';

/** The header each vendor answers its request id in (Google's APIs send none). */
export const REQUEST_ID_HEADER: Record<VendorName, string | null> = {
  openai: 'x-request-id',
  anthropic: 'request-id',
  azure: 'x-ms-request-id',
  google: null,
};

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE62[byte % BASE62.length];
  return out;
}

export function newRequestId(vendor: VendorName): string {
  switch (vendor) {
    case 'openai':
      return `req_${randomBytes(16).toString('hex')}`;
    case 'anthropic':
      return `req_011C${randomBase62(20)}`;
    case 'azure':
    case 'google':
      return randomUUID();
  }
}
