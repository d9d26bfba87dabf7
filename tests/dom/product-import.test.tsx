import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/contract/schemas';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi({ role: 'merchandiser' });

async function firstProduct(): Promise<Product> {
  const page = (await (await fetch('/api/products?limit=1')).json()) as { items: { id: string }[] };
  return (await (await fetch(`/api/products/${page.items[0]!.id}`)).json()) as Product;
}

describe('product import', () => {
  it('opens from the products list and from the old pricing address', async () => {
    const { history, user } = renderApp('/products');
    await user.click(await screen.findByRole('link', { name: 'Import CSV' }));
    await screen.findByRole('heading', { name: 'Import products' });
    expect(history.location.pathname).toBe('/products/import');
    history.push('/pricing/import');
    await waitFor(() => expect(history.location.pathname).toBe('/products/import'));
    expect(screen.queryByRole('navigation', { name: 'Pricing' })).not.toBeInTheDocument();
  });

  it('previews every field each row sets, a new product’s variants under it, and imports them as one product', async () => {
    const known = await firstProduct();
    const v = known.variants[0]!;
    const csv = [
      'handle,sku,title,category,status,price,compare_at_price,cost,barcode,tags,option1_name,option1_value,option2_name,option2_value',
      'dom-import-band,DOM-BAND-BLK-S,Dom Import Band,Wearables,active,49.99,59.99,20.00,,fitness; new,Color,Black,Size,S',
      'dom-import-band,DOM-BAND-BLK-M,,,,49.99,,20.00,,,Color,Black,Size,M',
      `,${v.sku},,,,${((v.price + 100) / 100).toFixed(2)},,,,,,,,`,
      'dom-import-band,DOM-BAND-RED-S,,,,52.99,,21.00,,,Color,Red,Size,S',
    ].join('\r\n');
    const { user } = renderApp('/products/import');
    await user.upload(await screen.findByLabelText(/CSV file/), new File([csv], 'variants.csv', { type: 'text/csv' }));

    const table = await screen.findByRole('table', { name: 'Import rows' });
    const groups = within(table).getAllByRole('rowgroup').slice(1);
    expect(groups).toHaveLength(2);
    const [product, update] = groups;
    const header = within(product!).getByRole('rowheader');
    expect(header).toHaveTextContent('New product: Dom Import Band (3 variants)');
    expect(header).toHaveTextContent('Handle: dom-import-band · Category: Wearables · Status: Active · Tags: fitness, new');
    const variants = within(product!).getAllByRole('row').slice(1);
    expect(variants.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual([
      'DOM-BAND-BLK-S',
      'DOM-BAND-BLK-M',
      'DOM-BAND-RED-S',
    ]);
    expect(variants[0]).toHaveTextContent('Options: Color: Black, Size: S');
    expect(variants[0]).toHaveTextContent('Price: $49.99');
    expect(variants[0]).toHaveTextContent('Compare-at: $59.99');
    expect(variants[0]).toHaveTextContent('Cost: $20.00');
    expect(variants[2]).toHaveTextContent('Options: Color: Red, Size: S');
    expect(within(update!).getByRole('row')).toHaveTextContent(
      `Price: $${(v.price / 100).toFixed(2)} → $${((v.price + 100) / 100).toFixed(2)}`,
    );
    expect(screen.getByText(/3 to create/)).toHaveTextContent('3 to create (1 new product)');

    await user.click(screen.getByRole('button', { name: 'Import 4 rows' }));
    await screen.findByText('Products imported');
    const applied = received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/products/import');
    expect(applied.at(-1)!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const found = (await (await fetch('/api/products?q=DOM-BAND')).json()) as { items: { id: string }[] };
    expect(found.items).toHaveLength(1);
  });
});
