import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Period } from '../periods/entities/period.entity';
import { PeriodsService, StageParticipant } from '../periods/periods.service';

@Injectable()
export class InstrumentStageFacts implements StageParticipant, OnModuleInit {
  constructor(private readonly periods: PeriodsService) {}

  onModuleInit(): void {
    this.periods.joinStageMoves(this);
  }

  async facts(em: EntityManager, p: Period) {
    const [row] = await em.query('SELECT COUNT(*) AS n FROM questions WHERE period_id = ?', [p.id]);
    return { questionCount: Number(row.n) };
  }
}
