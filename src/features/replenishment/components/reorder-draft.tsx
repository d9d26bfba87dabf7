/**
 * The rows chosen on the reorder view and the quantity to order of each, kept
 * by the page (they survive paging and filtering) and read by the cells that
 * show them, through context: the table's rows are memoised and its columns
 * stay the same while a quantity is typed.
 */
import { NumberInput } from '@mantine/core';
import { createContext, useContext } from 'react';
import type { ReorderRow } from '@/contract/replenishment-schemas';
import { formatCents } from '@/contract/values/money';
import { formatCount } from './labels';
import classes from './replenishment.module.css';

export type Picked = { row: ReorderRow; quantity: number };

export type ReorderDraft = {
  picked: Record<string, Picked>;
  setQuantity: (id: string, quantity: number) => void;
  /** The API's refusals of chosen rows (422, items.<i>.…), by row id. */
  errors: Record<string, string>;
  editable: boolean;
};

export const ReorderDraftContext = createContext<ReorderDraft>({ picked: {}, setQuantity: () => undefined, errors: {}, editable: false });

/** A level's row id: one variant at one location. */
export const reorderRowId = (row: Pick<ReorderRow, 'variantId' | 'locationId'>) => `${row.variantId}@${row.locationId}`;

/** The quantity to order: typed for a chosen row (from the suggestion), the suggestion otherwise. */
export function QuantityCell({ row, locationName }: { row: ReorderRow; locationName: string }) {
  const { picked, setQuantity, editable } = useContext(ReorderDraftContext);
  const id = reorderRowId(row);
  const chosen = picked[id];
  if (!chosen || !editable) return <span className={classes.number}>{formatCount(row.suggestedQuantity)}</span>;
  const invalid = !Number.isInteger(chosen.quantity) || chosen.quantity < 1;
  return (
    <NumberInput
      aria-label={`Units of ${row.sku} to order for ${locationName}`}
      size="xs"
      w={96}
      min={1}
      allowDecimal={false}
      allowNegative={false}
      value={Number.isNaN(chosen.quantity) ? '' : chosen.quantity}
      onChange={(v) => setQuantity(id, typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
      error={invalid ? 'Enter at least 1 unit' : undefined}
    />
  );
}

/** What the row's quantity costs at the variant's cost; a chosen row's typed quantity counts. */
export function LineCostCell({ row }: { row: ReorderRow }) {
  const { picked } = useContext(ReorderDraftContext);
  const quantity = picked[reorderRowId(row)]?.quantity ?? row.suggestedQuantity;
  if (row.unitCost === null) return <span className={classes.dimmed}>No cost</span>;
  return <span className={classes.number}>{Number.isInteger(quantity) ? formatCents(quantity * row.unitCost) : '—'}</span>;
}

/** The API's refusal of this row, beside it. */
export function RowError({ row }: { row: ReorderRow }) {
  const { errors } = useContext(ReorderDraftContext);
  const message = errors[reorderRowId(row)];
  return message ? (
    <span className={classes.rowError} role="alert">
      {message}
    </span>
  ) : null;
}
