import { Module } from '@nestjs/common';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { SaqModule } from '../saq/saq.module';
import { UsersModule } from '../users/users.module';
import { PanelController } from './panel.controller';
import { PanelService } from './panel.service';

@Module({
  imports: [PeriodsModule, InstrumentsModule, SaqModule, UsersModule],
  controllers: [PanelController],
  providers: [PanelService],
})
export class PanelModule {}
