import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ParticipationAccess } from '../access/participation-access';

/** The verification module's part of ParticipationAccess: whether an assessor is assigned to a participation. */
@Injectable()
export class AssessorAccess implements OnModuleInit {
  constructor(private readonly access: ParticipationAccess) {}

  onModuleInit(): void {
    this.access.provideAssignments('assessor', (em, userId, participationId) => this.isAssigned(em, userId, participationId));
  }

  async isAssigned(em: EntityManager, userId: string, participationId: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM assignments WHERE participation_id = ? AND assessor_id = ? LIMIT 1', [participationId, userId]);
    return rows.length > 0;
  }
}
