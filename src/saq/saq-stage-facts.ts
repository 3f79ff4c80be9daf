import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService, StageParticipant } from '../periods/periods.service';
import { Stage } from '../periods/stage-machine';

/** What the saq module answers for when a period moves: its participations' counts, and the non-submitters. */
@Injectable()
export class SaqStageFacts implements StageParticipant, OnModuleInit {
  constructor(private readonly periods: PeriodsService) {}

  onModuleInit(): void {
    this.periods.joinStageMoves(this);
  }

  async facts(em: EntityManager, p: Period, now: Date) {
    const [row] = await em.query(
      `SELECT COUNT(*) AS participantCount,
              COALESCE(SUM(deadline_override > ? AND status IN ('INVITED','IN_PROGRESS')), 0) AS runningExtensions,
              COALESCE(SUM(status = 'SUBMITTED'), 0) AS unverifiedSubmissions,
              COALESCE(SUM(status = 'FINALIST'), 0) AS finalistCount
         FROM participations WHERE period_id = ?`,
      [now, p.id],
    );
    return {
      participantCount: Number(row.participantCount),
      runningExtensions: Number(row.runningExtensions),
      unverifiedSubmissions: Number(row.unverifiedSubmissions),
      finalistCount: Number(row.finalistCount),
    };
  }

  /** Bodies that never submitted become "Tidak Mengikuti Monev" when the SAQ closes: listed, never ranked. */
  async onLeave(em: EntityManager, p: Period, from: Stage) {
    if (from !== 'SAQ') return {};
    const r = await em.query(`UPDATE participations SET status = 'NOT_PARTICIPATING', version = version + 1 WHERE period_id = ? AND status IN ('INVITED','IN_PROGRESS')`, [p.id]);
    return { notParticipating: r.affectedRows ?? 0 };
  }
}
