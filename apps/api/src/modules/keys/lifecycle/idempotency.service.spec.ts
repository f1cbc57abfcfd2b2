import { requestHash } from './idempotency.service';

describe('requestHash', () => {
  it('is the same for the same request whatever the order of its fields', () => {
    expect(requestHash('keys.provision', { a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash('keys.provision', { b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('differs when a value, the order of a list or the operation differs', () => {
    const base = requestHash('keys.provision', { rate_limit_rpm: 10, models_allowed: ['a', 'b'] });
    expect(requestHash('keys.provision', { rate_limit_rpm: 11, models_allowed: ['a', 'b'] })).not.toBe(base);
    expect(requestHash('keys.provision', { rate_limit_rpm: 10, models_allowed: ['b', 'a'] })).not.toBe(base);
    expect(requestHash('keys.rotate', { rate_limit_rpm: 10, models_allowed: ['a', 'b'] })).not.toBe(base);
  });

  it('treats an absent field and an undefined one alike', () => {
    expect(requestHash('op', { a: 1, b: undefined })).toBe(requestHash('op', { a: 1 }));
  });
});
