import type { PricePreviewRow } from '@/contract/pricing-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { centsToInput } from '@/contract/values/money';
import { PRICE_FLAG_LABELS } from '@/domain/price-rules';
import { Flags, FromTo, fromToColumns, MarginFromTo } from './price-cells';

const helper = createDataTableColumnHelper<PricePreviewRow>();

/** The preview lists variants in the selection's order; it pages but does not sort. */
export const previewColumns = helper.columns([
  ...fromToColumns<PricePreviewRow>(),
  helper.accessor('cost', {
    id: 'cost',
    header: 'Cost',
    enableSorting: false,
    cell: ({ getValue }) => <FromTo from={getValue()} to={getValue()} />,
  }),
  helper.accessor('marginAfter', {
    id: 'margin',
    header: 'Margin',
    enableSorting: false,
    cell: ({ row }) => <MarginFromTo before={row.original.marginBefore} after={row.original.marginAfter} />,
  }),
  helper.accessor('flags', { id: 'flags', header: 'Flags', enableSorting: false, cell: ({ row }) => <Flags row={row.original} /> }),
]);

const usd = (cents: number | null) => (cents === null ? '' : centsToInput(cents));

export const previewCsvColumns: CsvColumn<PricePreviewRow>[] = [
  { header: 'sku', value: (r) => r.sku },
  { header: 'title', value: (r) => r.title },
  { header: 'price_usd', value: (r) => usd(r.from.price) },
  { header: 'new_price_usd', value: (r) => usd(r.to.price) },
  { header: 'compare_at_usd', value: (r) => usd(r.from.compareAtPrice) },
  { header: 'new_compare_at_usd', value: (r) => usd(r.to.compareAtPrice) },
  { header: 'cost_usd', value: (r) => usd(r.cost) },
  { header: 'flags', value: (r) => r.flags.map((f) => PRICE_FLAG_LABELS[f]).join('; ') },
];
