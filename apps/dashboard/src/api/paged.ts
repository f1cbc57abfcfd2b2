/** Drops empty filter values so they never reach the URL or the query key as "". */
export function compactFilters<T extends object>(filters: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as Partial<T>;
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

/** Flattens the pages of a keyset-paginated list into one array. */
export function allItems<T>(pages: readonly Page<T>[] | undefined): T[] {
  return pages ? pages.flatMap((page) => page.items) : [];
}

export const firstPage: string | undefined = undefined;

export function nextCursor<T>(page: Page<T>): string | undefined {
  return page.next_cursor ?? undefined;
}
