import { Module } from '@nestjs/common';
import { ParticipationAccess } from './participation-access';

/** Who may reach a participation (and through it its evidence and certificate): below the features, which import it. */
@Module({ providers: [ParticipationAccess], exports: [ParticipationAccess] })
export class AccessModule {}
