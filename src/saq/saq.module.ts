import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { AnswersService } from './answers.service';
import { Answer } from './entities/answer.entity';
import { Evidence } from './entities/evidence.entity';
import { Participation } from './entities/participation.entity';
import { EvidenceService } from './evidence.service';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';
import { ParticipationContexts } from './participation-contexts';
import { ParticipationRecords } from './participation-records';
import { ParticipationsController } from './participations.controller';
import { ParticipationsService } from './participations.service';
import { PdfChecker } from './pdf-checker';
import { SaqStageFacts } from './saq-stage-facts';

@Module({
  imports: [
    TypeOrmModule.forFeature([Participation, Answer, Evidence]),
    MulterModule.registerAsync({
      inject: [ENV],
      // busboy reads a multipart file name as latin1 unless told: browsers and curl send it as UTF-8.
      useFactory: (env: EnvironmentVariables) => ({ limits: { fileSize: env.EVIDENCE_MAX_BYTES, files: 1, fields: 10 }, defParamCharset: 'utf8' }),
    }),
    AccessModule,
    PeriodsModule,
    PublicBodiesModule,
    InstrumentsModule,
  ],
  controllers: [ParticipantsController, ParticipationsController, MonitoringController],
  providers: [
    SaqStageFacts,
    ParticipationContexts,
    ParticipantsService,
    ParticipationRecords,
    AnswersService,
    EvidenceService,
    ParticipationsService,
    PdfChecker,
    MonitoringService,
  ],
  exports: [ParticipantsService, ParticipationRecords, AnswersService, EvidenceService, ParticipationsService],
})
export class SaqModule {}
