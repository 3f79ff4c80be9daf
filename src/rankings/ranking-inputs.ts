import { createHash } from 'crypto';
import { EntityManager } from 'typeorm';
import { Period } from '../periods/entities/period.entity';
import { NOT_SUBMITTED_STATUSES } from '../saq/entities/participation.entity';

/** MD5 of each row folded into a sum: an order-independent fingerprint of a set, computed in SQL. */
const FOLD = (expr: string) => `COUNT(*) AS n, COALESCE(SUM(CONV(SUBSTRING(MD5(${expr}), 1, 15), 16, 10)), 0) AS h`;

/**
 * A fingerprint of everything a ranking depends on: the period's scoring settings, the finalists,
 * verified points per aspect (objections applied), participation and category of every body, and the
 * panel's scores. A few set-based queries; unchanged inputs give the same hash.
 */
export async function rankingInputsHash(em: EntityManager, period: Period): Promise<string> {
  const id = period.id;
  const parts = await Promise.all([
    em.query(
      `SELECT ${FOLD("CONCAT_WS('|', p.id, IF(p.status IN (?), 'N', 'P'), p.category_id, b.name, c.code, c.name, p.submitted_at)")}
         FROM participations p JOIN public_bodies b ON b.id = p.public_body_id JOIN categories c ON c.id = p.category_id WHERE p.period_id = ?`,
      [NOT_SUBMITTED_STATUSES, id],
    ),
    em.query(`SELECT ${FOLD("CONCAT_WS('|', s.participation_id, s.aspect_id, s.points)")} FROM aspect_subtotals s JOIN participations p ON p.id = s.participation_id WHERE p.period_id = ?`, [id]),
    em.query(`SELECT ${FOLD("CONCAT_WS('|', v.participation_id, v.panelist_id, v.score)")} FROM visitation_scores v JOIN participations p ON p.id = v.participation_id WHERE p.period_id = ?`, [id]),
    em.query(`SELECT ${FOLD("CONCAT_WS('|', s.participation_id, s.panelist_id, s.total)")} FROM presentation_sheets s JOIN participations p ON p.id = s.participation_id WHERE p.period_id = ?`, [id]),
    em.query('SELECT MAX(id) AS n, 0 AS h FROM finalist_selections WHERE period_id = ?', [id]),
  ]);
  const settings = {
    weights: [period.weightSaq, period.weightVisitation, period.weightPresentation],
    bands: period.bands,
    rubric: period.presentationRubric,
    rule: [period.finalistRuleType, period.finalistRuleValue],
  };
  const data = parts.map((rows) => `${rows[0].n}:${rows[0].h}`);
  return createHash('sha256').update(JSON.stringify({ settings, data })).digest('hex');
}
