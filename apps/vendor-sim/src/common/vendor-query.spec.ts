import { parseVendorQuery, queryBoolean, queryList, queryValue } from '@sim/common/vendor-query';

describe('parseVendorQuery', () => {
  it('reads brackets, indexed brackets, repeats and percent-encoded brackets as arrays', () => {
    const query = parseVendorQuery('a[]=1&a[]=2&b[0]=x&b[1]=y&c=p&c=q&d%5B%5D=z&e=one');
    expect(query).toEqual({ a: ['1', '2'], b: ['x', 'y'], c: ['p', 'q'], d: ['z'], e: 'one' });
  });

  it('decodes values the way Google sends them (%20 and %40)', () => {
    expect(parseVendorQuery('name=sa%40proj.iam&note=a%20b')).toEqual({ name: 'sa@proj.iam', note: 'a b' });
  });

  it('gives a single bracketed value as a one-element list and a plain value as itself', () => {
    const query = parseVendorQuery('group_by%5B%5D=model&limit=5&flag=true');
    expect(queryList(query, 'group_by')).toEqual(['model']);
    expect(queryList(query, 'limit')).toEqual(['5']);
    expect(queryList(query, 'missing')).toEqual([]);
    expect(queryValue(query, 'group_by')).toBe('model');
    expect(queryBoolean(query, 'flag')).toBe(true);
    expect(queryBoolean(query, 'missing')).toBeUndefined();
  });
});
