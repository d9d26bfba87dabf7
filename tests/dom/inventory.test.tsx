import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, signInAs } from '../../mocks/node';
import type { InventoryLevel, StockMovement } from '../../src/contract/stock-schemas';
import { received, renderApp, searchesOf, setupMockApi } from './app-harness';

setupMockApi();

const EDISON = { id: 'edison-nj', name: 'Edison, NJ' };

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  return (await response.json()) as T;
}

/** The best-stocked level at Edison: room to take units away. */
async function stockedLevel(): Promise<InventoryLevel> {
  const { items } = await api<{ items: InventoryLevel[] }>(`/api/inventory?locationId=${EDISON.id}&sort=-available&limit=1`);
  return items[0]!;
}

async function levelNow(variantId: string, locationId: string): Promise<InventoryLevel> {
  const { items } = await api<{ items: InventoryLevel[] }>(`/api/inventory?variantId=${variantId}&limit=10`);
  return items.find((l) => l.locationId === locationId)!;
}

async function rowsOf(table: HTMLElement) {
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'));
  return within(table).getAllByRole('row').slice(1);
}

function posts(pathname: string) {
  return received.filter((r) => r.method === 'POST' && new URL(r.url).pathname === pathname);
}

async function chooseOption(user: ReturnType<typeof renderApp>['user'], label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function openAction(user: ReturnType<typeof renderApp>['user'], level: InventoryLevel, item: string) {
  await user.click(await screen.findByRole('button', { name: `Stock actions for ${level.sku} at ${EDISON.name}` }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  return screen.findByRole('dialog');
}

describe('inventory list', () => {
  it('asks the API for the view in the URL, columns hidden by the URL stay hidden', async () => {
    const { history, user } = renderApp(
      `/inventory?locationId=${EDISON.id}&state=low,out&low=true&sort=-available&page=2&pageSize=10&hide=reserved`,
    );
    const table = await screen.findByRole('table', { name: 'Inventory' });
    await waitFor(() => expect(searchesOf('/api/inventory').length).toBeGreaterThan(0));
    expect(Object.fromEntries(searchesOf('/api/inventory').at(-1)!)).toEqual({
      locationId: EDISON.id,
      state: 'low,out',
      low: 'true',
      sort: '-available',
      offset: '10',
      limit: '10',
    });
    await rowsOf(table);
    expect(within(table).queryByRole('columnheader', { name: /Reserved/ })).not.toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Available/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('switch', { name: /Running low/ })).toBeChecked();

    await user.click(within(table).getByRole('button', { name: /On hand/ }));
    await waitFor(() => expect(history.location.search).toMatch(/sort=-?onHand/));
    expect(history.location.search).not.toContain('page=2');

    await user.click(screen.getByRole('switch', { name: /Running low/ }));
    await waitFor(() => expect(history.location.search).not.toContain('low='));
    await waitFor(() => expect(searchesOf('/api/inventory').at(-1)!.get('low')).toBeNull());
  });

  it('names the warehouses once their names arrive, even after the rows', async () => {
    // Falls through to the real handler after the wait.
    server.use(http.get('/api/locations', () => delay(400)));
    renderApp(`/inventory?locationId=${EDISON.id}&pageSize=10`);
    const table = await screen.findByRole('table', { name: 'Inventory' });
    const rows = await rowsOf(table);
    expect(within(rows[0]!).getAllByRole('cell')[2]).toHaveTextContent(EDISON.id);
    await waitFor(() => {
      for (const row of within(table).getAllByRole('row').slice(1))
        expect(within(row).getAllByRole('cell')[2]).toHaveTextContent(EDISON.name);
    });
  });

  it('a bad parameter falls back to its default', async () => {
    renderApp('/inventory?sort=bogus&state=nope&low=maybe&page=-1');
    await screen.findByRole('table', { name: 'Inventory' });
    await waitFor(() => expect(searchesOf('/api/inventory').length).toBeGreaterThan(0));
    expect(Object.fromEntries(searchesOf('/api/inventory').at(-1)!)).toEqual({ sort: 'sku', offset: '0', limit: '25' });
  });

  it('says days of cover one way per situation: "Out" with nothing available, "No sales" with stock that did not sell', async () => {
    const { items } = await api<{ items: InventoryLevel[] }>('/api/inventory?limit=500');
    const cases: [InventoryLevel | undefined, RegExp][] = [
      [items.find((l) => l.available <= 0 && l.sold28 === 0), /^Out$/],
      [items.find((l) => l.available <= 0 && l.sold28 > 0), /^Out$/],
      [items.find((l) => l.available > 0 && l.sold28 === 0), /^No sales$/],
      [items.find((l) => l.available > 0 && l.sold28 > 0), /^(Under 0\.1|[\d,.]+) d$/],
    ];
    for (const [level, shown] of cases) {
      if (!level) throw new Error(`The seed has no level to show ${shown.source}`);
      cleanup();
      renderApp(`/inventory?variantId=${level.variantId}&locationId=${level.locationId}`);
      const table = await screen.findByRole('table', { name: 'Inventory' });
      const [row] = await rowsOf(table);
      const column = within(table)
        .getAllByRole('columnheader')
        .findIndex((h) => h.textContent?.startsWith('Days of cover'));
      expect(within(row!).getAllByRole('cell')[column]!.textContent).toMatch(shown);
    }
  });

  it('offers "Clear filters" for filters only, not for the demo’s mock.* settings in the URL', async () => {
    const { history, user } = renderApp('/inventory?mock.latency=0');
    await rowsOf(await screen.findByRole('table', { name: 'Inventory' }));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: /Running low/ }));
    await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(history.location.search).toBe('?mock.latency=0'));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('support sees the list and the ledger, and no button that changes stock', async () => {
    signInAs('support');
    renderApp('/inventory');
    const table = await screen.findByRole('table', { name: 'Inventory' });
    const rows = await rowsOf(table);
    expect(within(rows[0]!).getByRole('link', { name: /^Ledger of / })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Stock actions/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Receive delivery' })).not.toBeInTheDocument();
  });
});

describe('adjusting stock', () => {
  it('records a reason and a note: the list shows the new numbers and the ledger the movement', async () => {
    const level = await stockedLevel();
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, 'Adjust stock…');
    await within(dialog).findByText(new RegExp(`Now: ${level.onHand.toLocaleString('en-US')} on hand`));
    await chooseOption(user, 'Reason', 'Damaged');
    await user.type(within(dialog).getByRole('textbox', { name: 'Units damaged' }), '2');
    expect(
      within(dialog).getByText(`On hand ${level.onHand.toLocaleString('en-US')} → ${(level.onHand - 2).toLocaleString('en-US')}`),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Dropped by the forklift');
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));

    await screen.findByText('Stock adjusted');
    const [post] = posts('/api/inventory/adjustments');
    expect(post!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post!.json()).toEqual({
      variantId: level.variantId,
      locationId: EDISON.id,
      version: level.version,
      reason: 'damaged',
      quantity: 2,
      note: 'Dropped by the forklift',
    });
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand - 2);

    const table = screen.getByRole('table', { name: 'Inventory' });
    await waitFor(async () => {
      const row = (await rowsOf(table)).find((r) => r.textContent?.includes(EDISON.name));
      expect(within(row!).getAllByRole('cell')[3]).toHaveTextContent(new RegExp(`^${(level.onHand - 2).toLocaleString('en-US')}$`));
    });

    await user.click(within(table).getByRole('link', { name: `${level.sku} at ${EDISON.name}: ledger` }));
    const ledger = await screen.findByRole('table', { name: 'Stock movements' });
    await waitFor(async () => expect((await rowsOf(ledger))[0]).toHaveTextContent('Damaged'));
    const newest = (await rowsOf(ledger))[0]!;
    expect(newest).toHaveTextContent('−2');
    expect(newest).toHaveTextContent('Dropped by the forklift');
    expect(newest).toHaveTextContent(EDISON.name);
    expect(newest).toHaveTextContent((level.onHand - 2).toLocaleString('en-US'));
    const sent = searchesOf('/api/inventory/ledger').at(-1)!;
    expect(Object.fromEntries(sent)).toMatchObject({ variantId: level.variantId, locationId: EDISON.id, sort: '-at' });
  });

  it('a count correction asks for the counted quantity and shows the difference as it is typed', async () => {
    const level = await stockedLevel();
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, 'Adjust stock…');
    await within(dialog).findByText(/^Now: /);
    await chooseOption(user, 'Reason', 'Count correction');
    const counted = within(dialog).getByRole('textbox', { name: 'Counted quantity' });
    await user.type(counted, String(level.onHand + 3));
    expect(within(dialog).getByText(/^Difference \+3/)).toBeInTheDocument();
    await user.clear(counted);
    await user.type(counted, String(level.onHand - 1));
    expect(within(dialog).getByText(/^Difference −1/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    await screen.findByText('Stock adjusted');
    expect(await posts('/api/inventory/adjustments')[0]!.json()).toMatchObject({ reason: 'count_correction', quantity: level.onHand - 1 });
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand - 1);
  });

  it('cannot take on hand below zero, and shows the API’s refusal beside the quantity', async () => {
    const level = await stockedLevel();
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, 'Adjust stock…');
    await within(dialog).findByText(/^Now: /);
    await chooseOption(user, 'Reason', 'Lost');
    const lost = within(dialog).getByRole('textbox', { name: 'Units lost' });
    await user.type(lost, String(level.onHand + 1));
    expect(within(dialog).getByText(/On hand cannot go below zero/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Adjust stock' })).toBeDisabled();

    // What only the server knows (here: a refusal it makes up) lands on the field too.
    server.use(
      http.post(
        '/api/inventory/adjustments',
        () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Invalid adjustment',
              status: 422,
              errors: { quantity: 'On hand cannot go below zero: 0 left here.' },
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    await user.clear(lost);
    await user.type(lost, '1');
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    expect(await within(dialog).findByText('On hand cannot go below zero: 0 left here.')).toBeInTheDocument();
    expect(lost).toHaveAttribute('aria-invalid', 'true');
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand);
  });

  it('says what is wrong with a quantity, in the API’s words, before sending it', async () => {
    const level = await stockedLevel();
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, 'Adjust stock…');
    await within(dialog).findByText(/^Now: /);
    const quantity = within(dialog).getByRole('textbox', { name: 'Units received' });
    // A delivery of nothing: at least one unit (a count may be 0: an empty shelf).
    await user.type(quantity, '0');
    await user.tab();
    await waitFor(() => expect(quantity).toHaveAccessibleDescription('Enter at least 1 unit'));
    // Gone as soon as the quantity is right.
    await user.type(quantity, '5');
    await waitFor(() => expect(quantity).not.toHaveAttribute('aria-invalid', 'true'));
    await user.clear(quantity);
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    await waitFor(() => expect(quantity).toHaveAccessibleDescription('Enter a number of units'));
    await chooseOption(user, 'Reason', 'Count correction');
    const counted = within(dialog).getByRole('textbox', { name: 'Counted quantity' });
    await user.type(counted, '0');
    await waitFor(() => expect(counted).not.toHaveAttribute('aria-invalid', 'true'));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const threshold = await openAction(user, level, 'Set threshold…');
    const field = within(threshold).getByRole('textbox', { name: 'Threshold' });
    await user.clear(field);
    await user.click(within(threshold).getByRole('button', { name: 'Save threshold' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Enter a number of units/));
    expect(received.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a stale version is refused: the dialog shows the fresh numbers and applies nothing until asked again', async () => {
    const level = await stockedLevel();
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, 'Adjust stock…');
    await within(dialog).findByText(new RegExp(`Now: ${level.onHand.toLocaleString('en-US')} on hand`));

    // A colleague receives 10 units while the dialog is open.
    const other = await fetch('/api/inventory/adjustments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        variantId: level.variantId,
        locationId: EDISON.id,
        version: level.version,
        reason: 'received',
        quantity: 10,
        note: '',
      }),
    });
    expect(other.status).toBe(200);
    received.length = 0;

    await user.type(within(dialog).getByRole('textbox', { name: 'Units received' }), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The stock changed since you opened this');
    await within(dialog).findByText(new RegExp(`Now: ${(level.onHand + 10).toLocaleString('en-US')} on hand`));
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand + 10);
    expect(posts('/api/inventory/adjustments')).toHaveLength(1);

    await user.click(within(dialog).getByRole('button', { name: 'Adjust stock' }));
    await screen.findByText('Stock adjusted');
    const [refused, applied] = posts('/api/inventory/adjustments');
    expect((await applied!.clone().json()).version).toBeGreaterThan((await refused!.clone().json()).version);
    expect(applied!.headers.get('Idempotency-Key')).not.toBe(refused!.headers.get('Idempotency-Key'));
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand + 11);
  });
});

describe('transferring stock', () => {
  it('moves units between two locations in one request, and no more than is available', async () => {
    const level = await stockedLevel();
    const ontarioBefore = await levelNow(level.variantId, 'ontario-ca');
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}`);
    const dialog = await openAction(user, level, 'Transfer…');
    await within(dialog).findByText(/^There now: /);
    await chooseOption(user, 'To', 'Ontario, CA');
    const units = within(dialog).getByRole('textbox', { name: 'Units to move' });
    await user.type(units, String(level.available + 1));
    expect(within(dialog).getByText(`Only ${level.available.toLocaleString('en-US')} available at ${EDISON.name}`)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Transfer' })).toBeDisabled();
    await user.clear(units);
    await user.type(units, '3');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await screen.findByText('Stock transferred');

    const [post] = posts('/api/inventory/transfers');
    expect(post!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post!.json()).toEqual({
      variantId: level.variantId,
      fromLocationId: EDISON.id,
      toLocationId: 'ontario-ca',
      fromVersion: level.version,
      toVersion: ontarioBefore.version,
      quantity: 3,
      note: '',
      // Moved at once, not shipped to be received later (the "Ship now, receive on arrival" box is left clear).
      inTransit: false,
    });
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand - 3);
    expect((await levelNow(level.variantId, 'ontario-ca')).onHand).toBe(ontarioBefore.onHand + 3);
  });
});

describe('thresholds', () => {
  it('sends the level’s version as If-Match and shows the new threshold', async () => {
    const level = await stockedLevel();
    const { user } = renderApp(`/inventory?q=${encodeURIComponent(level.sku)}&locationId=${EDISON.id}`);
    const dialog = await openAction(user, level, 'Set threshold…');
    const field = within(dialog).getByRole('textbox', { name: 'Threshold' });
    await user.clear(field);
    await user.type(field, '7');
    await user.click(within(dialog).getByRole('button', { name: 'Save threshold' }));
    await screen.findByText('Threshold saved');
    const put = received.find((r) => r.method === 'PUT');
    expect(put!.headers.get('If-Match')).toBe(`"${level.version}"`);
    expect(await put!.json()).toEqual({ threshold: 7 });
    expect((await levelNow(level.variantId, EDISON.id)).threshold).toBe(7);
  });
});

describe('receiving a delivery from a CSV file', () => {
  it('a file with wrong rows is refused row by row; the fixed file applies once, even after a failed attempt', async () => {
    const level = await stockedLevel();
    const { history, user } = renderApp('/inventory/receive');
    const file = await screen.findByLabelText(/Delivery file/);
    const bad = `sku,location,quantity\r\n${level.sku},"edison, nj",4\r\nNO-SUCH-SKU,${EDISON.id},2\r\n${level.sku},ontario-ca,lots\r\n`;
    await user.upload(file, new File([bad], 'delivery.csv', { type: 'text/csv' }));

    const rowsTable = await screen.findByRole('table', { name: 'Delivery rows' });
    expect(screen.getByRole('alert')).toHaveTextContent('2 of 3 rows need fixing');
    const [ok, unknownSku, badQuantity] = within(rowsTable).getAllByRole('row').slice(1);
    expect(ok).toHaveTextContent('OK');
    expect(unknownSku).toHaveTextContent('Fix');
    // The message sits in the cell it is about.
    expect(within(unknownSku!).getAllByRole('cell')[1]!.textContent).toMatch(/NO-SUCH-SKU.+/);
    expect(within(badQuantity!).getAllByRole('cell')[3]!.textContent).toMatch(/lots.+/);
    expect(screen.getByRole('button', { name: 'Apply delivery' })).toBeDisabled();
    const checks = posts('/api/inventory/receipts');
    expect(checks).toHaveLength(1);
    expect(await checks[0]!.json()).toMatchObject({
      dryRun: true,
      rows: [{ sku: level.sku, location: 'edison, nj', quantity: '4' }, {}, {}],
    });
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand);

    const fixed = `sku,location,quantity\r\n${level.sku},"edison, nj",4\r\n${level.sku},ontario-ca,6\r\n`;
    const ontarioBefore = await levelNow(level.variantId, 'ontario-ca');
    const ledgerBefore = await api<{ items: StockMovement[]; total: number }>(`/api/inventory/ledger?variantId=${level.variantId}&limit=1`);
    await user.upload(file, new File([fixed], 'delivery-fixed.csv', { type: 'text/csv' }));
    await screen.findByText('All 2 rows are ready');

    // The first apply never reaches the API; the retry carries the same key.
    server.use(http.post('/api/inventory/receipts', () => HttpResponse.error(), { once: true }));
    const apply = screen.getByRole('button', { name: 'Apply delivery' });
    await user.click(apply);
    expect(await screen.findByText(/you can try again/)).toBeInTheDocument();
    await user.click(apply);
    await screen.findByText('Delivery received');
    await waitFor(() => expect(history.location.pathname).toBe('/inventory'));

    const applies = [];
    for (const post of posts('/api/inventory/receipts').filter((p) => !p.bodyUsed))
      if ((await post.json()).dryRun === false) applies.push(post);
    expect(applies).toHaveLength(2);
    expect(applies[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(applies[1]!.headers.get('Idempotency-Key')).toBe(applies[0]!.headers.get('Idempotency-Key'));
    expect((await levelNow(level.variantId, EDISON.id)).onHand).toBe(level.onHand + 4);
    expect((await levelNow(level.variantId, 'ontario-ca')).onHand).toBe(ontarioBefore.onHand + 6);

    // Two movements written, once: one per row.
    const ledgerAfter = await api<{ items: StockMovement[]; total: number }>(`/api/inventory/ledger?variantId=${level.variantId}&limit=2`);
    expect(ledgerAfter.total).toBe(ledgerBefore.total + 2);
    expect(ledgerAfter.items.map((m) => [m.reason, m.locationId, m.quantity]).sort()).toEqual([
      ['received', EDISON.id, 4],
      ['received', 'ontario-ca', 6],
    ]);
  });

  it('names a file without the three columns instead of sending it', async () => {
    const { user } = renderApp('/inventory/receive');
    await user.upload(await screen.findByLabelText(/Delivery file/), new File(['sku,qty\r\nA,1\r\n'], 'x.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/missing: location, quantity/)).toBeInTheDocument();
    expect(posts('/api/inventory/receipts')).toHaveLength(0);
  });
});

describe('from a product to its stock', () => {
  it('the Stock tab links each variant to the inventory list filtered to it', async () => {
    const level = await stockedLevel();
    const { history, user } = renderApp(`/products/${level.productId}`);
    await user.click(await screen.findByRole('tab', { name: 'Stock' }));
    await user.click(await screen.findByRole('link', { name: `Stock of ${level.sku} by location` }));
    await waitFor(() => expect(history.location.pathname).toBe('/inventory'));
    expect(history.location.search).toBe(`?variantId=${level.variantId}`);
    const table = await screen.findByRole('table', { name: 'Inventory' });
    await waitFor(async () => {
      const rows = await rowsOf(table);
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toHaveTextContent(level.sku);
    });
    expect(screen.getByText(`Only ${level.sku}`)).toBeInTheDocument();
    expect(searchesOf('/api/inventory').at(-1)!.get('variantId')).toBe(level.variantId);
  });
});
