/** Products (list, one, create, update, bulk status, CSV import), categories and tags. */
import type { HttpHandler } from 'msw';
import { idempotencyKeyRequired } from '../../src/contract/protocol';
import { ROUTES, routePath } from '../../src/contract/routes';
import { applyImport, dryRunImport } from '../product-import';
import { bulkUpdateStatus, createProduct, updateProduct } from '../product-writes';
import { productNotFound } from '../../src/domain/product-rules';
import type { RouteKit } from './route';

export function catalogueRoutes({ db, route }: RouteKit): HttpHandler[] {
  return [
    route('products.list', ({ query }) => db.listProducts(query)),
    route('products.get', ({ params }) => {
      const product = db.getProduct(params.id);
      if (!product) throw productNotFound(params.id);
      return product;
    }),
    // The key is optional (a create is not a bulk change), but honoured: a retried create makes one product.
    route('products.create', async ({ actor, body, idempotency, headers }) => {
      const product = await createProduct(db, actor, body, idempotency);
      headers.set('Location', routePath('products.get', { id: product.id }));
      return product;
    }),
    route('products.update', ({ actor, params, version, body }) => updateProduct(db, actor, params.id, version, body)),
    route('products.bulkStatus', ({ actor, body, idempotency }) => bulkUpdateStatus(db, actor, body, idempotency)),
    // A dry run changes nothing and needs no key; applying the file does.
    route('products.import', async ({ actor, body, idempotency }) => {
      if (body.dryRun) return dryRunImport(db, body.csv);
      if (!idempotency) throw idempotencyKeyRequired(ROUTES['products.import'].idempotency.what);
      return applyImport(db, actor, body.csv, idempotency);
    }),
    route('categories.list', () => ({ items: db.categories() })),
    route('tags.list', () => ({ items: db.tags() })),
  ];
}
