import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { PanelModule } from '../panel/panel.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { SaqModule } from '../saq/saq.module';
import { VerificationModule } from '../verification/verification.module';
import { RankingInputs } from './ranking-inputs';
import { RankingReportReader } from './ranking-report-reader';
import { RankingResultsReader } from './ranking-results-reader';
import { RankingComputer } from './ranking.compute';
import { RankingJobHandler } from './ranking.handler';
import { RankingReconciler } from './ranking.reconciler';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({
  imports: [PeriodsModule, InstrumentsModule, OrganizersModule, PublicBodiesModule, SaqModule, VerificationModule, PanelModule],
  controllers: [RankingsController],
  providers: [RankingsService, RankingComputer, RankingInputs, RankingJobHandler, RankingReconciler, RankingResultsReader, RankingReportReader],
  exports: [RankingsService, RankingResultsReader, RankingReportReader, RankingJobHandler, RankingReconciler],
})
export class RankingsModule {}
