/**
 * The sign-in throttle of src/domain/auth-rules.ts, kept in the database so that
 * parallel attempts and every instance on one PostgreSQL count together.
 *
 * An attempt is admitted for its email, then for its client address, each by
 * ONE statement: an upsert that, only while the row is not waiting, counts the
 * attempt as a failure and sets the wait that failure would start, and returns
 * the count (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING). Two requests
 * cannot both read "2 failures": the database orders them, so of 20 parallel
 * guesses 3 are admitted and the others refused without a password check. The
 * waits are lockMs's, written into the statement as a CASE over the count.
 *
 * Each statement runs in its own transaction, queued behind the writes on
 * SQLite (serial-writes.ts), so it never ends up inside another request's
 * transaction on the one connection, where that request's rollback would undo it.
 */
import type { DataSource } from 'typeorm';
import { ADDRESS_FREE_FAILURES, FREE_FAILURES, lockMs, signInFailed, tooManyAttempts, type Throttle } from '#shared/domain/auth-rules';
import { serialTransaction } from '../serial-writes';
import { clock } from '../clock';

const TABLE = '"stockroom_sign_in_throttle"';

/**
 * When the wait lockMs(count, free) started at :now ends, in SQL over an integer count expression: one
 * branch per doubling, then the cap. A count with no wait leaves `otherwise` (the row's end as it was),
 * never :now: a parallel attempt that read the clock a moment earlier must not find the row waiting.
 */
function lockedUntilSql(count: string, free: number, otherwise: string): string {
  const cap = lockMs(Number.MAX_SAFE_INTEGER, free);
  const steps: string[] = [];
  let n = free;
  for (; lockMs(n, free) < cap; n++) steps.push(`WHEN ${count} = ${n} THEN CAST(:now AS bigint) + ${lockMs(n, free)}`);
  return `(CASE WHEN ${count} >= ${n} THEN CAST(:now AS bigint) + ${cap} ${steps.join(' ')} ELSE ${otherwise} END)`;
}

/** One statement with named parameters, in the driver's own placeholders, in a transaction of its own. */
function run(db: DataSource, sql: string, parameters: Record<string, unknown>): Promise<unknown> {
  const [query, values] = db.driver.escapeQueryWithParameters(sql, parameters, {});
  return serialTransaction(db, (em) => em.query(query, values));
}

type Counter = { key: string; free: number };

type Admission = { admitted: true; count: number } | { admitted: false; retryAfterSeconds: number };

async function admit(db: DataSource, { key, free }: Counter, now: number): Promise<Admission> {
  const rows = (await run(
    db,
    `INSERT INTO ${TABLE} ("key", "count", "lockedUntilMs") VALUES (:key, 1, ${lockedUntilSql('1', free, '0')})
     ON CONFLICT ("key") DO UPDATE SET
       "count" = ${TABLE}."count" + 1,
       "lockedUntilMs" = ${lockedUntilSql(`${TABLE}."count" + 1`, free, `${TABLE}."lockedUntilMs"`)}
     WHERE ${TABLE}."lockedUntilMs" <= CAST(:now AS bigint)
     RETURNING "count"`,
    { key, now },
  )) as { count: number | string }[];
  const [row] = rows;
  if (row) return { admitted: true, count: Number(row.count) };
  const waiting = (await run(db, `SELECT "lockedUntilMs" FROM ${TABLE} WHERE "key" = :key`, { key })) as Pick<Throttle, 'lockedUntilMs'>[];
  // Gone or no longer waiting (a right password, or time): the shortest wait there is.
  const until = Number(waiting[0]?.lockedUntilMs ?? now);
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
}

/** Takes back an admission that did not go ahead; the wait it set is undone if nobody was admitted after it. */
function release(db: DataSource, { key }: Counter, count: number): Promise<unknown> {
  return run(
    db,
    `UPDATE ${TABLE} SET "count" = "count" - 1, "lockedUntilMs" = CASE WHEN "count" = :count THEN 0 ELSE "lockedUntilMs" END
     WHERE "key" = :key`,
    { key, count },
  );
}

/** A wrong password: the wait its count starts runs from now, when the answer is known. */
function failed(db: DataSource, { key, free }: Counter, count: number): Promise<unknown> {
  const wait = lockMs(count, free);
  if (wait === 0) return Promise.resolve();
  const until = Math.round(clock()) + wait;
  return run(
    db,
    `UPDATE ${TABLE} SET "lockedUntilMs" = CAST(:until AS bigint) WHERE "key" = :key AND "lockedUntilMs" < CAST(:until AS bigint)`,
    {
      key,
      until,
    },
  );
}

/**
 * One IPv6 client holds a whole /64 and can take a new address per guess: an
 * IPv6 address counts as its /64. An IPv4 address mapped into IPv6 counts as itself.
 */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = (ip.split('%')[0] ?? '').toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type SignInAttempt = {
  /** The password was wrong (or the account unknown or inactive): the 401 to answer. */
  failed(): Promise<Error>;
  /** The password was right: the email and the address start afresh. */
  succeeded(): Promise<void>;
};

/** Admits a sign-in before its password is checked, or throws the 429 of whichever is waiting. */
export async function admitSignIn(db: DataSource, email: string, address: string): Promise<SignInAttempt> {
  const now = Math.round(clock());
  const byEmail: Counter = { key: `email:${email.trim().toLowerCase()}`, free: FREE_FAILURES };
  const byAddress: Counter = { key: `address:${address}`, free: ADDRESS_FREE_FAILURES };
  const emailAdmission = await admit(db, byEmail, now);
  if (!emailAdmission.admitted) throw tooManyAttempts(emailAdmission.retryAfterSeconds, 'email');
  const addressAdmission = await admit(db, byAddress, now);
  if (!addressAdmission.admitted) {
    await release(db, byEmail, emailAdmission.count);
    throw tooManyAttempts(addressAdmission.retryAfterSeconds, 'address');
  }
  return {
    failed: async () => {
      await failed(db, byEmail, emailAdmission.count);
      await failed(db, byAddress, addressAdmission.count);
      return signInFailed(emailAdmission.count);
    },
    succeeded: async () => {
      await run(db, `DELETE FROM ${TABLE} WHERE "key" = :email OR "key" = :address`, { email: byEmail.key, address: byAddress.key });
    },
  };
}
