/**
 * Additional data naming where a sealed value lives, e.g.
 * `composeAad('vendor_connections', 'credential', row.id, vendor, baseUrlHost)`. Each part is
 * length-prefixed, so no two different lists of parts produce the same string. Binding the table
 * and column (not only the row id) stops a value being swapped between columns; binding the
 * vendor host stops a stored credential being replayed to another endpoint.
 */
export function composeAad(...parts: readonly string[]): string {
  return parts.map((part) => `${part.length}:${part}`).join('|');
}
