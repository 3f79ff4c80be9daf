import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { SaqModule } from '../saq/saq.module';
import { UsersModule } from '../users/users.module';
import { AssessorAccess } from './assessor-access';
import { AssignmentsService } from './assignments.service';
import { ObjectionsService } from './objections.service';
import { VerificationStageFacts } from './verification-stage-facts';
import { VerificationController } from './verification.controller';
import { VerificationsService } from './verifications.service';
import { VerifiedScoresReader } from './verified-scores';

@Module({
  imports: [AccessModule, PeriodsModule, InstrumentsModule, SaqModule, UsersModule, PublicBodiesModule],
  controllers: [VerificationController],
  providers: [VerificationStageFacts, AssessorAccess, AssignmentsService, VerificationsService, ObjectionsService, VerifiedScoresReader],
  exports: [VerificationsService, VerifiedScoresReader, ObjectionsService],
})
export class VerificationModule {}
