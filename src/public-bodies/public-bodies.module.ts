import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Category } from './entities/category.entity';
import { PublicBody } from './entities/public-body.entity';
import { PublicBodiesController } from './public-bodies.controller';
import { PublicBodiesService } from './public-bodies.service';

@Module({
  imports: [TypeOrmModule.forFeature([Category, PublicBody])],
  controllers: [PublicBodiesController],
  providers: [PublicBodiesService],
  exports: [PublicBodiesService],
})
export class PublicBodiesModule {}
