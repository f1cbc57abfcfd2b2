export interface ForeignKey {
  /** The referencing table. */
  child: string;
  /** The referenced table. */
  parent: string;
}

/**
 * Orders tables so every table comes after the tables it references (ties alphabetical, so dumps are stable).
 * A table referencing itself is fine: one COPY checks its foreign keys at the end of the statement.
 */
export function loadOrder(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of foreignKeys) {
    if (child !== parent && known.has(child) && known.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables
      .filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)))
      .sort();
    if (ready.length === 0) {
      const stuck = tables.filter((t) => !placed.has(t)).sort();
      throw new Error(`foreign keys form a cycle between ${stuck.join(', ')}: no load order exists`);
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

/** The first table in `order` that comes before a table it references, or null when the order is loadable. */
export function firstOutOfOrder(order: string[], foreignKeys: ForeignKey[]): ForeignKey | null {
  const position = new Map(order.map((t, i) => [t, i]));
  for (const fk of foreignKeys) {
    const child = position.get(fk.child);
    const parent = position.get(fk.parent);
    if (child !== undefined && parent !== undefined && fk.child !== fk.parent && child < parent) return fk;
  }
  return null;
}

/**
 * The tables to TRUNCATE to empty `nonEmpty`: PostgreSQL only truncates a referenced table together with every table
 * that references it, so the set grows by those, transitively.
 */
export function truncationSet(nonEmpty: string[], foreignKeys: ForeignKey[]): string[] {
  const result = new Set(nonEmpty);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { child, parent } of foreignKeys) {
      if (result.has(parent) && !result.has(child)) {
        result.add(child);
        grew = true;
      }
    }
  }
  return [...result].sort();
}
