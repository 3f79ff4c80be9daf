import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ParticipationAccess } from '../access/participation-access';

/** The panel module's part of ParticipationAccess: whether a panelist, or an assessor as visitor, is assigned to a finalist. */
@Injectable()
export class PanelistAccess implements OnModuleInit {
  constructor(private readonly access: ParticipationAccess) {}

  onModuleInit(): void {
    this.access.provideAssignments('panelist', (em, userId, participationId) => this.isAssigned(em, userId, participationId));
    this.access.provideAssignments('visitor', (em, userId, participationId) => this.isVisitor(em, userId, participationId));
  }

  async isVisitor(em: EntityManager, assessorId: string, participationId: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM visitor_assignments WHERE participation_id = ? AND assessor_id = ? LIMIT 1', [participationId, assessorId]);
    return rows.length > 0;
  }

  async isAssigned(em: EntityManager, userId: string, participationId: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM panel_assignments WHERE participation_id = ? AND panelist_id = ? LIMIT 1', [participationId, userId]);
    return rows.length > 0;
  }
}
