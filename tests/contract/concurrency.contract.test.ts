/**
 * Simultaneous writes to one stock level lose nothing: N people each add one
 * unit at once, each with a key of their own; whoever is refused for a stale
 * version (409) takes the fresh version from the answer and tries again. In
 * the end the level is N higher, with N new ledger rows, one per key.
 * Against the mock the requests are answered one at a time (tests/contract/setup.ts),
 * so the races are real only against the server (SQLite and PostgreSQL).
 */
import { inventoryLevelSchema, stockChangeResultSchema } from '../../src/contract/stock-schemas';
import { newKey, signIn, type ApiClient } from './driver';
import { createProduct, expectLedgerExplainsLevels, expectOk, expectProblem, ledgerOf, levelAt, locationIds, receive } from './fixtures';

const N = 12;

let api: ApiClient;
let A: string;
beforeAll(async () => {
  api = await signIn('merchandiser');
  [A = ''] = await locationIds(api);
});

/** Adds one unit, starting from `version`; on 409 again from the version the refusal names, up to N + 1 times. */
async function addOne(variantId: string, version: number, note: string): Promise<void> {
  const key = newKey();
  let seen = version;
  for (let attempt = 1; attempt <= N + 1; attempt++) {
    const res = await api.post('/inventory/adjustments', {
      body: { variantId, locationId: A, version: seen, reason: 'received', quantity: 1, note },
      // A refusal is not remembered against the key, so the retry keeps it.
      idempotencyKey: key,
    });
    if (res.status === 200) {
      stockChangeResultSchema.parse(res.json);
      return;
    }
    const problem = expectProblem(res, 409);
    const [current] = (problem.current as { levels: unknown[] }).levels.map((l) => inventoryLevelSchema.parse(l));
    if (!current) throw new Error('A 409 without the current level');
    seen = current.version;
  }
  throw new Error(`${note} never got through`);
}

describe('simultaneous adjustments of one level', () => {
  it(`lose no update: ${N} parallel +1s, each retried on 409 with the fresh version, end ${N} higher with ${N} new rows`, async () => {
    const product = await createProduct(api);
    const variantId = product.variants[0]!.id;
    const start = await receive(api, variantId, A, 5);
    const rowsBefore = (await ledgerOf(api, variantId, A)).length;

    await Promise.all(Array.from({ length: N }, (_, i) => addOne(variantId, start.version, `parallel ${i + 1}`)));

    const end = await levelAt(api, variantId, A);
    expect(end.onHand).toBe(start.onHand + N);
    expect(end.version).toBe(start.version + N);
    const rows = await ledgerOf(api, variantId, A);
    expect(rows.length - rowsBefore).toBe(N);
    const notes = rows.slice(rowsBefore).map((r) => r.note);
    expect(new Set(notes).size).toBe(N);
    // Each row's balance is the one before it plus one: no two writes saw the same level.
    expect(rows.slice(rowsBefore).map((r) => r.onHandAfter)).toEqual(Array.from({ length: N }, (_, i) => start.onHand + i + 1));
    await expectLedgerExplainsLevels(api, variantId);
  });

  it('replay one key sent N times at once as one change', async () => {
    const product = await createProduct(api);
    const variantId = product.variants[0]!.id;
    const start = await receive(api, variantId, A, 5);
    const key = newKey();
    const body = { variantId, locationId: A, version: start.version, reason: 'received', quantity: 1 };
    const answers = await Promise.all(Array.from({ length: N }, () => api.post('/inventory/adjustments', { body, idempotencyKey: key })));
    const first = expectOk(answers[0]!);
    for (const res of answers) expect({ status: res.status, json: res.json }).toEqual({ status: 200, json: first });
    expect((await levelAt(api, variantId, A)).onHand).toBe(start.onHand + 1);
  });
});
