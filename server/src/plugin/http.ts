/**
 * The contract's ids for Vendure's rows. How a request is read (If-Match, Idempotency-Key, query and body)
 * is written once in src/contract/protocol.ts and applied to every route by route.ts.
 */
/** PostgreSQL's `integer`, the type of Vendure's primary keys and ours. */
const MAX_ROW_ID = 2 ** 31 - 1;

/** The contract's ids wrap Vendure's numeric ones, padded so a seeded shop has the same ids on every backend. */
export const ids = {
  product: (id: number | string) => `prod_${String(id).padStart(6, '0')}`,
  variant: (id: number | string) => `var_${String(id).padStart(7, '0')}`,
  staff: (id: number | string) => `staff_${id}`,
  audit: (id: number | string) => `aud_${String(id).padStart(6, '0')}`,
  /**
   * The numeric id behind a contract id, or null when it is not one of ours: no row has an id past PostgreSQL's
   * `integer`, which a query for `var_2379815418` would otherwise fail on (500 instead of 404).
   */
  parse(prefix: 'prod' | 'var' | 'staff' | 'view', id: string): number | null {
    const match = new RegExp(`^${prefix}_(\\d{1,10})$`).exec(id);
    const n = match ? Number(match[1]) : NaN;
    return n <= MAX_ROW_ID ? n : null;
  },
};
