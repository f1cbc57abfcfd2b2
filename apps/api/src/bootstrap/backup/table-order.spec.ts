import { firstOutOfOrder, loadOrder, truncationSet } from './table-order';

const fks = [
  { child: 'developers', parent: 'organizations' },
  { child: 'users', parent: 'organizations' },
  { child: 'users', parent: 'developers' },
  { child: 'issued_keys', parent: 'developers' },
  { child: 'issued_keys', parent: 'issued_keys' },
];

describe('loadOrder', () => {
  it('puts every table after the tables it references, ties alphabetical', () => {
    expect(loadOrder(['users', 'issued_keys', 'audit_events', 'developers', 'organizations'], fks)).toEqual([
      'audit_events',
      'organizations',
      'developers',
      'issued_keys',
      'users',
    ]);
  });

  it('accepts a table that references itself', () => {
    expect(loadOrder(['issued_keys'], fks)).toEqual(['issued_keys']);
  });

  it('refuses a cycle between tables, naming them', () => {
    expect(() =>
      loadOrder(
        ['a', 'b', 'c'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow('cycle between a, b');
  });
});

describe('firstOutOfOrder', () => {
  it('finds a table placed before a table it references', () => {
    expect(firstOutOfOrder(['developers', 'organizations'], fks)).toEqual({
      child: 'developers',
      parent: 'organizations',
    });
  });

  it('is null for a loadable order', () => {
    expect(firstOutOfOrder(['organizations', 'developers', 'users', 'issued_keys'], fks)).toBeNull();
  });
});

describe('truncationSet', () => {
  it('adds every table that references a table to clear, transitively', () => {
    expect(truncationSet(['organizations'], fks)).toEqual([
      'developers',
      'issued_keys',
      'organizations',
      'users',
    ]);
  });

  it('leaves unrelated tables alone', () => {
    expect(truncationSet(['server_keys'], fks)).toEqual(['server_keys']);
  });
});
