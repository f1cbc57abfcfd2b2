import { DomainError } from '@api/common/errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset pagination', () => {
  it('round-trips a position through an opaque cursor', () => {
    const position = { createdAt: new Date('2026-05-01T10:11:12.345Z'), id: '5b7d…' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses a cursor it did not issue with invalid_cursor', () => {
    for (const bad of ['nope', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["not a date","x"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
    }
  });

  it('trims the look-ahead row and points the next cursor at the last row shown', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id${n}`, createdAt: new Date(n * 1000) }));
    const page = toPage(rows, 2, (r) => r.id);
    expect(page.items).toEqual(['id1', 'id2']);
    expect(decodeCursor(page.next_cursor ?? undefined)).toEqual({ id: 'id2', createdAt: new Date(2000) });
    expect(toPage(rows.slice(0, 2), 2, (r) => r.id).next_cursor).toBeNull();
  });
});
