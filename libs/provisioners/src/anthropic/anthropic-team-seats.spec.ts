import { seatFor, seatsOf } from './anthropic-team-seats';

describe('team workspace seats', () => {
  it('reads one seat per keygate-intent tag, with the developer and, once bound, the key', () => {
    const tags = {
      'keygate-intent-b0000000': 'email=bob%40example.com&user=user_b',
      'keygate-intent-a0000000': 'email=ada%2Bai%40example.com&user=user_a&key=apikey_1',
      'cost-center': 'research',
    };
    expect(seatsOf({ tags })).toEqual([
      { intentPrefix: 'a0000000', email: 'ada+ai@example.com', userId: 'user_a', keyId: 'apikey_1' },
      { intentPrefix: 'b0000000', email: 'bob@example.com', userId: 'user_b' },
    ]);
    expect(seatFor({ tags }, 'b0000000')?.email).toBe('bob@example.com');
    expect(seatFor({ tags }, 'c0000000')).toBeUndefined();
  });

  it('ignores a keygate tag someone edited into something without a developer', () => {
    expect(seatsOf({ tags: { 'keygate-intent-a0000000': 'hello' } })).toEqual([]);
  });
});
