import { Link } from '@tanstack/react-router';
import type { ProductStatus, ProductSummary } from '@/contract/schemas';
import { createDataTableColumnHelper } from '@/components/data-table/data-table';
import type { CsvColumn } from '@/lib/csv';
import { csvMoment, formatMoment } from '@/lib/date-format';
import { centsToInput, formatCents } from '@/contract/values/money';
import classes from './product-columns.module.css';
import { PRODUCT_STATUS_LABELS } from '@/lib/status-labels';

const helper = createDataTableColumnHelper<ProductSummary>();

// Cells are plain elements styled by a CSS module: a page of products is a few hundred of them.

export const STATUS_COLORS: Record<ProductStatus, string> = { active: 'green', draft: 'gray', archived: 'orange' };

function priceRange(p: ProductSummary) {
  return p.priceMin === p.priceMax ? formatCents(p.priceMin) : `${formatCents(p.priceMin)} – ${formatCents(p.priceMax)}`;
}

/** Column ids that sort are the API's sort keys, so the table's sort state is the URL's. */
export function productColumns(categoryName: (id: string) => string) {
  return helper.columns([
    helper.accessor('title', {
      id: 'title',
      header: 'Product',
      enableHiding: false,
      cell: ({ row }) => (
        <div className={classes.product}>
          {row.original.imageUrl ? (
            <img className={classes.thumb} src={row.original.imageUrl} alt="" width={36} height={36} loading="lazy" />
          ) : (
            <span className={classes.thumb} aria-hidden />
          )}
          <div>
            <Link className={classes.title} to="/products/$productId" params={{ productId: row.original.id }}>
              {row.original.title}
            </Link>
            <div className={classes.skus}>
              {row.original.skus.slice(0, 2).join(', ')}
              {row.original.skus.length > 2 ? ` +${row.original.skus.length - 2}` : ''}
            </div>
          </div>
        </div>
      ),
    }),
    helper.accessor('status', {
      id: 'status',
      header: 'Status',
      enableSorting: false,
      cell: ({ getValue }) => (
        <span className={classes.status} data-status={getValue()}>
          {PRODUCT_STATUS_LABELS[getValue()]}
        </span>
      ),
    }),
    helper.accessor('categoryId', {
      id: 'category',
      header: 'Category',
      enableSorting: false,
      cell: ({ getValue }) => categoryName(getValue()),
    }),
    helper.accessor('variantCount', { id: 'variantCount', header: 'SKUs', cell: ({ getValue }) => getValue() }),
    helper.accessor('priceMin', { id: 'price', header: 'Price', cell: ({ row }) => priceRange(row.original) }),
    helper.accessor('stock', {
      id: 'stock',
      header: 'Stock',
      cell: ({ getValue }) => <span className={getValue() <= 0 ? classes.out : undefined}>{getValue().toLocaleString('en-US')}</span>,
    }),
    helper.accessor('tags', {
      id: 'tags',
      header: 'Tags',
      enableSorting: false,
      cell: ({ getValue }) => getValue().join(', '),
    }),
    helper.accessor('updatedAt', {
      id: 'updatedAt',
      header: 'Updated',
      cell: ({ getValue }) => <time dateTime={getValue()}>{formatMoment(getValue())}</time>,
    }),
  ]);
}

export function productCsvColumns(categoryName: (id: string) => string): CsvColumn<ProductSummary>[] {
  return [
    { header: 'id', value: (p) => p.id },
    { header: 'title', value: (p) => p.title },
    { header: 'handle', value: (p) => p.handle },
    { header: 'status', value: (p) => p.status },
    { header: 'category', value: (p) => categoryName(p.categoryId) },
    { header: 'tags', value: (p) => p.tags.join('; ') },
    { header: 'skus', value: (p) => p.skus.join('; ') },
    { header: 'variants', value: (p) => p.variantCount },
    { header: 'price_min_usd', value: (p) => centsToInput(p.priceMin) },
    { header: 'price_max_usd', value: (p) => centsToInput(p.priceMax) },
    { header: 'stock', value: (p) => p.stock },
    { header: 'updated_at', value: (p) => csvMoment(p.updatedAt) },
  ];
}
