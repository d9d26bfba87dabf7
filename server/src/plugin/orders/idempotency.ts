/**
 * Idempotency-Key around a write, as the mock's db.write does it: a stored
 * answer is replayed; the same key with another request is a 422; two
 * requests racing on one key both run, the loser's insert of the key fails
 * (primary key) and it answers what the winner stored.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { ProblemError } from '../../../../src/api/problems';
import { IdempotencyKeyRecord } from '../entities';
import type { Idempotency } from '../http';

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
 * Runs `write` in a transaction, replaying a stored answer first; the write
 * must call `remember` with its answer. A RetryWrite runs it again (three times at most).
 */
export async function idempotentWrite<T>(
  db: DataSource,
  idempotency: Idempotency | null,
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (em) => (await replay<T>(em, idempotency)) ?? write(em));
    } catch (error) {
      if (error instanceof RetryWrite && attempt < 3) continue;
      if (!idempotency || error instanceof ProblemError) throw error;
      const prior = await replay<T>(db.manager, idempotency);
      if (prior !== null) return prior;
      throw error;
    }
  }
}
