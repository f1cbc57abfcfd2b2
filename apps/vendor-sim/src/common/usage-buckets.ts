/** Time buckets for the vendors' usage and cost reports. Times are Unix seconds, snapped to UTC. */
export type BucketWidth = '1m' | '1h' | '1d';

export const BUCKET_WIDTHS: readonly BucketWidth[] = ['1m', '1h', '1d'];

const BUCKET_SECONDS: Record<BucketWidth, number> = { '1m': 60, '1h': 3600, '1d': 86400 };

/** Default and maximum buckets per page, the same for OpenAI and Anthropic. */
export const BUCKET_PAGE_LIMITS: Record<BucketWidth, { default: number; max: number }> = {
  '1d': { default: 7, max: 31 },
  '1h': { default: 24, max: 168 },
  '1m': { default: 60, max: 1440 },
};

export interface Bucket {
  start: number;
  end: number;
}

export interface BucketPage {
  buckets: Bucket[];
  /** Opaque cursor for the next page, or null on the last one. */
  nextPage: string | null;
}

export function encodePageCursor(start: number): string {
  return Buffer.from(`bucket:${start}`).toString('base64url');
}

export function decodePageCursor(page: string): number | null {
  const match = /^bucket:(\d+)$/.exec(Buffer.from(page, 'base64url').toString('utf8'));
  return match === null ? null : Number(match[1]);
}

/** Splits [start, end) into width-aligned buckets, `limit` per page, starting at the page cursor. */
export function bucketPage(
  start: number,
  end: number,
  width: BucketWidth,
  limit: number,
  page?: number,
): BucketPage {
  const size = BUCKET_SECONDS[width];
  const first = Math.floor((page ?? start) / size) * size;
  const buckets: Bucket[] = [];
  let cursor = first;
  while (cursor < end && buckets.length < limit) {
    buckets.push({ start: cursor, end: cursor + size });
    cursor += size;
  }
  return { buckets, nextPage: cursor < end ? encodePageCursor(cursor) : null };
}

/** Groups rows by the values of the named keys; keys not named are reported as null. */
export function groupRows<R>(rows: R[], keyOf: (row: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  return groups;
}
