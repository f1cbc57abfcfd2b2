import { bucketPage, decodePageCursor, encodePageCursor } from '@sim/common/usage-buckets';

const DAY = 86_400;

describe('bucketPage', () => {
  it('snaps buckets to UTC boundaries of the width', () => {
    const start = 10 * DAY + 5000;
    const page = bucketPage(start, start + 2 * DAY, '1d', 7);
    expect(page.buckets).toEqual([
      { start: 10 * DAY, end: 11 * DAY },
      { start: 11 * DAY, end: 12 * DAY },
      { start: 12 * DAY, end: 13 * DAY },
    ]);
    expect(page.nextPage).toBeNull();
  });

  it('pages with an opaque cursor that resumes where the last page stopped', () => {
    const first = bucketPage(0, 5 * 3600, '1h', 2);
    expect(first.buckets.map((bucket) => bucket.start)).toEqual([0, 3600]);
    const cursor = decodePageCursor(first.nextPage ?? '');
    const second = bucketPage(0, 5 * 3600, '1h', 2, cursor ?? undefined);
    expect(second.buckets.map((bucket) => bucket.start)).toEqual([7200, 10800]);
    const third = bucketPage(0, 5 * 3600, '1h', 2, decodePageCursor(second.nextPage ?? '') ?? undefined);
    expect(third.buckets.map((bucket) => bucket.start)).toEqual([14400]);
    expect(third.nextPage).toBeNull();
  });

  it('rejects a cursor it did not issue', () => {
    expect(decodePageCursor('not-a-cursor')).toBeNull();
    expect(decodePageCursor(encodePageCursor(42))).toBe(42);
  });
});
