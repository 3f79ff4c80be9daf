import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { OrganizersModule } from '../organizers/organizers.module';
import { PeriodsModule } from '../periods/periods.module';
import { RankingComputer } from './ranking.compute';
import { RankingJobHandler } from './ranking.handler';
import { RankingReconciler } from './ranking.reconciler';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

@Module({
  imports: [PeriodsModule, InstrumentsModule, OrganizersModule],
  controllers: [RankingsController],
  providers: [RankingsService, RankingComputer, RankingJobHandler, RankingReconciler],
  exports: [RankingsService, RankingJobHandler, RankingReconciler],
})
export class RankingsModule {}
