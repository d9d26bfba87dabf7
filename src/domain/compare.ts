/** Text in byte order, as SQLite compares it and PostgreSQL with COLLATE "C": the one tie-break both backends and the mock share. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
