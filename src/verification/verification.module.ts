import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { SaqModule } from '../saq/saq.module';
import { UsersModule } from '../users/users.module';
import { AssignmentsService } from './assignments.service';
import { ObjectionsService } from './objections.service';
import { VerificationController } from './verification.controller';
import { VerificationsService } from './verifications.service';

@Module({
  imports: [PeriodsModule, InstrumentsModule, SaqModule, UsersModule],
  controllers: [VerificationController],
  providers: [AssignmentsService, VerificationsService, ObjectionsService],
  exports: [VerificationsService],
})
export class VerificationModule {}
