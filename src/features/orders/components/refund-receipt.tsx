import { Table } from '@mantine/core';
import type { OrderLine } from '@/contract/order-schemas';
import { formatCents } from '@/contract/values/money';
import { formatUnits } from './order-labels';
import classes from './orders.module.css';
import stacked from '@/components/stacked-table/stacked-table.module.css';

/** What some units of a line are refunded at (lineRefundParts): their price, discount share, tax share and the amount. */
export type LineParts = { merchandise: number; discount: number; tax: number; amount: number };
export type ReceiptLine = { line: Pick<OrderLine, 'id' | 'sku' | 'unitPrice' | 'variantId'>; quantity: number; parts: LineParts };

/** "2 × $49.99 − $10.00 discount + $5.30 tax": how a line's amount is made, in one line of text. */
export function partsFormula(unitPrice: number, quantity: number, parts: Pick<LineParts, 'discount' | 'tax'>): string {
  return [
    `${formatUnits(quantity)} × ${formatCents(unitPrice)}`,
    parts.discount > 0 ? ` − ${formatCents(parts.discount)} discount` : '',
    parts.tax > 0 ? ` + ${formatCents(parts.tax)} tax` : '',
  ].join('');
}

/** A deduction shown as such: −$2.00. */
export function minus(cents: number): string {
  return cents === 0 ? formatCents(0) : `−${formatCents(cents)}`;
}

type RefundReceiptProps = {
  label: string;
  lines: readonly ReceiptLine[];
  /** The shipping fee refunded with it (0: no row). */
  shipping?: number;
  /** Taken off what an exchange left owed instead of paid back (0: no row). */
  waived?: number;
  /** On top of the units (a goodwill credit), or below them (an amount edited down, or capped at what is left). */
  adjustment?: number;
  /** Its row's name: "Extra amount", "Edited down". */
  adjustmentLabel?: string;
  total: number;
};

/**
 * A refund as a receipt: per line the unit price, units, discount share, tax share and amount; then shipping
 * and any other amount apart, and the total. On a phone each line stacks.
 */
export function RefundReceipt({ label, lines, shipping = 0, waived = 0, adjustment = 0, adjustmentLabel, total }: RefundReceiptProps) {
  return (
    <Table aria-label={label} verticalSpacing={4} className={stacked.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th className={classes.heading}>Unit price</Table.Th>
          <Table.Th className={classes.heading}>Units</Table.Th>
          <Table.Th className={classes.heading}>Discount share</Table.Th>
          <Table.Th className={classes.heading}>Tax share</Table.Th>
          <Table.Th className={classes.heading}>Amount</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map(({ line, quantity, parts }) => (
          <Table.Tr key={line.id}>
            <Table.Td className={`${classes.sku} ${stacked.lead}`}>{line.sku}</Table.Td>
            <Table.Td className={classes.right} data-label="Unit price">
              {formatCents(line.unitPrice)}
            </Table.Td>
            <Table.Td className={classes.right} data-label="Units">
              {formatUnits(quantity)}
            </Table.Td>
            <Table.Td className={classes.right} data-label="Discount share">
              {minus(parts.discount)}
            </Table.Td>
            <Table.Td className={classes.right} data-label="Tax share">
              {formatCents(parts.tax)}
            </Table.Td>
            <Table.Td className={classes.right} data-label="Amount">
              {formatCents(parts.amount)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        {waived > 0 && <TotalRow label="Less what the customer owed, waived" value={minus(waived)} />}
        {shipping > 0 && <TotalRow label="Shipping" value={formatCents(shipping)} />}
        {adjustment !== 0 && (
          <TotalRow
            label={adjustmentLabel ?? (adjustment > 0 ? 'Extra amount' : 'Less')}
            value={adjustment > 0 ? formatCents(adjustment) : minus(-adjustment)}
          />
        )}
        <TotalRow label="Total" value={formatCents(total)} strong />
      </Table.Tfoot>
    </Table>
  );
}

function TotalRow({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Th colSpan={5} scope="row" className={classes.right} fw={strong ? 700 : 400}>
        {label}
      </Table.Th>
      <Table.Td className={classes.right} fw={strong ? 700 : 400}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
