import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldOf, foldRows } from '../database/fold-rows';

export interface PanelScoreRow {
  participationId: string;
  panelistId: string;
  value: string;
}

/**
 * The panel module's read interface for a ranking: the period's latest finalists and the panel's
 * scores of a set of participations, as plain rows (one statement each, never a row per body).
 */
@Injectable()
export class PanelScoresReader {
  /** The finalists of the period's latest selection (empty before any). */
  async finalists(em: EntityManager, periodId: string): Promise<{ selectionId: string | null; participationIds: string[] }> {
    const [selection] = await em.query('SELECT id, participation_ids FROM finalist_selections WHERE period_id = ? ORDER BY id DESC LIMIT 1', [periodId]);
    return selection
      ? { selectionId: String(selection.id), participationIds: (JSON.parse(selection.participation_ids) as unknown[]).map(String) }
      : { selectionId: null, participationIds: [] };
  }

  async visitationScores(em: EntityManager, participationIds: string[]): Promise<PanelScoreRow[]> {
    return this.rows(em, 'SELECT participation_id, panelist_id, score AS val FROM visitation_scores WHERE participation_id IN (?)', participationIds);
  }

  /** Each panelist's presentation total. */
  async presentationTotals(em: EntityManager, participationIds: string[]): Promise<PanelScoreRow[]> {
    return this.rows(em, 'SELECT participation_id, panelist_id, total AS val FROM presentation_sheets WHERE participation_id IN (?)', participationIds);
  }

  /** The panel's scores of these participations and the period's latest selection, folded (see foldRows). */
  async fingerprint(em: EntityManager, periodId: string, participationIds: string[]): Promise<string[]> {
    const fold = async (sql: string) => (participationIds.length ? foldOf(await em.query(foldRows(sql), [participationIds])) : '0:0');
    const [visitation, presentation, selection] = await Promise.all([
      fold(`SELECT CONCAT_WS('|', participation_id, panelist_id, score) AS r FROM visitation_scores WHERE participation_id IN (?)`),
      fold(`SELECT CONCAT_WS('|', participation_id, panelist_id, total) AS r FROM presentation_sheets WHERE participation_id IN (?)`),
      em.query('SELECT MAX(id) AS n FROM finalist_selections WHERE period_id = ?', [periodId]),
    ]);
    return [visitation, presentation, String(selection[0].n)];
  }

  private async rows(em: EntityManager, sql: string, participationIds: string[]): Promise<PanelScoreRow[]> {
    if (!participationIds.length) return [];
    const rows: { participation_id: string; panelist_id: string; val: string }[] = await em.query(sql, [participationIds]);
    return rows.map((r) => ({ participationId: String(r.participation_id), panelistId: String(r.panelist_id), value: r.val }));
  }
}
