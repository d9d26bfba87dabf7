import { z } from 'zod';
import { productListQuerySchema } from '@/api/schemas';
import { PAGE_SIZES } from '@/components/data-table/data-table';

const api = productListQuerySchema.shape;

/** The product list's view as it lives in the URL: page numbers from 1, filters as the API takes them. */
export const productListSearchSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .default(25),
  sort: api.sort,
  q: api.q,
  status: api.status,
  categoryId: api.categoryId,
  tag: api.tag,
  priceMin: api.priceMin,
  priceMax: api.priceMax,
});
export type ProductListSearch = z.infer<typeof productListSearchSchema>;
export type ProductListFilters = Omit<ProductListSearch, 'page' | 'pageSize' | 'sort'>;

export function searchToQuery({ page, pageSize, ...rest }: ProductListSearch) {
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}

export const PRODUCT_LIST_DEFAULTS = { page: 1, pageSize: 25, sort: '-updatedAt' } as const satisfies Partial<ProductListSearch>;
