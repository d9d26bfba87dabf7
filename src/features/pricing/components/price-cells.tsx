import { Badge, Group, Text } from '@mantine/core';
import type { PricePreviewRow } from '@/contract/pricing-schemas';
import { AnchorLink } from '@/components/anchor-link';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import { formatCents, formatPermille } from '@/contract/values/money';
import { PRICE_FLAG_LABELS, type PricePoint } from '@/domain/price-rules';
import classes from './pricing.module.css';

const money = (cents: number | null) => (cents === null ? '—' : formatCents(cents));

/** "$24.99 → $19.99"; the new value stands out only when it differs. */
export function FromTo({ from, to }: { from: number | null; to: number | null }) {
  if (from === to) return <span>{money(to)}</span>;
  return (
    <span className={classes.fromTo}>
      <span className={classes.old}>{money(from)}</span>
      <span aria-label="becomes"> → </span>
      <strong>{money(to)}</strong>
    </span>
  );
}

export function PriceFromTo({ from, to }: { from: PricePoint | null; to: PricePoint }) {
  return <FromTo from={from?.price ?? null} to={to.price} />;
}

export function CompareAtFromTo({ from, to }: { from: PricePoint | null; to: PricePoint }) {
  return <FromTo from={from?.compareAtPrice ?? null} to={to.compareAtPrice} />;
}

export function MarginFromTo({ before, after }: { before: number | null; after: number | null }) {
  const show = (m: number | null) => (m === null ? '—' : formatPermille(m));
  return before === after ? (
    <span>{show(after)}</span>
  ) : (
    <span className={classes.fromTo}>
      <span className={classes.old}>{show(before)}</span>
      <span aria-label="becomes"> → </span>
      <span className={after !== null && after < 0 ? classes.bad : undefined}>{show(after)}</span>
    </span>
  );
}

export function Flags({ row }: { row: Pick<PricePreviewRow, 'flags' | 'floored'> }) {
  if (!row.flags.length && !row.floored) return null;
  return (
    <Group gap={4} wrap="wrap">
      {row.flags.map((f) => (
        <Badge key={f} color="red" variant="dot" size="sm">
          {PRICE_FLAG_LABELS[f]}
        </Badge>
      ))}
      {row.floored && (
        <Badge color="blue" variant="dot" size="sm">
          Raised to margin floor
        </Badge>
      )}
    </Group>
  );
}

/** The variant's name links to its product, where its prices are edited one by one. */
export function VariantCell({ title, sku, productId }: { title: string; sku: string; productId: string }) {
  return (
    // Long names wrap, so the price, cost, margin and flag columns fit beside the form on a laptop.
    <div className={classes.variant}>
      <AnchorLink to="/products/$productId" params={{ productId }} size="sm" fw={500}>
        {title}
      </AnchorLink>
      <Text size="xs" c="dimmed">
        {sku}
      </Text>
    </div>
  );
}

type FromToRow = { productId: string; sku: string; title: string; from: PricePoint; to: PricePoint };

/** Variant, price and compare-at, old → new: the first columns of the preview and of a batch's variants. */
export function fromToColumns<Row extends FromToRow>() {
  const helper = createDataTableColumnHelper<Row>();
  return helper.columns([
    helper.display({
      id: 'variant',
      header: 'Variant',
      enableHiding: false,
      cell: ({ row }) => <VariantCell title={row.original.title} sku={row.original.sku} productId={row.original.productId} />,
    }),
    helper.display({ id: 'price', header: 'Price', cell: ({ row }) => <PriceFromTo from={row.original.from} to={row.original.to} /> }),
    helper.display({
      id: 'compareAt',
      header: 'Compare-at',
      cell: ({ row }) => <CompareAtFromTo from={row.original.from} to={row.original.to} />,
    }),
  ]);
}
