import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockDb } from '../../mocks/node';
import { received, renderApp, setupMockApi } from './app-harness';

setupMockApi();

function posted(path: string) {
  return received.filter((r) => r.method !== 'GET' && new URL(r.url).pathname === path);
}

async function chooseCategory(user: ReturnType<typeof renderApp>['user'], name: string) {
  await user.click(screen.getByLabelText(/^Category/, { selector: 'input:not([type=hidden])' }));
  await user.click(await screen.findByRole('option', { name }));
}

describe('product editor', () => {
  it('creates a product with two variants, sending integer cents, and opens it', async () => {
    const { user, history } = renderApp('/products/new');
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Volt Mini Charger & Cable');
    expect(screen.getByRole('textbox', { name: /^Handle/ })).toHaveValue('volt-mini-charger-and-cable');
    await chooseCategory(user, 'Power');

    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.type(screen.getByRole('textbox', { name: 'Option 1 name' }), 'Color');
    await user.type(screen.getByLabelText('Option 1 values', { selector: 'input:not([type=hidden])' }), 'Black{Enter}White{Enter}');
    const variants = await screen.findByRole('table', { name: 'Variants' });
    await waitFor(() => expect(within(variants).getAllByRole('row')).toHaveLength(3));

    await user.type(screen.getByRole('textbox', { name: 'SKU of Black' }), 'VOLT-MINI-BLK');
    await user.type(screen.getByRole('textbox', { name: 'SKU of White' }), 'VOLT-MINI-WHT');
    await user.type(screen.getByRole('textbox', { name: 'Barcode of Black' }), '036000291452');
    await user.type(screen.getByRole('textbox', { name: 'Price of Black' }), '29.99');
    await user.type(screen.getByRole('textbox', { name: 'Cost of Black' }), '12.4');
    expect(screen.getByLabelText('Margin of Black')).toHaveTextContent('58.7%');
    await user.type(screen.getByRole('textbox', { name: 'Price of White' }), '$1,029.99');
    await user.type(screen.getByRole('textbox', { name: 'Compare-at price of White' }), '1100');

    await user.click(screen.getByRole('button', { name: 'Create product' }));
    await waitFor(() => expect(history.location.pathname).toMatch(/^\/products\/(?!new)/));

    const [request] = posted('/api/products');
    const body = await request!.json();
    expect(body.variants).toEqual([
      expect.objectContaining({
        optionValues: ['Black'],
        sku: 'VOLT-MINI-BLK',
        barcode: '036000291452',
        price: 2999,
        cost: 1240,
        compareAtPrice: null,
      }),
      expect.objectContaining({
        optionValues: ['White'],
        sku: 'VOLT-MINI-WHT',
        barcode: null,
        price: 102999,
        compareAtPrice: 110000,
        cost: null,
      }),
    ]);
    const id = history.location.pathname.split('/').pop()!;
    expect(mockDb().getProduct(id)).toMatchObject({ title: 'Volt Mini Charger & Cable', categoryId: 'power', version: 1 });
    expect(await screen.findByRole('heading', { name: /Volt Mini Charger & Cable/ })).toBeInTheDocument();
  });

  it('shows each wrong field beside it and sends nothing', async () => {
    const { user } = renderApp('/products/new');
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Test');
    await user.type(screen.getByRole('textbox', { name: 'SKU of Default' }), 'has space');
    await user.type(screen.getByRole('textbox', { name: 'Barcode of Default' }), '036000291453');
    await user.type(screen.getByRole('textbox', { name: 'Price of Default' }), '19.99');
    await user.type(screen.getByRole('textbox', { name: 'Compare-at price of Default' }), '9.99');
    await user.type(screen.getByRole('textbox', { name: 'Cost of Default' }), '12.345');
    await user.click(screen.getByRole('button', { name: 'Add image' }));
    await user.type(screen.getByRole('textbox', { name: 'Image 1 address' }), 'http://127.0.0.1:22/');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    expect(await screen.findByText('Compare-at price must be above the price')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Compare-at price of Default' })).toHaveAccessibleDescription(
      'Compare-at price must be above the price',
    );
    expect(screen.getByRole('textbox', { name: 'Barcode of Default' })).toHaveAccessibleDescription(
      'The check digit does not match: check the barcode',
    );
    expect(screen.getByRole('textbox', { name: 'SKU of Default' })).toHaveAccessibleDescription(
      'Letters, digits, dot, dash and underscore only',
    );
    expect(screen.getByRole('textbox', { name: 'Cost of Default' })).toHaveAccessibleDescription(
      'Enter an amount in dollars and cents, like 19.99',
    );
    expect(screen.getByLabelText(/^Category/, { selector: 'input:not([type=hidden])' })).toHaveAccessibleDescription('Choose a category');
    expect(screen.getByRole('textbox', { name: 'Image 1 address' })).toHaveAccessibleDescription(
      'Enter an https:// address, like https://images.example.com/photo.jpg',
    );
    // The preview does not fetch an address the API would refuse.
    expect(document.querySelector('img[src^="http://127.0.0.1"]')).toBeNull();
    expect(posted('/api/products')).toHaveLength(0);
  });

  it('says nothing about a new option until it is left or the form is sent, and clears a message as soon as the field is right', async () => {
    const { user } = renderApp('/products/new');
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Volt Mini');
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    const name = screen.getByRole('textbox', { name: 'Option 1 name' });
    const values = screen.getByLabelText('Option 1 values', { selector: 'input:not([type=hidden])' });
    // An empty new row is not a mistake yet (react-hook-form checks the whole list as a row is added).
    expect(name).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Name the option')).not.toBeInTheDocument();
    expect(screen.queryByText('Add at least one value')).not.toBeInTheDocument();
    // The same for a new image row.
    await user.click(screen.getByRole('button', { name: 'Add image' }));
    expect(screen.getByRole('textbox', { name: 'Image 1 address' })).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Remove image 1' }));

    // Typing a name says nothing ("Name the option" stayed red beside "Color"), leaving it filled says nothing.
    // (The form checks each keystroke asynchronously: on a busy machine the last check lands after the typing.)
    await user.type(name, 'Color');
    await waitFor(() => expect(screen.queryByText('Name the option')).not.toBeInTheDocument());
    await user.tab();
    await waitFor(() => expect(screen.queryByText('Name the option')).not.toBeInTheDocument());
    // Leaving the values empty says so, on leaving.
    await user.tab();
    expect(await screen.findByText('Add at least one value')).toBeInTheDocument();
    expect(values).toHaveAccessibleDescription('Add at least one value');

    // Emptying the name says so on leaving it; the first letter typed back clears it.
    await user.clear(name);
    await user.tab();
    await waitFor(() => expect(name).toHaveAccessibleDescription('Name the option'));
    await user.type(name, 'C');
    await waitFor(() => expect(screen.queryByText('Name the option')).not.toBeInTheDocument());
    await user.type(values, 'Black{Enter}');
    await waitFor(() => expect(screen.queryByText('Add at least one value')).not.toBeInTheDocument());

    // A second option, left untouched, is told only when the form is sent.
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    const second = screen.getByRole('textbox', { name: 'Option 2 name' });
    expect(second).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Name the option')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create product' }));
    await waitFor(() => expect(second).toHaveAccessibleDescription('Name the option'));
    expect(screen.getByLabelText('Option 2 values', { selector: 'input:not([type=hidden])' })).toHaveAccessibleDescription(
      'Add at least one value',
    );
    // After sending, a message goes as soon as the field is right: no need to leave it first.
    await user.type(second, 'S');
    await waitFor(() => expect(second).not.toHaveAccessibleDescription('Name the option'));
    expect(posted('/api/products')).toHaveLength(0);
  });

  it("puts the API's refusal beside the field it names", async () => {
    const taken = mockDb().getProduct('prod_000002')!;
    const { user } = renderApp('/products/new');
    await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Another title');
    const handle = screen.getByRole('textbox', { name: /^Handle/ });
    await user.clear(handle);
    await user.type(handle, taken.handle);
    await chooseCategory(user, 'Audio');
    await user.type(screen.getByRole('textbox', { name: 'SKU of Default' }), taken.variants[0]!.sku.toLowerCase());
    await user.type(screen.getByRole('textbox', { name: 'Price of Default' }), '5');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    const sku = screen.getByRole('textbox', { name: 'SKU of Default' });
    await waitFor(() => expect(posted('/api/products')).toHaveLength(1));
    await waitFor(() => expect(sku).toHaveAccessibleDescription(new RegExp(`already uses this SKU.*${escape(taken.title)}`)));
    expect(screen.getByText(/already uses this handle/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Handle/ })).toHaveAccessibleDescription(/already uses this handle/);
    expect(screen.getByRole('alert', { name: 'The product was not saved' })).toBeInTheDocument();
    expect(posted('/api/products')).toHaveLength(1);
  });

  it('shows what someone else changed instead of overwriting it, then saves deliberately', async () => {
    const product = mockDb().getProduct('prod_000001')!;
    const { user } = renderApp(`/products/${product.id}`);
    const title = await screen.findByRole('textbox', { name: /^Title/ });

    // A colleague saves a new price after this screen loaded it.
    const theirs = structuredClone(product);
    theirs.variants[0]!.price += 100;
    const colleague = await fetch(`/api/products/${product.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${product.version}"` },
      body: JSON.stringify({ ...theirs, variants: theirs.variants.map(({ stock: _s, version: _v, productId: _p, ...v }) => v) }),
    });
    expect(colleague.status).toBe(200);

    await user.clear(title);
    await user.type(title, 'Renamed by me');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this product' });
    const changes = within(dialog).getByRole('table', { name: 'What changed' });
    const label = product.variants[0]!.optionValues.join(' / ') || 'Default';
    const row = within(changes).getByRole('row', { name: new RegExp(`${escape(label)}: Price`) });
    expect(row).toHaveTextContent(`$${(theirs.variants[0]!.price / 100).toFixed(2)}`);
    expect(mockDb().getProduct(product.id)!.title).toBe(product.title);

    await user.click(within(dialog).getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(() => expect(mockDb().getProduct(product.id)!.title).toBe('Renamed by me'));
    const puts = received.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual([
      `"${product.version}"`,
      `"${product.version}"`,
      `"${product.version + 1}"`,
    ]);
    expect(mockDb().getProduct(product.id)!.version).toBe(product.version + 2);
  });

  it('loads their version when asked, discarding the edit', async () => {
    const product = mockDb().getProduct('prod_000003')!;
    const { user } = renderApp(`/products/${product.id}`);
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    const input = {
      ...product,
      title: 'Their title',
      variants: product.variants.map(({ stock: _s, version: _v, productId: _p, ...v }) => v),
    };
    await fetch(`/api/products/${product.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${product.version}"` },
      body: JSON.stringify(input),
    });

    await user.type(title, ' mine');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this product' });
    expect(within(dialog).getByRole('row', { name: /Title/ })).toHaveTextContent(`${product.title}Their title${product.title} mine`);
    await user.click(within(dialog).getByRole('button', { name: 'Load their version (discard mine)' }));
    await waitFor(() => expect(title).toHaveValue('Their title'));
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
