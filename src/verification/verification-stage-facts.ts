import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService, StageParticipant } from '../periods/periods.service';
import { ParticipationRecords } from '../saq/participation-records';

@Injectable()
export class VerificationStageFacts implements StageParticipant, OnModuleInit {
  constructor(
    private readonly periods: PeriodsService,
    private readonly participations: ParticipationRecords,
  ) {}

  onModuleInit(): void {
    this.periods.joinStageMoves(this);
  }

  async facts(em: EntityManager, p: Period) {
    const ids = await this.participations.idsOfPeriod(em, p.id);
    if (!ids.length) return { openObjections: 0 };
    const [row] = await em.query(`SELECT COUNT(*) AS n FROM objections WHERE participation_id IN (?) AND status = 'OPEN'`, [ids]);
    return { openObjections: Number(row.n) };
  }
}
