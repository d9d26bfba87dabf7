/**
 * What an attacker tries, over HTTP only: guessing passwords in parallel,
 * telling known emails from unknown ones by the answers, spraying guesses over
 * many emails from one address, and replaying someone else's Idempotency-Key.
 */
import { ADDRESS_FREE_FAILURES, FREE_FAILURES } from '../../src/domain/auth-rules';
import { orderSchema, type Order } from '../../src/contract/order-schemas';
import { staffSchema } from '../../src/contract/schemas';
import { anonymous, DEMO_ACCOUNTS, idOf, newKey, signIn, signInWith, uniqueId, type ApiClient, type ApiResponse } from './driver';
import { expectOk, expectProblem, getOrder, orderClaimer } from './fixtures';

const claim = orderClaimer();
let admin: ApiClient;
let support: ApiClient;

beforeAll(async () => {
  admin = await signIn('admin');
  support = await signIn('support');
});

/** A new active person (a known email) and their password. */
async function newPerson(): Promise<{ id: string; email: string; password: string; version: number }> {
  const input = { email: `abuse-${uniqueId()}@stockroom.test`, name: `Abuse ${uniqueId()}`, role: 'support', password: 'the-right-one-1' };
  const staff = staffSchema.parse(expectOk(await admin.post('/staff', { body: input }), 201));
  return { id: staff.id, email: input.email, password: input.password, version: staff.version };
}

const attempt = (email: string, password: string) => anonymous().post('/session', { body: { email, password } });

/** Everything a sign-in answer tells the person who sent it. */
const seen = (res: ApiResponse) => ({
  status: res.status,
  body: res.json,
  retryAfter: res.headers.get('Retry-After'),
  cookie: res.headers.getSetCookie().length > 0,
});

describe('sign-in throttling', () => {
  it('holds under parallel guessing: of 20 wrong passwords sent at once at most 3 are checked, the rest are refused (429)', async () => {
    const person = await newPerson();
    const answers = await Promise.all(Array.from({ length: 20 }, () => attempt(person.email, 'wrong-password')));
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - checked);
    for (const res of answers.filter((r) => r.status === 429)) {
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
    // The lock holds for the right password too: nothing tells the guesser it was right.
    expectProblem(await attempt(person.email, person.password), 429);
  });

  it('answers an unknown email (and an inactive one) exactly as a known one, over the same sequence, whatever its case', async () => {
    const known = await newPerson();
    const inactive = await newPerson();
    expectOk(await admin.patch(`/staff/${inactive.id}`, { body: { active: false }, ifMatch: inactive.version }));
    const unknown = `nobody-${uniqueId()}@stockroom.test`;
    // The same email however it is written: the throttle counts the email, not the string sent.
    const spellings = (email: string) => [
      email,
      email.toUpperCase(),
      email.replace(/^./, (c) => c.toUpperCase()),
      email.replace(/@.*/, (domain) => domain.toUpperCase()),
    ];
    const sequence = async (email: string, rightPassword: string) => {
      const answers = [];
      for (const spelt of spellings(email)) answers.push(seen(await attempt(spelt, 'wrong-password')));
      answers.push(seen(await attempt(email, rightPassword)));
      return answers;
    };
    const knownAnswers = await sequence(known.email, known.password);
    expect(knownAnswers.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    expect(await sequence(unknown, known.password)).toEqual(knownAnswers);
    expect(await sequence(inactive.email, inactive.password)).toEqual(knownAnswers);
  });

  it(`slows one address down after ${ADDRESS_FREE_FAILURES} wrong passwords over many emails, then lets it in after Retry-After`, async () => {
    // A sign-in that works starts the address afresh, so only this test's failures count.
    await signIn('merchandiser');
    const emails = Array.from({ length: ADDRESS_FREE_FAILURES }, () => `spray-${uniqueId()}@stockroom.test`);
    let retryAfter = 0;
    try {
      const answers = await Promise.all(emails.map((email) => attempt(email, 'wrong-password')));
      expect(answers.map((r) => r.status)).toEqual(emails.map(() => 401));
      const sprayed = expectProblem(await attempt(`spray-${uniqueId()}@stockroom.test`, 'wrong-password'), 429);
      retryAfter = sprayed.retryAfter ?? 0;
      expect(retryAfter).toBe(5);
      // Every email from that address waits, the right password of a person who never failed too.
      const { email, password } = DEMO_ACCOUNTS.manager;
      expectProblem(await attempt(email, password), 429);
    } finally {
      // Wait the lock out whatever happened, so no later sign-in from this address is refused.
      await new Promise((resolve) => setTimeout(resolve, (retryAfter || 5) * 1000 + 250));
    }
    await signInWith(DEMO_ACCOUNTS.manager.email, DEMO_ACCOUNTS.manager.password);
  });
});

describe('Idempotency-Key, scoped to the person who sends it', () => {
  const note = (api: ApiClient, order: Order, text: string, key: string) =>
    api.post(`/orders/${order.id}/notes`, { body: { text }, idempotencyKey: key });

  it("support sending the admin's key and body gets a fresh answer of their own, not the admin's", async () => {
    const order = await claim(admin, { status: 'open' });
    const key = newKey();
    const text = `Called the customer ${uniqueId()}`;
    const adminAnswer = orderSchema.parse(expectOk(await note(admin, order, text, key)));
    expect(adminAnswer.notes.at(-1)).toMatchObject({ text, author: { id: idOf('admin') } });

    const supportAnswer = orderSchema.parse(expectOk(await note(support, order, text, key)));
    expect(supportAnswer).not.toEqual(adminAnswer);
    expect(supportAnswer.notes.at(-1)).toMatchObject({ text, author: { id: idOf('support') } });
    expect(supportAnswer.notes.filter((n) => n.text === text)).toHaveLength(2);

    // Each person's key still replays their own answer, and refuses another request of theirs.
    expect(orderSchema.parse(expectOk(await note(admin, order, text, key)))).toEqual(adminAnswer);
    expect(orderSchema.parse(expectOk(await note(support, order, text, key)))).toEqual(supportAnswer);
    expect(expectProblem(await note(support, order, 'Another note', key), 422).title).toBe('Idempotency-Key reused');
    expect((await getOrder(admin, order.id)).notes.filter((n) => n.text === text)).toHaveLength(2);
  });

  it("support replaying the admin's refund above support's limit gets their own refusal, not the admin's 200", async () => {
    const order = await claim(admin, { status: 'closed', paymentStatus: 'paid', totalMin: 60_000 }, (o) => o.refunded === 0);
    const key = newKey();
    const body = {
      version: order.version,
      lines: [],
      shipping: false,
      amount: 55_000,
      restock: false,
      locationId: null,
      reason: 'Goodwill',
    };
    const refunded = orderSchema.parse(expectOk(await admin.post(`/orders/${order.id}/refunds`, { body, idempotencyKey: key })));
    expect(refunded.refunds).toHaveLength(order.refunds.length + 1);

    const res = await support.post(`/orders/${order.id}/refunds`, { body, idempotencyKey: key });
    // Support's own request is decided: it is stale (409) or over support's limit (403), never the admin's success.
    expect([403, 409]).toContain(res.status);
    expectProblem(res, res.status);
    expect(await getOrder(admin, order.id)).toEqual(refunded);
  });
});
