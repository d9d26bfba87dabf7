import { MAX_STOCK_UNITS } from '../contract/constants';
import { ProblemError } from '../contract/problems';
import {
  checkReceiptRows,
  decideAdjustment,
  decideReceipt,
  decideThreshold,
  decideTransfer,
  receiptQuantityProblem,
  type StockSnapshot,
  type StockVariant,
} from './stock-decisions';
import { available, daysOfCover, stockState } from './stock-rules';
import {
  adjustmentInputSchema,
  receiptInputSchema,
  thresholdInputSchema,
  transferInputSchema,
  type AdjustmentInput,
  type InventoryLevel,
  type ReceiptInput,
  type TransferInput,
} from '../contract/stock-schemas';

const EDISON = 'edison-nj';
const ONTARIO = 'ontario-ca';
const LOCATIONS = [
  { id: EDISON, name: 'Edison, NJ' },
  { id: ONTARIO, name: 'Ontario, CA' },
];

const MUG: StockVariant = { id: 'var_1', productId: 'prod_1', sku: 'MUG-BLK', title: 'Camp mug', optionValues: ['Black'] };
const CAP: StockVariant = { id: 'var_2', productId: 'prod_2', sku: 'CAP-01', title: 'Cap', optionValues: [] };

/** A level as the API shows it, its derived fields worked out like the server's. */
function level(
  variant: StockVariant,
  locationId: string,
  state: { onHand: number; reserved?: number; threshold?: number; version?: number; sold28?: number },
): InventoryLevel {
  const { onHand, reserved = 0, threshold = 5, version = 1, sold28 = 28 } = state;
  const free = available({ onHand, reserved });
  return Object.freeze({
    variantId: variant.id,
    productId: variant.productId,
    locationId,
    sku: variant.sku,
    title: variant.title,
    variantTitle: variant.optionValues.join(' / '),
    categoryId: 'cat_kitchen',
    onHand,
    reserved,
    available: free,
    threshold,
    state: stockState(free, threshold),
    onOrder: 0,
    inTransit: 0,
    reorderPoint: null,
    reorderQuantity: null,
    safetyDays: 7,
    sold28,
    daysOfCover: daysOfCover(free, sold28),
    version,
  });
}

/** Frozen, so a decision that wrote into what it was given fails here. */
function snapshot(...levels: InventoryLevel[]): StockSnapshot {
  return Object.freeze({ locations: LOCATIONS, variants: [MUG, CAP], levels: Object.freeze(levels) });
}

const adjustment = (input: Partial<AdjustmentInput>) =>
  adjustmentInputSchema.parse({ variantId: MUG.id, locationId: EDISON, version: 1, reason: 'received', quantity: 1, ...input });
const transfer = (input: Partial<TransferInput>) =>
  transferInputSchema.parse({
    variantId: MUG.id,
    fromLocationId: EDISON,
    toLocationId: ONTARIO,
    fromVersion: 1,
    toVersion: 1,
    quantity: 1,
    ...input,
  });
const receipt = (input: Partial<ReceiptInput>) => receiptInputSchema.parse({ rows: [], ...input });

/** The problem a decision throws; fails the test when it decides instead. */
function refusal(decide: () => unknown): ProblemError['problem'] {
  try {
    decide();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem;
    throw error;
  }
  throw new Error('expected a refusal, got a decision');
}

describe('decideAdjustment', () => {
  it('moves on hand by what was written off, with a new version, one ledger row and one audit entry', () => {
    const before = level(MUG, EDISON, { onHand: 10, reserved: 2, version: 4 });
    const decision = decideAdjustment(
      adjustment({ version: 4, reason: 'damaged', quantity: 3, note: ' Crushed carton ' }),
      snapshot(before, level(MUG, ONTARIO, { onHand: 1 })),
    );
    expect(decision.levels).toEqual([
      { ...before, onHand: 7, available: 5, state: 'low', daysOfCover: daysOfCover(5, before.sold28), version: 5 },
    ]);
    expect(decision.movements).toEqual([
      {
        variantId: MUG.id,
        sku: 'MUG-BLK',
        locationId: EDISON,
        reason: 'damaged',
        quantity: -3,
        reservedChange: 0,
        note: 'Crushed carton',
        orderId: null,
        orderNumber: null,
        transferId: null,
        purchaseOrderId: null,
        purchaseOrderNumber: null,
        onHandAfter: 7,
      },
    ]);
    expect(decision.audit).toEqual([
      {
        entityType: 'stock',
        entityId: MUG.id,
        entityLabel: 'MUG-BLK at Edison, NJ',
        before: { onHand: 10 },
        after: { onHand: 7, reason: 'written off as damaged', note: 'Crushed carton' },
      },
    ]);
  });

  it('turns a count into the difference it records, up or down, and records an unchanged count as 0', () => {
    const shelf = snapshot(level(MUG, EDISON, { onHand: 10 }));
    const down = decideAdjustment(adjustment({ reason: 'count_correction', quantity: 7 }), shelf);
    expect(down.movements.map((m) => [m.reason, m.quantity, m.onHandAfter])).toEqual([['count_correction', -3, 7]]);
    expect(down.audit[0]?.after).toEqual({ onHand: 7, reason: 'count corrected' });
    expect(decideAdjustment(adjustment({ reason: 'count_correction', quantity: 15 }), shelf).movements[0]?.quantity).toBe(5);
    const same = decideAdjustment(adjustment({ reason: 'count_correction', quantity: 10 }), shelf);
    expect([same.movements[0]?.quantity, same.levels[0]?.version]).toEqual([0, 2]);
  });

  it('refuses to take on hand below zero, beside the quantity', () => {
    const problem = refusal(() =>
      decideAdjustment(adjustment({ reason: 'lost', quantity: 4 }), snapshot(level(MUG, EDISON, { onHand: 3 }))),
    );
    expect(problem).toMatchObject({
      status: 422,
      errors: { quantity: 'On hand cannot go below zero: MUG-BLK has 3 at Edison, NJ.' },
    });
  });

  it('takes a level up to the limit and not a unit past it, beside the quantity; one above it may still come down', () => {
    const shelf = snapshot(level(MUG, EDISON, { onHand: 999_990 }));
    expect(decideAdjustment(adjustment({ quantity: 10 }), shelf).levels[0]?.onHand).toBe(MAX_STOCK_UNITS);
    expect(refusal(() => decideAdjustment(adjustment({ quantity: 11 }), shelf))).toMatchObject({
      status: 422,
      errors: { quantity: 'MUG-BLK at Edison, NJ would have 1,000,001 on hand: a level holds at most 1,000,000 units.' },
    });
    const stored = snapshot(level(MUG, EDISON, { onHand: 3_000_005 }));
    expect(refusal(() => decideAdjustment(adjustment({ quantity: 1 }), stored)).status).toBe(422);
    expect(decideAdjustment(adjustment({ reason: 'damaged', quantity: 5 }), stored).levels[0]?.onHand).toBe(3_000_000);
    expect(decideAdjustment(adjustment({ reason: 'count_correction', quantity: 40 }), stored).levels[0]?.onHand).toBe(40);
  });

  it('refuses a stale version with 409 and the level as it stands now', () => {
    const now = level(MUG, EDISON, { onHand: 15, reserved: 1, version: 3 });
    const problem = refusal(() => decideAdjustment(adjustment({ version: 2 }), snapshot(now)));
    expect(problem).toEqual({
      type: 'about:blank',
      status: 409,
      title: 'The stock changed since you looked',
      detail: 'MUG-BLK at Edison, NJ is now at version 3 (you saw version 2): on hand 15, reserved 1. Check the new numbers and try again.',
      current: { levels: [now] },
    });
  });

  it('answers 404 for an unknown variant or level, and 422 on locationId for an unknown location', () => {
    const shelf = snapshot(level(MUG, EDISON, { onHand: 3 }));
    expect(refusal(() => decideAdjustment(adjustment({ variantId: 'var_gone' }), shelf))).toMatchObject({
      status: 404,
      title: 'Variant not found',
      detail: 'No variant has the id var_gone.',
    });
    expect(refusal(() => decideAdjustment(adjustment({ locationId: 'mars' }), shelf))).toMatchObject({
      status: 422,
      errors: { locationId: 'Choose one of the shop’s locations' },
    });
    expect(refusal(() => decideAdjustment(adjustment({ locationId: ONTARIO }), shelf))).toMatchObject({
      status: 404,
      title: 'Level not found',
      detail: 'MUG-BLK has no stock level at ontario-ca.',
    });
  });
});

describe('decideTransfer', () => {
  const from = level(MUG, EDISON, { onHand: 5, reserved: 2, version: 7 });
  const to = level(MUG, ONTARIO, { onHand: 1, version: 2 });
  const both = snapshot(from, to);

  it('moves units in two ledger rows sharing the transfer id, and answers both levels, from first', () => {
    const decision = decideTransfer(transfer({ fromVersion: 7, toVersion: 2, quantity: 3, note: 'rebalance' }), both, 'trf_1');
    expect(decision.levels.map((l) => [l.locationId, l.onHand, l.reserved, l.available, l.version])).toEqual([
      [EDISON, 2, 2, 0, 8],
      [ONTARIO, 4, 0, 4, 3],
    ]);
    expect(decision.movements.map((m) => [m.locationId, m.reason, m.quantity, m.transferId, m.note, m.onHandAfter])).toEqual([
      [EDISON, 'transfer_out', -3, 'trf_1', 'rebalance', 2],
      [ONTARIO, 'transfer_in', 3, 'trf_1', 'rebalance', 4],
    ]);
    expect(decision.audit).toEqual([
      {
        entityType: 'stock',
        entityId: MUG.id,
        entityLabel: 'MUG-BLK: Edison, NJ → Ontario, CA',
        before: { [EDISON]: 5, [ONTARIO]: 1 },
        after: { [EDISON]: 2, [ONTARIO]: 4 },
      },
    ]);
  });

  it('lets no more than is available leave (on hand − reserved), naming the quantity field', () => {
    const problem = refusal(() => decideTransfer(transfer({ fromVersion: 7, toVersion: 2, quantity: 4 }), both, 'trf_1'));
    expect(problem).toMatchObject({ status: 422, errors: { quantity: 'Only 3 available at Edison, NJ (5 on hand, 2 reserved).' } });
    expect(Object.keys(problem.errors ?? {})).toEqual(['quantity']);
    const oversold = snapshot(level(MUG, EDISON, { onHand: 1, reserved: 4 }), level(MUG, ONTARIO, { onHand: 0 }));
    expect(refusal(() => decideTransfer(transfer({ quantity: 1 }), oversold, 'trf_1')).errors?.quantity).toBe(
      'Only 0 available at Edison, NJ (1 on hand, 4 reserved).',
    );
  });

  it('refuses when either side changed, with both levels and the versions of the side that did', () => {
    const problem = refusal(() => decideTransfer(transfer({ fromVersion: 7, toVersion: 1 }), both, 'trf_1'));
    expect(problem).toMatchObject({ status: 409, current: { levels: [from, to] } });
    expect(problem.detail).toMatch(/^MUG-BLK at Edison, NJ is now at version 2 \(you saw version 1\): on hand 5, reserved 2\./);
    expect(refusal(() => decideTransfer(transfer({ fromVersion: 6, toVersion: 2 }), both, 'trf_1')).detail).toContain(
      'version 7 (you saw version 6)',
    );
  });

  it('refuses to fill the destination past the limit, beside the quantity, naming where', () => {
    const full = snapshot(level(MUG, EDISON, { onHand: 20, version: 1 }), level(MUG, ONTARIO, { onHand: MAX_STOCK_UNITS - 5, version: 1 }));
    expect(decideTransfer(transfer({ quantity: 5 }), full, 'trf_1').levels.map((l) => l.onHand)).toEqual([15, MAX_STOCK_UNITS]);
    expect(refusal(() => decideTransfer(transfer({ quantity: 6 }), full, 'trf_1'))).toMatchObject({
      status: 422,
      errors: { quantity: 'MUG-BLK at Ontario, CA would have 1,000,001 on hand: a level holds at most 1,000,000 units.' },
    });
  });

  it('names the side whose location is unknown', () => {
    expect(refusal(() => decideTransfer(transfer({ toLocationId: 'mars' }), both, 'trf_1')).errors).toEqual({
      toLocationId: 'Choose one of the shop’s locations',
    });
    expect(refusal(() => decideTransfer(transfer({ fromLocationId: 'mars' }), both, 'trf_1')).errors).toEqual({
      fromLocationId: 'Choose one of the shop’s locations',
    });
  });
});

describe('decideThreshold', () => {
  const now = level(MUG, EDISON, { onHand: 6, version: 3, threshold: 2 });
  const input = thresholdInputSchema.parse({ threshold: 6 });

  it('sets the threshold with a new version and a new state, and writes no ledger row', () => {
    const decision = decideThreshold({ variantId: MUG.id, locationId: EDISON, version: 3 }, input, snapshot(now));
    expect(decision.levels).toEqual([{ ...now, threshold: 6, state: 'low', version: 4 }]);
    expect(decision.movements).toEqual([]);
    expect(decision.audit).toEqual([
      { entityType: 'stock', entityId: MUG.id, entityLabel: 'MUG-BLK at Edison, NJ', before: { threshold: 2 }, after: { threshold: 6 } },
    ]);
  });

  // A missing If-Match is the protocol's 428, before any decision (tests/contract/inventory.contract.test.ts).
  it('needs a current version (409), and a level that exists first (404)', () => {
    expect(refusal(() => decideThreshold({ variantId: MUG.id, locationId: EDISON, version: 2 }, input, snapshot(now)))).toMatchObject({
      status: 409,
      current: { levels: [now] },
    });
    expect(refusal(() => decideThreshold({ variantId: 'var_gone', locationId: EDISON, version: 1 }, input, snapshot(now)))).toMatchObject({
      status: 404,
    });
  });
});

describe('receipts', () => {
  const shelf = snapshot(level(MUG, EDISON, { onHand: 2, version: 5 }), level(CAP, ONTARIO, { onHand: 0, version: 1 }));

  it('check each row on its own and put every message on its column', () => {
    const rows = checkReceiptRows(
      [
        { sku: ' mug-blk ', location: 'EDISON, NJ', quantity: ' 12 ' },
        { sku: 'NO-SUCH-SKU', location: 'mars', quantity: '1.5' },
        { sku: '', location: '', quantity: '' },
        { sku: 'CAP-01', location: ONTARIO, quantity: '0' },
        { sku: 'CAP-01', location: ONTARIO, quantity: '1000001' },
        { sku: 'CAP-01', location: ONTARIO, quantity: '-4' },
      ],
      shelf,
    );
    expect(rows[0]).toEqual({
      line: 2,
      sku: ' mug-blk ',
      location: 'EDISON, NJ',
      quantity: ' 12 ',
      ok: true,
      errors: {},
      variantId: MUG.id,
      locationId: EDISON,
      title: 'Camp mug — Black',
    });
    expect(rows[1]).toMatchObject({
      line: 3,
      ok: false,
      variantId: null,
      locationId: null,
      title: null,
      errors: {
        sku: 'No variant has the SKU NO-SUCH-SKU',
        location: 'Unknown location “mars”: use edison-nj, ontario-ca',
        quantity: '“1.5” is not a whole number of units',
      },
    });
    expect(rows[2]?.errors).toEqual({ sku: 'Enter a SKU', location: 'Enter a location', quantity: 'Enter a quantity' });
    expect(rows[3]?.errors).toEqual({ quantity: 'Receive at least 1 unit' });
    expect(rows[4]?.errors).toEqual({ quantity: 'That is more than this shop stocks' });
    // A minus sign is a whole number the wrong way round, not "not a number".
    expect(rows[5]?.errors).toEqual({ quantity: 'Receive at least 1 unit: a delivery only adds stock' });
  });

  it('say what is wrong with a quantity, not only that it is "not a whole number"', () => {
    const said = (quantity: string) => receiptQuantityProblem(quantity);
    // A minus sign, however the file writes it (a hyphen, a spreadsheet's "−", a dash), is a delivery the wrong way round.
    for (const negative of ['-4', '−4', '– 4', '-1.5']) expect(said(negative)).toBe('Receive at least 1 unit: a delivery only adds stock');
    expect(said('1.5')).toBe('“1.5” is not a whole number of units');
    expect(said('2,5')).toBe('“2,5” is not a whole number of units');
    expect(said('1,200')).toBe('Write “1,200” without commas: 1200');
    for (const text of ['twelve', '12 units', '+4', '0x10']) {
      expect(said(text)).toBe(`“${text}” is not a number of units: write it in digits only, like 12`);
    }
    expect(said('0')).toBe('Receive at least 1 unit');
    // Too many digits is too many units, not "not a whole number".
    expect(said('99999999999999999999')).toBe('That is more than this shop stocks');
    expect(said(' 12 ')).toBeNull();
    expect(said(String(MAX_STOCK_UNITS))).toBeNull();
  });

  it('dry-run: report every row and change nothing', () => {
    const decision = decideReceipt(
      receipt({
        dryRun: true,
        rows: [
          { sku: 'MUG-BLK', location: EDISON, quantity: '4' },
          { sku: 'X', location: EDISON, quantity: '9' },
        ],
      }),
      shelf,
    );
    expect(decision).toMatchObject({ levels: [], movements: [], audit: [], result: { applied: false, okRows: 1, errorRows: 1, units: 4 } });
  });

  it('refuse the whole file while one row is wrong, each message under rows.<i>.<column>', () => {
    const problem = refusal(() =>
      decideReceipt(
        receipt({
          rows: [
            { sku: 'MUG-BLK', location: EDISON, quantity: '4' },
            { sku: 'NO-SUCH-SKU', location: 'mars', quantity: 'x' },
          ],
        }),
        shelf,
      ),
    );
    expect(problem).toMatchObject({
      status: 422,
      detail: '1 of 2 rows need attention. Nothing was received; fix the file and try again.',
      errors: {
        'rows.1.sku': 'Line 3: No variant has the SKU NO-SUCH-SKU',
        'rows.1.location': 'Line 3: Unknown location “mars”: use edison-nj, ontario-ca',
        'rows.1.quantity': 'Line 3: “x” is not a number of units: write it in digits only, like 12',
      },
    });
    expect(Object.keys(problem.errors ?? {})).toHaveLength(3);
  });

  it('apply every row as its own ledger row and version, and one audit entry for the delivery', () => {
    const decision = decideReceipt(
      receipt({
        rows: [
          { sku: 'MUG-BLK', location: EDISON, quantity: '4' },
          { sku: 'CAP-01', location: 'Ontario, CA', quantity: '10' },
          { sku: 'mug-blk', location: EDISON, quantity: '1' },
        ],
      }),
      shelf,
    );
    expect(decision.result).toMatchObject({ applied: true, okRows: 3, errorRows: 0, units: 15 });
    expect(decision.levels.map((l) => [l.sku, l.locationId, l.onHand, l.version])).toEqual([
      ['MUG-BLK', EDISON, 7, 7],
      ['CAP-01', ONTARIO, 10, 2],
    ]);
    expect(decision.movements.map((m) => [m.sku, m.quantity, m.onHandAfter, m.reason, m.note])).toEqual([
      ['MUG-BLK', 4, 6, 'received', 'Delivery received from CSV'],
      ['CAP-01', 10, 10, 'received', 'Delivery received from CSV'],
      ['MUG-BLK', 1, 7, 'received', 'Delivery received from CSV'],
    ]);
    expect(decision.audit).toEqual([
      {
        entityType: 'stock',
        entityId: 'delivery',
        entityLabel: 'Delivery of 15 units in 3 rows',
        before: {},
        after: { units: 15, rows: 3 },
      },
    ]);
  });

  it('add up the rows of one level and hold the sum, with what is on the shelf, to the limit: each of those rows says so', () => {
    const rows = [
      { sku: 'MUG-BLK', location: EDISON, quantity: '1000000' },
      { sku: 'CAP-01', location: ONTARIO, quantity: '1000000' },
      { sku: 'mug-blk', location: 'Edison, NJ', quantity: '1000000' },
    ];
    const message =
      'With the 2 rows of this file, MUG-BLK at Edison, NJ would have 2,000,002 on hand: a level holds at most 1,000,000 units.';
    const dry = decideReceipt(receipt({ rows, dryRun: true }), shelf).result;
    expect(dry.rows.map((r) => [r.ok, r.errors])).toEqual([
      [false, { quantity: message }],
      [true, {}],
      [false, { quantity: message }],
    ]);
    expect(refusal(() => decideReceipt(receipt({ rows }), shelf))).toMatchObject({
      status: 422,
      errors: { 'rows.0.quantity': `Line 2: ${message}`, 'rows.2.quantity': `Line 4: ${message}` },
    });
    // On the shelf: 2. The file alone, without the levels (they were not loaded), is held to the limit too.
    const fits = [{ sku: 'MUG-BLK', location: EDISON, quantity: String(MAX_STOCK_UNITS - 2) }];
    expect(decideReceipt(receipt({ rows: fits }), shelf).levels[0]?.onHand).toBe(MAX_STOCK_UNITS);
    expect(checkReceiptRows([...fits, ...fits], { locations: LOCATIONS, variants: [MUG] }).map((r) => r.ok)).toEqual([false, false]);
  });

  it('need the level of every row it applies', () => {
    const problem = refusal(() => decideReceipt(receipt({ rows: [{ sku: 'CAP-01', location: EDISON, quantity: '1' }] }), shelf));
    expect(problem).toMatchObject({ status: 404, detail: 'CAP-01 has no stock level at edison-nj.' });
  });
});
