import { PanelistAccess } from './panelist-access';
import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { SaqModule } from '../saq/saq.module';
import { UsersModule } from '../users/users.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { VerificationModule } from '../verification/verification.module';
import { PanelController } from './panel.controller';
import { PanelScoresReader } from './panel-scores-reader';
import { PanelService } from './panel.service';
import { PanelStageFacts } from './panel-stage-facts';

@Module({
  imports: [AccessModule, PeriodsModule, InstrumentsModule, SaqModule, UsersModule, PublicBodiesModule, VerificationModule],
  controllers: [PanelController],
  providers: [PanelStageFacts, PanelistAccess, PanelService, PanelScoresReader],
  exports: [PanelScoresReader],
})
export class PanelModule {}
