import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { RankingsModule } from '../rankings/rankings.module';
import { SaqModule } from '../saq/saq.module';
import { VerificationModule } from '../verification/verification.module';
import { PublicReportsController } from './public-reports.controller';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Ranking exports (CSV, XLSX) and period statistics, read from ranking runs and verified subtotals. */
@Module({
  imports: [PeriodsModule, InstrumentsModule, RankingsModule, SaqModule, VerificationModule, PublicBodiesModule],
  controllers: [ReportsController, PublicReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
