import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstrumentsModule } from '../instruments/instruments.module';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { Participation } from './entities/participation.entity';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [TypeOrmModule.forFeature([Participation]), PeriodsModule, PublicBodiesModule, InstrumentsModule],
  controllers: [ParticipantsController],
  providers: [ParticipantsService],
  exports: [ParticipantsService],
})
export class SaqModule {}
