import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction; every read and write inside must use the manager it is handed.
 * Retries once on an InnoDB deadlock, which MySQL resolves by aborting one of the two parties.
 */
export async function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (e) {
      const code = (e as { driverError?: { code?: string } })?.driverError?.code;
      if (code === 'ER_LOCK_DEADLOCK' && attempt < 3) continue;
      throw e;
    }
  }
}
