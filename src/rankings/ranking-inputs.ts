import { createHash } from 'crypto';
import { EntityManager } from 'typeorm';
import { Period } from '../periods/entities/period.entity';
import { NOT_SUBMITTED_STATUSES } from '../saq/entities/participation.entity';

/**
 * An order-independent fingerprint of a set of rows, computed in SQL: over `rowsSql` (a SELECT of one
 * column `r`, a row as a string), the row count and the sums of the two 64-bit halves of each row's MD5.
 * Each half is cast to BIGINT UNSIGNED, so MySQL sums it as an exact DECIMAL: a sum of CONV()'s string
 * would be a DOUBLE, rounded differently in another row order.
 */
export const foldRows = (rowsSql: string) => {
  const half = (from: number) => `COALESCE(SUM(CAST(CONV(SUBSTRING(x.m, ${from}, 16), 16, 10) AS UNSIGNED)), 0)`;
  return `SELECT COUNT(*) AS n, CONCAT(${half(1)}, '.', ${half(17)}) AS h FROM (SELECT MD5(fold_in.r) AS m FROM (${rowsSql}) fold_in) x`;
};

/**
 * A fingerprint of everything a ranking depends on: the period's scoring settings, the finalists,
 * verified points per aspect (objections applied), participation and category of every body, and the
 * panel's scores. A few set-based queries; unchanged inputs give the same hash.
 */
export async function rankingInputsHash(em: EntityManager, period: Period): Promise<string> {
  const id = period.id;
  const parts = await Promise.all([
    em.query(
      foldRows(`SELECT CONCAT_WS('|', p.id, IF(p.status IN (?), 'N', 'P'), p.category_id, b.name, c.code, c.name, p.submitted_at) AS r
         FROM participations p JOIN public_bodies b ON b.id = p.public_body_id JOIN categories c ON c.id = p.category_id WHERE p.period_id = ?`),
      [NOT_SUBMITTED_STATUSES, id],
    ),
    em.query(foldRows(`SELECT CONCAT_WS('|', s.participation_id, s.aspect_id, s.points) AS r FROM aspect_subtotals s JOIN participations p ON p.id = s.participation_id WHERE p.period_id = ?`), [id]),
    em.query(foldRows(`SELECT CONCAT_WS('|', v.participation_id, v.panelist_id, v.score) AS r FROM visitation_scores v JOIN participations p ON p.id = v.participation_id WHERE p.period_id = ?`), [id]),
    em.query(foldRows(`SELECT CONCAT_WS('|', s.participation_id, s.panelist_id, s.total) AS r FROM presentation_sheets s JOIN participations p ON p.id = s.participation_id WHERE p.period_id = ?`), [id]),
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
