/**
 * One write transaction at a time per process on SQLite. TypeORM's
 * better-sqlite3 driver has ONE connection (one query runner) for the whole
 * process, and `transaction()` on it nests: a second request's transaction,
 * started while the first is open, becomes a SAVEPOINT inside it, so the
 * first one's COMMIT only releases the second's savepoint and one request's
 * ROLLBACK can undo the other's work. Queueing the write transactions here
 * makes each one whole. PostgreSQL has a pool of real connections and needs
 * none of this: there the writes lock their rows (SELECT … FOR UPDATE) and
 * compare-and-set their versions.
 */
import type { DataSource, EntityManager } from 'typeorm';

let tail: Promise<unknown> = Promise.resolve();

export function isPostgres(db: DataSource): boolean {
  return db.options.type === 'postgres';
}

/** `db.transaction(work)`, queued behind every other one on SQLite. */
export function serialTransaction<T>(db: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return db.transaction(work);
  const run = tail.then(
    () => db.transaction(work),
    () => db.transaction(work),
  );
  tail = run.catch(() => undefined);
  return run;
}
