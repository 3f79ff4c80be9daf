import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { inTransaction } from '../database/transaction';
import { InstrumentsService } from '../instruments/instruments.service';
import { PanelScoreRow, PanelScoresReader } from '../panel/panel-scores-reader';
import { PeriodsService } from '../periods/periods.service';
import { RegistryNames } from '../public-bodies/registry-names';
import { NOT_SUBMITTED_STATUSES, SUBMITTED_STATUSES } from '../saq/entities/participation.entity';
import { ParticipationRecords } from '../saq/participation-records';
import { format2 } from '../scoring/decimal';
import { mean } from '../scoring/panel-scores';
import { VerifiedScoresReader } from '../verification/verified-scores';
import { assembleRanking, RankingInput } from './assemble';

const INSERT_BATCH = 2000;

/**
 * Computes a ranking run: reads sub-scores set-based (aspect subtotals in primary-key batches, the
 * panel's scores grouped per finalist), assembles with the pure rules, and writes every result row
 * together with the run's DONE status in one transaction.
 */
@Injectable()
export class RankingComputer {
  private readonly logger = new Logger('Ranking');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly instruments: InstrumentsService,
    private readonly periods: PeriodsService,
    private readonly participations: ParticipationRecords,
    private readonly names: RegistryNames,
    private readonly verified: VerifiedScoresReader,
    private readonly panel: PanelScoresReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async compute(runId: string, report: (progress: number) => Promise<void>): Promise<{ ranked: number; notParticipating: number }> {
    const [run] = await this.ds.query('SELECT id, organizer_id, period_id, status, ranked_count, not_participating_count FROM ranking_runs WHERE id = ?', [runId]);
    if (!run) throw new Error(`ranking run ${runId} does not exist`);
    if (run.status === 'DONE') return { ranked: Number(run.ranked_count), notParticipating: Number(run.not_participating_count) };
    await this.ds.query(`UPDATE ranking_runs SET status = 'RUNNING', started_at = ?, progress_at = ?, attempts = attempts + 1, error = NULL, progress = 5 WHERE id = ?`, [
      this.clock.now(),
      this.clock.now(),
      runId,
    ]);
    const em = this.ds.manager;
    const period = await this.periods.find(String(run.organizer_id), String(run.period_id), em);
    const ins = await this.instruments.load(period);

    // Only a finalist's panel scores count, so only theirs are read.
    const finalistIds = (await this.panel.finalists(em, period.id)).participationIds;
    const finalists = new Set<string>(finalistIds);
    const visitation = panelMeans(await this.panel.visitationScores(em, finalistIds));
    const presentation = panelMeans(await this.panel.presentationTotals(em, finalistIds));
    await report(20);

    const inputs: RankingInput[] = [];
    for await (const batch of this.verified.stream(em, period.id, ins, SUBMITTED_STATUSES)) {
      for (const s of batch) {
        const finalist = finalists.has(s.participationId);
        inputs.push({
          participationId: s.participationId,
          publicBodyId: s.publicBodyId,
          bodyName: s.bodyName,
          categoryCode: s.categoryCode,
          categoryName: s.categoryName,
          participating: true,
          finalist,
          saq: s.saq,
          visitation: finalist ? (visitation.get(s.participationId) ?? null) : null,
          presentation: finalist ? (presentation.get(s.participationId) ?? null) : null,
          submittedAt: s.submittedAt,
        });
      }
    }
    const absent = await this.participations.ofPeriod(em, period.id, NOT_SUBMITTED_STATUSES);
    const [absentNames, absentCategories] = await Promise.all([
      this.names.bodyNames(
        em,
        absent.map((a) => a.publicBodyId),
      ),
      this.names.categories(
        em,
        absent.map((a) => a.categoryId),
      ),
    ]);
    for (const a of absent) {
      const category = absentCategories.get(a.categoryId)!;
      inputs.push({
        participationId: a.id,
        publicBodyId: a.publicBodyId,
        bodyName: absentNames.get(a.publicBodyId)!,
        categoryCode: category.code,
        categoryName: category.name,
        participating: false,
        finalist: false,
        saq: null,
        visitation: null,
        presentation: null,
        submittedAt: null,
      });
    }
    await report(50);

    const rows = assembleRanking(inputs, { saq: period.weightSaq, visitation: period.weightVisitation, presentation: period.weightPresentation }, period.bands);
    inputs.length = 0;
    await report(70);

    const ranked = rows.filter((r) => r.status === 'RANKED').length;
    await inTransaction(this.ds, async (em) => {
      await em.query('DELETE FROM ranking_results WHERE run_id = ?', [runId]);
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        const values = rows
          .slice(i, i + INSERT_BATCH)
          .map((r) => [
            runId,
            r.participationId,
            r.publicBodyId,
            r.bodyName,
            r.categoryCode,
            r.categoryName,
            r.status,
            r.finalist ? 1 : 0,
            format2(r.saq),
            exact(r.saq),
            format2(r.visitation),
            exact(r.visitation),
            format2(r.presentation),
            exact(r.presentation),
            format2(r.finalRounded),
            exact(r.finalExact),
            r.qualification,
            r.qualificationLabel,
            r.rankInCategory,
            r.rankOverall,
            r.submittedAt,
            r.position,
          ]);
        await em.query(
          `INSERT INTO ranking_results (run_id, participation_id, public_body_id, body_name, category_code, category_name, status, finalist,
             saq_score, saq_exact, visitation_score, visitation_exact, presentation_score, presentation_exact, final_score, final_exact,
             qualification, qualification_label, rank_in_category, rank_overall, submitted_at, position) VALUES ?`,
          [values],
        );
      }
      await em.query(`UPDATE ranking_runs SET status = 'DONE', progress = 100, finished_at = ?, ranked_count = ?, not_participating_count = ? WHERE id = ?`, [
        this.clock.now(),
        ranked,
        rows.length - ranked,
        runId,
      ]);
    });
    this.logger.log({ runId, ranked, notParticipating: rows.length - ranked }, 'ranking done');
    return { ranked, notParticipating: rows.length - ranked };
  }
}

const exact = (d: Decimal | null) => (d === null ? null : d.toString());

/** The mean of each finalist's panel scores, grouped here from plain rows (no GROUP_CONCAT to cut short). */
function panelMeans(rows: PanelScoreRow[]): Map<string, Decimal> {
  const scores = new Map<string, string[]>();
  for (const r of rows) {
    const list = scores.get(r.participationId);
    if (list) list.push(r.value);
    else scores.set(r.participationId, [r.value]);
  }
  return new Map([...scores].map(([id, vals]) => [id, mean(vals)!]));
}
