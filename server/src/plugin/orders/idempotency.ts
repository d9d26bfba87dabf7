/**
 * Idempotency-Key around a write, as the mock's db.write does it: a stored
 * answer is replayed; the same key with another request is a 422; two
 * requests racing on one key both run, and the loser (its insert of the key
 * fails on the primary key, or it was refused because the winner's change got
 * there first) answers what the winner stored.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { ProblemError } from '../../../../src/api/problems';
import { IdempotencyKeyRecord } from '../entities';
import type { Idempotency } from '../http';
import { serialTransaction } from '../serial-writes';

async function replay<T>(em: EntityManager, idempotency: Idempotency | null): Promise<T | null> {
  if (!idempotency) return null;
  const prior = await em.getRepository(IdempotencyKeyRecord).findOneBy({ key: idempotency.key });
  if (!prior) return null;
  if (prior.fingerprint !== idempotency.fingerprint) {
    throw new ProblemError({
      status: 422,
      title: 'Idempotency-Key reused',
      detail: 'This Idempotency-Key was already used for a different request. Send a new key for a new request.',
    });
  }
  return JSON.parse(prior.response) as T;
}

export async function remember(em: EntityManager, idempotency: Idempotency | null, body: unknown): Promise<void> {
  if (!idempotency) return;
  await em.getRepository(IdempotencyKeyRecord).insert({
    key: idempotency.key,
    fingerprint: idempotency.fingerprint,
    status: 200,
    response: JSON.stringify(body),
    createdMs: String(Date.now()),
  });
}

/** Thrown inside a write to run the whole transaction again (a compare-and-set lost to a concurrent write). */
export class RetryWrite extends Error {}

/**
 * Runs `write` in a transaction (queued behind every other write on SQLite:
 * see serial-writes.ts), replaying a stored answer first; the write must call
 * `remember` with its answer. A RetryWrite runs it again (five times at most).
 */
export async function idempotentWrite<T>(
  db: DataSource,
  idempotency: Idempotency | null,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serialTransaction(db, async (em) => (await replay<T>(em, idempotency)) ?? write(em));
    } catch (error) {
      // Another request with this key may have committed while this one ran (on PostgreSQL it waited on the
      // order's lock, then found the order moved on: a 409): the answer is what that request got.
      if (idempotency) {
        const prior = await replay<T>(db.manager, idempotency);
        if (prior !== null) return prior;
      }
      if (error instanceof RetryWrite && attempt < 5) continue;
      throw error;
    }
  }
}
