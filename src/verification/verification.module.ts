import { AssessorAccess } from './assessor-access';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { SaqModule } from '../saq/saq.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { UsersModule } from '../users/users.module';
import { VerifiedScoresReader } from './verified-scores';
import { AssignmentsService } from './assignments.service';
import { ObjectionsService } from './objections.service';
import { VerificationController } from './verification.controller';
import { VerificationsService } from './verifications.service';
import { VerificationStageFacts } from './verification-stage-facts';

@Module({
  imports: [AccessModule, PeriodsModule, InstrumentsModule, SaqModule, UsersModule, PublicBodiesModule],
  controllers: [VerificationController],
  providers: [VerificationStageFacts, AssessorAccess, AssignmentsService, VerificationsService, ObjectionsService, VerifiedScoresReader],
  exports: [VerificationsService, VerifiedScoresReader],
})
export class VerificationModule {}
