import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldOf, foldRows } from '../database/fold-rows';
import { NOT_SUBMITTED_STATUSES, ParticipationStatus } from './entities/participation.entity';

export interface ParticipationRecord {
  id: string;
  periodId: string;
  publicBodyId: string;
  categoryId: string;
  status: ParticipationStatus;
  submittedAt: Date | null;
}

const COLUMNS = 'id, period_id, public_body_id, category_id, status, submitted_at';
const record = (r: {
  id: string;
  period_id: string;
  public_body_id: string;
  category_id: string;
  status: ParticipationStatus;
  submitted_at: Date | null;
}): ParticipationRecord => ({
  id: String(r.id),
  periodId: String(r.period_id),
  publicBodyId: String(r.public_body_id),
  categoryId: String(r.category_id),
  status: r.status,
  submittedAt: r.submitted_at,
});

/**
 * The saq module's read interface over `participations` for whole periods (rankings, verification,
 * panel, periods): set-based reads, a page in primary-key order, never a row per call.
 */
@Injectable()
export class ParticipationRecords {
  /** The next page of a period's participations in the given statuses, in id order after `after`. */
  async page(em: EntityManager, periodId: string, statuses: readonly string[], after: string, limit: number): Promise<ParticipationRecord[]> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM participations WHERE period_id = ? AND id > ? AND status IN (?) ORDER BY id LIMIT ?`, [periodId, after, statuses, limit]);
    return rows.map(record);
  }

  async ofPeriod(em: EntityManager, periodId: string, statuses: readonly string[]): Promise<ParticipationRecord[]> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM participations WHERE period_id = ? AND status IN (?) ORDER BY id`, [periodId, statuses]);
    return rows.map(record);
  }

  /** The participations among `ids` (any period), in id order. */
  async byIds(em: EntityManager, ids: readonly string[]): Promise<ParticipationRecord[]> {
    if (!ids.length) return [];
    const rows = await em.query(`SELECT ${COLUMNS} FROM participations WHERE id IN (?) ORDER BY id`, [[...new Set(ids)]]);
    return rows.map(record);
  }

  async inPeriod(em: EntityManager, periodId: string, id: string): Promise<ParticipationRecord | undefined> {
    const [r] = await em.query(`SELECT ${COLUMNS} FROM participations WHERE id = ? AND period_id = ?`, [id, periodId]);
    return r ? record(r) : undefined;
  }

  async idsOfPeriod(em: EntityManager, periodId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query('SELECT id FROM participations WHERE period_id = ?', [periodId]);
    return rows.map((r) => String(r.id));
  }

  /** Per category of the period: enrolled, started, submitted and not participating (`notParticipating` statuses). */
  async progressByCategory(em: EntityManager, periodId: string): Promise<{ categoryId: string; enrolled: number; started: number; submitted: number; notParticipating: number }[]> {
    const rows: Record<string, string>[] = await em.query(
      `SELECT category_id, COUNT(*) AS enrolled, SUM(started_at IS NOT NULL) AS started, SUM(submitted_at IS NOT NULL) AS submitted,
              SUM(status IN (?)) AS not_participating
         FROM participations WHERE period_id = ? GROUP BY category_id`,
      [NOT_SUBMITTED_STATUSES, periodId],
    );
    return rows.map((r) => ({
      categoryId: String(r.category_id),
      enrolled: Number(r.enrolled),
      started: Number(r.started),
      submitted: Number(r.submitted),
      notParticipating: Number(r.not_participating),
    }));
  }

  /** What a ranking reads of the period's participations, folded (see foldRows). */
  async fingerprint(em: EntityManager, periodId: string): Promise<string> {
    return foldOf(
      await em.query(foldRows(`SELECT CONCAT_WS('|', id, IF(status IN (?), 'N', 'P'), category_id, public_body_id, submitted_at) AS r FROM participations WHERE period_id = ?`), [
        NOT_SUBMITTED_STATUSES,
        periodId,
      ]),
    );
  }

  /** Finalist selection: the period's finalists become exactly `ids` (earlier ones go back to VERIFIED); returns the earlier ones. */
  async setFinalists(em: EntityManager, periodId: string, ids: string[]): Promise<string[]> {
    const previous: { id: string }[] = await em.query(`SELECT id FROM participations WHERE period_id = ? AND status = 'FINALIST'`, [periodId]);
    await em.query(`UPDATE participations SET status = 'VERIFIED', version = version + 1 WHERE period_id = ? AND status = 'FINALIST'`, [periodId]);
    if (ids.length) await em.query(`UPDATE participations SET status = 'FINALIST', version = version + 1 WHERE period_id = ? AND id IN (?)`, [periodId, ids]);
    return previous.map((r) => String(r.id));
  }

  /** Verification complete: the participation becomes VERIFIED (its version moves). */
  async markVerified(em: EntityManager, participationId: string): Promise<void> {
    await em.query(`UPDATE participations SET status = 'VERIFIED', version = version + 1 WHERE id = ?`, [participationId]);
  }

  /** Publication: the ranked bodies' participations become RANKED (their versions move). */
  async markRanked(em: EntityManager, participationIds: string[]): Promise<void> {
    if (!participationIds.length) return;
    await em.query(`UPDATE participations SET status = 'RANKED', version = version + 1 WHERE id IN (?) AND status <> 'RANKED'`, [participationIds]);
  }
}
