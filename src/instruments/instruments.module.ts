import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeriodsModule } from '../periods/periods.module';
import { PublicBodiesModule } from '../public-bodies/public-bodies.module';
import { Aspect } from './entities/aspect.entity';
import { Question } from './entities/question.entity';
import { InstrumentStageFacts } from './instrument-stage-facts';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';

@Module({
  imports: [TypeOrmModule.forFeature([Aspect, Question]), PeriodsModule, PublicBodiesModule],
  controllers: [InstrumentsController],
  providers: [InstrumentStageFacts, InstrumentsService],
  exports: [InstrumentsService],
})
export class InstrumentsModule {}
