import { DataSource, EntityManager } from 'typeorm';
import { driverErrorCode, isLockContention } from './db-errors';

/**
 * Runs `work` in one READ COMMITTED transaction; every read and write inside must use the manager it
 * is handed. READ COMMITTED takes no gap locks, so first inserts of different rows (two bodies saving
 * their first answers at once) never deadlock on the same index gap. Retried, whole, on a deadlock,
 * and on a duplicate key: a concurrent first insert of the same row won the race, and the retry sees
 * it (an answer then takes the update path where the version decides; a user e-mail gets its 409).
 */
export async function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction('READ COMMITTED', work);
    } catch (e) {
      const retry = isLockContention(e) || driverErrorCode(e) === 'ER_DUP_ENTRY';
      if (retry && attempt < 3) continue;
      throw e;
    }
  }
}
