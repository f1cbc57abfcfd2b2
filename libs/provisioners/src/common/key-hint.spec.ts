import { keyHint } from './key-hint';

describe('keyHint', () => {
  it('keeps a known public prefix and only the last four characters', () => {
    expect(keyHint('sk-svcacct-AbCdEfGhIjKlMnOp1234', 'sk-svcacct-')).toBe('sk-svcacct-…1234');
  });

  it('shows no prefix for a key without the expected one', () => {
    expect(keyHint('0123456789abcdef0123456789abcdef', '')).toBe('…cdef');
    expect(keyHint('other-secret-9876', 'sk-')).toBe('…9876');
  });
});
