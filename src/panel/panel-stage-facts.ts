import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService, StageParticipant } from '../periods/periods.service';
import { ParticipationRecords } from '../saq/participation-records';

@Injectable()
export class PanelStageFacts implements StageParticipant, OnModuleInit {
  constructor(
    private readonly periods: PeriodsService,
    private readonly participations: ParticipationRecords,
  ) {}

  onModuleInit(): void {
    this.periods.joinStageMoves(this);
  }

  /** Finalists missing a presentation sheet, or missing one from a panelist assigned to them. */
  async facts(em: EntityManager, p: Period) {
    const finalists = (await this.participations.ofPeriod(em, p.id, ['FINALIST'])).map((f) => f.id);
    if (!finalists.length) return { finalistsMissingSheets: 0 };
    const [sheets, assigned]: { participation_id: string; panelist_id: string }[][] = await Promise.all([
      em.query('SELECT participation_id, panelist_id FROM presentation_sheets WHERE participation_id IN (?)', [finalists]),
      em.query('SELECT participation_id, panelist_id FROM panel_assignments WHERE participation_id IN (?)', [finalists]),
    ]);
    const sheetKeys = new Set(sheets.map((s) => `${s.participation_id}:${s.panelist_id}`));
    const withSheet = new Set(sheets.map((s) => String(s.participation_id)));
    const missingAssigned = new Set(assigned.filter((a) => !sheetKeys.has(`${a.participation_id}:${a.panelist_id}`)).map((a) => String(a.participation_id)));
    return { finalistsMissingSheets: finalists.filter((id) => !withSheet.has(id) || missingAssigned.has(id)).length };
  }
}
