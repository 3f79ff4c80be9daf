import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { SaqModule } from '../saq/saq.module';
import { UsersModule } from '../users/users.module';
import { VerificationModule } from '../verification/verification.module';
import { PanelScoresReader } from './panel-scores-reader';
import { PanelStageFacts } from './panel-stage-facts';
import { PanelController } from './panel.controller';
import { PanelService } from './panel.service';
import { PanelistAccess } from './panelist-access';

@Module({
  imports: [AccessModule, PeriodsModule, InstrumentsModule, SaqModule, UsersModule, PublicBodiesModule, VerificationModule],
  controllers: [PanelController],
  providers: [PanelStageFacts, PanelistAccess, PanelService, PanelScoresReader],
  exports: [PanelScoresReader],
})
export class PanelModule {}
