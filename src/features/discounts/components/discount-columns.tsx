import { Link } from '@tanstack/react-router';
import type { Discount } from '@/contract/discount-schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatMoment } from '@/lib/date-format';
import { centsToInput, formatCents } from '@/contract/values/money';
import { formatDiscountValue, KIND_LABELS, STATUS_LABELS, TYPE_LABELS } from '../discount-labels';
import tableLink from '@/components/table-link.module.css';
import classes from './discounts.module.css';

const helper = createDataTableColumnHelper<Discount>();

/** "12" or "12 of 500". */
export function formatUses(d: Pick<Discount, 'uses' | 'usageLimit'>): string {
  const uses = d.uses.toLocaleString('en-US');
  return d.usageLimit === null ? uses : `${uses} of ${d.usageLimit.toLocaleString('en-US')}`;
}

/** "Mar 11, 2027, 12:00 AM ET", free to break after the day so the list keeps its columns in view. */
function Moment({ iso }: { iso: string }) {
  const text = formatMoment(iso);
  const cut = text.indexOf(', ', text.indexOf(', ') + 2);
  return (
    <time className={classes.moment} dateTime={iso}>
      <span className={classes.when}>{cut > 0 ? text.slice(0, cut + 1) : text}</span>{' '}
      {cut > 0 && <span className={classes.when}>{text.slice(cut + 2)}</span>}
    </time>
  );
}

/** Column ids that sort are the API's sort keys, so the table's sort state is the URL's. */
export function discountColumns() {
  return helper.columns([
    helper.accessor('title', {
      id: 'title',
      header: 'Discount',
      enableHiding: false,
      cell: ({ row }) => {
        const d = row.original;
        return (
          <div className={classes.discount}>
            <Link className={tableLink.link} to="/discounts/$discountId" params={{ discountId: d.id }}>
              {d.code === null ? d.title : <span className={classes.code}>{d.code}</span>}
            </Link>
            {d.code !== null && <div className={classes.sub}>{d.title}</div>}
          </div>
        );
      },
    }),
    helper.accessor('kind', { id: 'kind', header: 'Kind', enableSorting: false, cell: ({ getValue }) => KIND_LABELS[getValue()] }),
    helper.accessor('value', {
      id: 'value',
      header: 'Value',
      enableSorting: false,
      cell: ({ row }) => <span className={classes.when}>{formatDiscountValue(row.original)}</span>,
    }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => (
        <span className={classes.status} data-status={getValue()}>
          {STATUS_LABELS[getValue()]}
        </span>
      ),
    }),
    helper.accessor('startsAt', {
      id: 'startsAt',
      header: 'Starts',
      cell: ({ getValue }) => <Moment iso={getValue()} />,
    }),
    helper.accessor('endsAt', {
      id: 'endsAt',
      header: 'Ends',
      enableSorting: false,
      cell: ({ getValue }) => {
        const ends = getValue();
        return ends === null ? <span className={classes.sub}>No end</span> : <Moment iso={ends} />;
      },
    }),
    helper.accessor('uses', {
      id: 'uses',
      header: 'Uses',
      cell: ({ row }) => <span className={classes.when}>{formatUses(row.original)}</span>,
    }),
    helper.accessor('revenue', {
      id: 'revenue',
      header: 'Revenue',
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
    }),
    helper.accessor('discountGiven', {
      id: 'discountGiven',
      header: 'Discount given',
      cell: ({ getValue }) => <span className={classes.number}>{formatCents(getValue())}</span>,
    }),
  ]);
}

export const discountCsvColumns: CsvColumn<Discount>[] = [
  { header: 'id', value: (d) => d.id },
  { header: 'code', value: (d) => d.code },
  { header: 'title', value: (d) => d.title },
  { header: 'kind', value: (d) => d.kind },
  { header: 'type', value: (d) => TYPE_LABELS[d.type] },
  { header: 'value', value: (d) => formatDiscountValue(d) },
  { header: 'status', value: (d) => d.status },
  { header: 'starts_at', value: (d) => csvMoment(d.startsAt) },
  { header: 'ends_at', value: (d) => (d.endsAt === null ? null : csvMoment(d.endsAt)) },
  { header: 'uses', value: (d) => d.uses },
  { header: 'usage_limit', value: (d) => d.usageLimit },
  { header: 'revenue_usd', value: (d) => centsToInput(d.revenue) },
  { header: 'discount_given_usd', value: (d) => centsToInput(d.discountGiven) },
];
