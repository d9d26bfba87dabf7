/**
 * The one write path of the server (the mock's is db.write): a transaction
 * (queued behind every other write on SQLite: see serial-writes.ts), the
 * Idempotency-Key's stored answer replayed before anything runs, and the
 * same key with another request refused. A key is its sender's: the same key
 * from another person is that person's own request, never a replay of the
 * first one's answer. Two requests racing on one person's key both run; the
 * loser (its insert of the key fails on the primary key, or it was refused
 * because the winner's change got there first) answers what the winner stored.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { idempotencyKeyReused } from '#shared/contract/problems';
import { IdempotencyKeyRecord } from './entities';
import type { Idempotency } from '#shared/contract/protocol';
import { serialTransaction } from './serial-writes';
import { clock } from './clock';
import { isUniqueViolation } from './database-errors';
import type { Actor } from './audit/audit.service';

/** Who sent the key: only their own earlier request with it is replayed. */
type Sender = Pick<Actor, 'id'>;

/** An answer as the route sends it; stored whole, so a replay has the first status too (201 for a create). */
export type Answer<T> = { status: number; body: T };

/** The stored answer is what this same request got the first time, so it has the type that request answers. */
async function replay<T>(em: EntityManager, sender: Sender, idempotency: Idempotency | null): Promise<Answer<T> | null> {
  if (!idempotency) return null;
  const prior = await em.getRepository(IdempotencyKeyRecord).findOneBy({ actorId: sender.id, key: idempotency.key });
  if (!prior) return null;
  if (prior.fingerprint !== idempotency.fingerprint) throw idempotencyKeyReused();
  return { status: prior.status, body: JSON.parse(prior.response) as T };
}

/** Thrown inside a write to run the whole transaction again (a compare-and-set lost to a concurrent write). */
export class RetryWrite extends Error {}

/**
 * Runs `write` in a transaction, replaying a stored answer first and storing
 * the write's answer under the key in the same transaction. A RetryWrite runs
 * it again (five times at most), as does a unique index refusing a row.
 */
export async function idempotentWrite<T>(
  db: DataSource,
  sender: Sender,
  idempotency: Idempotency | null,
  write: (em: EntityManager) => Promise<Answer<T>>,
): Promise<Answer<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await serialTransaction(db, async (em) => {
        const prior = await replay<T>(em, sender, idempotency);
        if (prior) return prior;
        const answer = await write(em);
        if (idempotency) {
          await em.getRepository(IdempotencyKeyRecord).insert({
            actorId: sender.id,
            key: idempotency.key,
            fingerprint: idempotency.fingerprint,
            status: answer.status,
            response: JSON.stringify(answer.body),
            createdMs: String(clock()),
          });
        }
        return answer;
      });
    } catch (error) {
      // Another request with this key may have committed while this one ran (on PostgreSQL it waited on a
      // row lock, then found the row moved on: a 409, or its key insert failed): the answer is the winner's.
      const prior = await replay<T>(db.manager, sender, idempotency);
      if (prior) return prior;
      // A unique index refused a row another write stored meanwhile: run again, and the rule's check now sees
      // that row and answers its 422 (unique-indexes.ts).
      if ((error instanceof RetryWrite || isUniqueViolation(error)) && attempt < 5) continue;
      throw error;
    }
  }
}
