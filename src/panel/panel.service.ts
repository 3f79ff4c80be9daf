import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationErrorCode } from '../access/access.errors';
import { ParticipationAccess, ParticipationContext } from '../access/participation-access';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../common/auth-user';
import { Clock, CLOCK } from '../common/clock';
import { CommonErrorCode } from '../common/error-codes';
import { badRequest, conflict, notFound, unprocessable } from '../common/errors';
import { inTransaction } from '../database/transaction';
import { InstrumentsService } from '../instruments/instruments.service';
import { Period } from '../periods/entities/period.entity';
import { finalistRuleOf, finalistRuleView, usesVisitation } from '../periods/period-rules';
import { PeriodsService } from '../periods/periods.service';
import { isWindowOpen, WindowedStage } from '../periods/stage-machine';
import { RegistryNames } from '../public-bodies/registry-names';
import { ParticipationRecords } from '../saq/participation-records';
import { dec, format2 } from '../scoring/decimal';
import { selectFinalists } from '../scoring/finalists';
import { checkRubricScores, mean, rubricTotal } from '../scoring/panel-scores';
import { ConflictsService } from '../users/conflicts.service';
import { StaffDirectory } from '../users/users.service';
import { VerifiedScoresReader } from '../verification/verified-scores';
import { PanelOverviewItemDto, VisitorStatusDto } from './dto/panel-response.dto';
import { PanelAssignDto, PresentationDto, VisitationDto, VisitorAssignDto } from './dto/panel.dto';
import { PanelErrorCode } from './panel.errors';

/** Finalists, panel assignments, visitation and presentation scores (uji publik). */
interface SheetRow {
  participation_id: string;
  visitation_score: string | null;
  findings: string | null;
  visitation_version: number | null;
  criteria: string | null;
  total: string | null;
  note: string | null;
  sheet_version: number | null;
}

interface OverviewRow {
  id: string;
  body_name: string;
  category_code: string;
  panelist_id: string | null;
  panelist_name: string | null;
  visitation_score: string | null;
  presentation_total: string | null;
}

/** Names and codes in the order the database's utf8mb4 collation gives them (case- and accent-insensitive). */
const BY_NAME = new Intl.Collator('und', { sensitivity: 'base' });

@Injectable()
export class PanelService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly periods: PeriodsService,
    private readonly participations: ParticipationRecords,
    private readonly names: RegistryNames,
    private readonly staff: StaffDirectory,
    private readonly instruments: InstrumentsService,
    private readonly access: ParticipationAccess,
    private readonly conflicts: ConflictsService,
    private readonly audit: AuditService,
    private readonly verified: VerifiedScoresReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Finalists by the period's rule over the verified SAQ scores (objections applied). Repeatable
   * until PRESENTATION: earlier finalists that no longer qualify go back to VERIFIED (and leave the panel).
   */
  async selectFinalists(actor: AuthUser, periodId: string) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      if (period.stage !== 'OBJECTION' && period.stage !== 'VISITATION') {
        throw unprocessable(PanelErrorCode.FINALIST_SELECTION_CLOSED, `Finalists are selected after verification and until PRESENTATION opens (period is in ${period.stage})`, {
          stage: period.stage,
        });
      }
      const ins = await this.instruments.load(period, em);
      const entries: { key: string; categoryCode: string; saq: ReturnType<typeof dec> }[] = [];
      for await (const batch of this.verified.stream(em, period.id, ins, ['VERIFIED', 'FINALIST'])) {
        for (const s of batch) entries.push({ key: s.participationId, categoryCode: s.categoryCode, saq: s.saq });
      }
      const rule = finalistRuleOf(period.finalistRuleType, period.finalistRuleValue);
      const chosen = selectFinalists(entries, rule);
      const ids = [...chosen];
      const previous = await this.participations.setFinalists(em, period.id, ids);
      const dropped = previous.filter((id) => !chosen.has(id));
      if (dropped.length) {
        await em.query('DELETE FROM panel_assignments WHERE participation_id IN (?)', [dropped]);
        await em.query('DELETE FROM visitor_assignments WHERE participation_id IN (?)', [dropped]);
      }
      await em.query(
        'INSERT INTO finalist_selections (period_id, rule_type, rule_value, participation_ids, finalist_count, selected_by, selected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [period.id, period.finalistRuleType, period.finalistRuleValue, JSON.stringify(ids), ids.length, actor.id, this.clock.now()],
      );
      const byKey = new Map(entries.map((e) => [e.key, e]));
      const items = ids
        .map((id) => byKey.get(id)!)
        .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || b.saq.comparedTo(a.saq))
        .map((e) => ({ participationId: e.key, categoryCode: e.categoryCode, saqScore: format2(e.saq)!, saqScoreExact: e.saq.toString() }));
      const rulePublic = finalistRuleView(rule);
      await this.audit.record(em, {
        organizerId: actor.organizerId,
        actorId: actor.id,
        action: 'finalists.select',
        entityType: 'period',
        entityId: period.id,
        before: { finalists: previous },
        after: { rule: rulePublic, finalists: ids, droppedFromPanel: dropped },
      });
      return { rule: rulePublic, total: items.length, items };
    });
  }

  async assign(actor: AuthUser, periodId: string, dto: PanelAssignDto) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      const panelist = await this.staff.member(em, actor.organizerId, 'panelist', dto.panelistId);
      if (!panelist) throw notFound(PanelErrorCode.PANELIST_NOT_FOUND, 'Panelist', dto.panelistId);
      const ids = await this.finalistsFor(em, period, panelist, dto.participationIds, 'panelist');
      const r = await em.query('INSERT IGNORE INTO panel_assignments (period_id, participation_id, panelist_id) VALUES ?', [ids.map((id) => [period.id, id, panelist.id])]);
      const after = { panelistId: dto.panelistId, participationIds: ids, added: Number(r.affectedRows ?? 0) };
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'panel.assign', entityType: 'period', entityId: period.id, after });
      return after;
    });
  }

  /** An assessor visits finalists (visitation only, not the presentation panel); conflicts of interest apply as for panelists. */
  async assignVisitors(actor: AuthUser, periodId: string, dto: VisitorAssignDto) {
    return inTransaction(this.ds, async (em) => {
      const period = await this.periods.find(actor.organizerId, periodId, em, true);
      if (!usesVisitation(period.weightVisitation))
        throw unprocessable(PanelErrorCode.VISITATION_NOT_WEIGHTED, 'This period does not weight visitation', { weights: { visitation: '0.00' } });
      const assessor = await this.staff.member(em, actor.organizerId, 'assessor', dto.assessorId);
      if (!assessor) throw notFound(PanelErrorCode.VISITOR_NOT_FOUND, 'Assessor', dto.assessorId);
      const ids = await this.finalistsFor(em, period, assessor, dto.participationIds, 'assessor');
      const r = await em.query('INSERT IGNORE INTO visitor_assignments (period_id, participation_id, assessor_id) VALUES ?', [ids.map((id) => [period.id, id, assessor.id])]);
      const after = { assessorId: dto.assessorId, participationIds: ids, added: Number(r.affectedRows ?? 0) };
      await this.audit.record(em, { organizerId: actor.organizerId, actorId: actor.id, action: 'visitors.assign', entityType: 'period', entityId: period.id, after });
      return after;
    });
  }

  /** The distinct participations, each a finalist of the period that `person` has no conflict of interest with. */
  private async finalistsFor(em: EntityManager, period: Period, person: { id: string; affiliation: string | null }, participationIds: string[], role: 'panelist' | 'assessor') {
    const ids = [...new Set(participationIds)];
    const parts = (await this.participations.byIds(em, ids)).filter((p) => p.periodId === String(period.id));
    const found = new Set(parts.map((p) => p.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw notFound(ParticipationErrorCode.NOT_FOUND, 'Participations', missing.join(', '));
    const notFinalist = parts.filter((p) => p.status !== 'FINALIST').map((p) => p.id);
    if (notFinalist.length) throw unprocessable(PanelErrorCode.NOT_FINALIST, 'Only finalists are assigned to the panel', { notFinalist });
    const bodyNames = await this.names.bodyNames(
      em,
      parts.map((p) => p.publicBodyId),
    );
    const bodies = parts.map((p) => ({ id: p.publicBodyId, name: bodyNames.get(p.publicBodyId)! }));
    await this.conflicts.assertNone(em, person, bodies, role);
    return ids;
  }

  /**
   * A panelist's finalists, or an assessor's finalists to visit, each with its summary, the user's own
   * sheets and the body's panel scores so far (the means the ranking uses).
   */
  async mine(user: AuthUser) {
    const em = this.ds.manager;
    const sheets: SheetRow[] =
      user.role === 'assessor'
        ? await em.query(
            `SELECT va.participation_id, v.score AS visitation_score, v.findings, v.version AS visitation_version,
                    NULL AS criteria, NULL AS total, NULL AS note, NULL AS sheet_version
               FROM visitor_assignments va
               LEFT JOIN visitation_scores v ON v.participation_id = va.participation_id AND v.panelist_id = va.assessor_id
              WHERE va.assessor_id = ?`,
            [user.id],
          )
        : await em.query(
            `SELECT pa.participation_id, v.score AS visitation_score, v.findings, v.version AS visitation_version,
                    s.criteria, s.total, s.note, s.version AS sheet_version
               FROM panel_assignments pa
               LEFT JOIN visitation_scores v ON v.participation_id = pa.participation_id AND v.panelist_id = pa.panelist_id
               LEFT JOIN presentation_sheets s ON s.participation_id = pa.participation_id AND s.panelist_id = pa.panelist_id
              WHERE pa.panelist_id = ?`,
            [user.id],
          );
    const means = await this.bodyScores(
      em,
      sheets.map((r) => String(r.participation_id)),
    );
    const parts = new Map(
      (
        await this.participations.byIds(
          em,
          sheets.map((r) => String(r.participation_id)),
        )
      ).map((p) => [p.id, p]),
    );
    const [periods, bodyNames, categories] = await Promise.all([
      this.periods.yearsOf(
        user.organizerId,
        [...parts.values()].map((p) => p.periodId),
      ),
      this.names.bodyNames(
        em,
        [...parts.values()].map((p) => p.publicBodyId),
      ),
      this.names.categories(
        em,
        [...parts.values()].map((p) => p.categoryId),
      ),
    ]);
    const rows = sheets
      .filter((r) => parts.has(String(r.participation_id)) && periods.has(parts.get(String(r.participation_id))!.periodId))
      .map((r) => {
        const p = parts.get(String(r.participation_id))!;
        const period = periods.get(p.periodId)!;
        return {
          ...r,
          id: p.id,
          period_id: p.periodId,
          year: period.year,
          stage: period.stage,
          body_id: p.publicBodyId,
          body_name: bodyNames.get(p.publicBodyId)!,
          category_code: categories.get(p.categoryId)!.code,
          status: p.status,
        };
      })
      .sort((a, b) => b.year - a.year || BY_NAME.compare(a.category_code, b.category_code) || BY_NAME.compare(a.body_name, b.body_name));
    return {
      items: rows.map((r) => ({
        participationId: String(r.id),
        periodId: String(r.period_id),
        periodYear: Number(r.year),
        stage: r.stage,
        publicBody: { id: String(r.body_id), name: r.body_name },
        categoryCode: r.category_code,
        status: r.status,
        visitation: r.visitation_score === null ? null : { score: format2(r.visitation_score)!, findings: r.findings, version: Number(r.visitation_version) },
        presentation: r.criteria === null ? null : { criteria: JSON.parse(r.criteria), total: format2(r.total)!, note: r.note, version: Number(r.sheet_version) },
        bodyVisitationScore: means.get(String(r.id))?.visitation ?? null,
        bodyPresentationScore: means.get(String(r.id))?.presentation ?? null,
      })),
    };
  }

  /** Per participation: the mean of its visitors' scores and of its panelists' presentation totals, rounded to two decimals. */
  private async bodyScores(em: EntityManager, participationIds: string[]): Promise<Map<string, { visitation: string | null; presentation: string | null }>> {
    const out = new Map<string, { visitation: string | null; presentation: string | null }>();
    if (!participationIds.length) return out;
    const [visits, sheets]: { participation_id: string; val: string }[][] = await Promise.all([
      em.query('SELECT participation_id, score AS val FROM visitation_scores WHERE participation_id IN (?)', [participationIds]),
      em.query('SELECT participation_id, total AS val FROM presentation_sheets WHERE participation_id IN (?)', [participationIds]),
    ]);
    const meanOf = (rows: { participation_id: string; val: string }[], id: string) => format2(mean(rows.filter((r) => String(r.participation_id) === id).map((r) => r.val)));
    for (const id of new Set(participationIds)) out.set(id, { visitation: meanOf(visits, id), presentation: meanOf(sheets, id) });
    return out;
  }

  /** The assigned panelist (or, for a visitation, assessor visitor) of a finalist inside the stage's window, or the reason it may not score. */
  private async forScoring(user: AuthUser, participationId: string, stage: WindowedStage, em: EntityManager): Promise<{ p: ParticipationContext; period: Period }> {
    const p = await this.access.load(user, participationId, stage === 'VISITATION' ? 'visitor' : 'panelist', em, 'share');
    const period = await this.periods.find(user.organizerId, p.periodId, em);
    if (stage === 'VISITATION' && !usesVisitation(period.weightVisitation))
      throw unprocessable(PanelErrorCode.VISITATION_NOT_WEIGHTED, 'This period does not weight visitation', { weights: { visitation: '0.00' } });
    if (p.status !== 'FINALIST') throw unprocessable(PanelErrorCode.NOT_FINALIST, 'Only finalists are scored by the panel', { status: p.status });
    if (!isWindowOpen(p.stage, stage, new Date(p.schedule[stage]!.closesAt), this.clock.now())) {
      throw unprocessable(
        p.stage === stage ? PanelErrorCode.WINDOW_CLOSED : PanelErrorCode.NOT_OPEN,
        p.stage === stage ? `The ${stage} window has closed` : `${stage} scoring is not open: the period is in ${p.stage}`,
        { stage: p.stage },
      );
    }
    return { p, period };
  }

  async visitation(user: AuthUser, participationId: string, dto: VisitationDto) {
    return inTransaction(this.ds, async (em) => {
      const { p } = await this.forScoring(user, participationId, 'VISITATION', em);
      const score = format2(dto.score)!;
      const [current] = await em.query('SELECT id, score, findings, version FROM visitation_scores WHERE participation_id = ? AND panelist_id = ? FOR UPDATE', [p.id, user.id]);
      const version = this.nextVersion(current, dto.version, 'visitation score');
      const now = this.clock.now();
      if (current)
        await em.query('UPDATE visitation_scores SET score = ?, findings = ?, version = ?, updated_at = ? WHERE id = ?', [score, dto.findings ?? null, version, now, current.id]);
      else
        await em.query('INSERT INTO visitation_scores (participation_id, panelist_id, score, findings, version, updated_at) VALUES (?, ?, ?, ?, 1, ?)', [
          p.id,
          user.id,
          score,
          dto.findings ?? null,
          now,
        ]);
      const after = { score, findings: dto.findings ?? null, version };
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'visitation.save',
        entityType: 'visitation',
        entityId: `${p.id}:${user.id}`,
        before: current ? { score: current.score, version: Number(current.version) } : null,
        after,
      });
      return { participationId: p.id, ...after, bodyVisitationScore: await this.visitationScoreOf(em, p.id) };
    });
  }

  async presentation(user: AuthUser, participationId: string, dto: PresentationDto) {
    return inTransaction(this.ds, async (em) => {
      const { p, period } = await this.forScoring(user, participationId, 'PRESENTATION', em);
      const problems = checkRubricScores(period.presentationRubric, dto.criteria);
      if (problems.length) throw badRequest(PanelErrorCode.INVALID_SHEET, `Invalid presentation sheet: ${problems.map((x) => x.message).join('; ')}`, problems);
      const total = rubricTotal(
        period.presentationRubric,
        dto.criteria.map((c) => ({ code: c.code, score: c.score })),
      );
      const criteria = dto.criteria.map((c) => ({ code: c.code, score: format2(c.score)! }));
      const [current] = await em.query('SELECT id, total, version FROM presentation_sheets WHERE participation_id = ? AND panelist_id = ? FOR UPDATE', [p.id, user.id]);
      const version = this.nextVersion(current, dto.version, 'presentation sheet');
      const now = this.clock.now();
      const totalText = total.toFixed(6);
      if (current) {
        await em.query('UPDATE presentation_sheets SET criteria = ?, total = ?, note = ?, version = ?, updated_at = ? WHERE id = ?', [
          JSON.stringify(criteria),
          totalText,
          dto.note ?? null,
          version,
          now,
          current.id,
        ]);
      } else {
        await em.query('INSERT INTO presentation_sheets (participation_id, panelist_id, criteria, total, note, version, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?)', [
          p.id,
          user.id,
          JSON.stringify(criteria),
          totalText,
          dto.note ?? null,
          now,
        ]);
      }
      const after = { criteria, total: format2(total)!, totalExact: total.toString(), note: dto.note ?? null, version };
      await this.audit.record(em, {
        organizerId: p.organizerId,
        actorId: user.id,
        action: 'presentation.save',
        entityType: 'presentation_sheet',
        entityId: `${p.id}:${user.id}`,
        before: current ? { total: current.total, version: Number(current.version) } : null,
        after,
      });
      const body = await this.presentationScoreOf(em, p.id);
      return { participationId: p.id, ...after, bodyPresentationScore: body.rounded, bodyPresentationScoreExact: body.exact };
    });
  }

  private nextVersion(current: { version: number } | undefined, sent: number | undefined, what: string): number {
    const currentVersion = current ? Number(current.version) : 0;
    if (sent !== undefined && sent !== currentVersion)
      throw conflict(CommonErrorCode.STALE_VERSION, `The ${what} was changed meanwhile (version ${currentVersion}, yours ${sent}); reload and retry`, { currentVersion });
    return currentVersion + 1;
  }

  /** The body's visitation score: the exact mean of its visitors' scores (panelists and assessors alike). */
  private async visitationScoreOf(em: EntityManager, participationId: string) {
    const rows: { score: string }[] = await em.query('SELECT score FROM visitation_scores WHERE participation_id = ?', [participationId]);
    const m = mean(rows.map((r) => r.score));
    return m === null ? null : format2(m);
  }

  private async presentationScoreOf(em: EntityManager, participationId: string) {
    const rows: { total: string }[] = await em.query('SELECT total FROM presentation_sheets WHERE participation_id = ?', [participationId]);
    const m = mean(rows.map((r) => r.total));
    return { rounded: m === null ? null : format2(m), exact: m === null ? null : m.toString() };
  }

  /** Admin view: every finalist with its panelists and who has not scored it yet. */
  async overview(actor: AuthUser, periodId: string) {
    const period = await this.periods.find(actor.organizerId, periodId);
    const em = this.ds.manager;
    const finalists = await this.participations.ofPeriod(em, period.id, ['FINALIST']);
    const scored: { participation_id: string; panelist_id: string; visitation_score: string | null; presentation_total: string | null }[] = await em.query(
      `SELECT pa.participation_id, pa.panelist_id, v.score AS visitation_score, s.total AS presentation_total
         FROM panel_assignments pa
         LEFT JOIN visitation_scores v ON v.participation_id = pa.participation_id AND v.panelist_id = pa.panelist_id
         LEFT JOIN presentation_sheets s ON s.participation_id = pa.participation_id AND s.panelist_id = pa.panelist_id
        WHERE pa.period_id = ?`,
      [period.id],
    );
    const visits: { participation_id: string; assessor_id: string; visitation_score: string | null }[] = await em.query(
      `SELECT va.participation_id, va.assessor_id, v.score AS visitation_score
         FROM visitor_assignments va
         LEFT JOIN visitation_scores v ON v.participation_id = va.participation_id AND v.panelist_id = va.assessor_id
        WHERE va.period_id = ?`,
      [period.id],
    );
    const [bodyNames, categories, staffNames] = await Promise.all([
      this.names.bodyNames(
        em,
        finalists.map((p) => p.publicBodyId),
      ),
      this.names.categories(
        em,
        finalists.map((p) => p.categoryId),
      ),
      this.staff.namesOf(em, [...scored.map((r) => String(r.panelist_id)), ...visits.map((r) => String(r.assessor_id))]),
    ]);
    const visitorsOf = new Map<string, VisitorStatusDto[]>();
    for (const r of visits) {
      const name = staffNames.get(String(r.assessor_id));
      if (name === undefined) continue;
      const key = String(r.participation_id);
      visitorsOf.set(key, [...(visitorsOf.get(key) ?? []), { id: String(r.assessor_id), name, visitation: format2(r.visitation_score), scored: r.visitation_score !== null }]);
    }
    const panelOf = new Map<string, typeof scored>();
    for (const r of scored) panelOf.set(String(r.participation_id), [...(panelOf.get(String(r.participation_id)) ?? []), r]);
    const rows = finalists
      .map((p) => ({ p, body_name: bodyNames.get(p.publicBodyId)!, category_code: categories.get(p.categoryId)!.code }))
      .sort((a, b) => BY_NAME.compare(a.category_code, b.category_code) || BY_NAME.compare(a.body_name, b.body_name))
      .flatMap(({ p, body_name, category_code }): OverviewRow[] => {
        const panel = (panelOf.get(p.id) ?? [])
          .filter((r) => staffNames.has(String(r.panelist_id)))
          .map((r) => ({ ...r, panelist_name: staffNames.get(String(r.panelist_id))! }))
          .sort((a, b) => BY_NAME.compare(a.panelist_name, b.panelist_name));
        const base = { id: p.id, body_name, category_code };
        return panel.length ? panel.map((r) => ({ ...base, ...r })) : [{ ...base, panelist_id: null, panelist_name: null, visitation_score: null, presentation_total: null }];
      });
    const visitation = usesVisitation(period.weightVisitation);
    const byId = new Map<string, PanelOverviewItemDto>();
    for (const r of rows) {
      const id = String(r.id);
      if (!byId.has(id))
        byId.set(id, {
          participationId: id,
          publicBody: r.body_name,
          categoryCode: r.category_code,
          panelists: [],
          missingVisitation: [],
          missingPresentation: [],
          visitors: (visitorsOf.get(id) ?? []).sort((a, b) => BY_NAME.compare(a.name, b.name)),
        });
      const item = byId.get(id)!;
      if (r.panelist_id === null || r.panelist_name === null) continue;
      item.panelists.push({ id: String(r.panelist_id), name: r.panelist_name, visitation: format2(r.visitation_score), presentation: format2(r.presentation_total) });
      if (visitation && r.visitation_score === null) item.missingVisitation.push(r.panelist_name);
      if (r.presentation_total === null) item.missingPresentation.push(r.panelist_name);
    }
    return { items: [...byId.values()] };
  }
}
