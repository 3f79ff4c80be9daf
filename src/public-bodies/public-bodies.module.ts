import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Category } from './entities/category.entity';
import { PublicBody } from './entities/public-body.entity';
import { PublicBodiesController } from './public-bodies.controller';
import { PublicBodiesService } from './public-bodies.service';
import { RegistryNames } from './registry-names';

@Module({
  imports: [TypeOrmModule.forFeature([Category, PublicBody])],
  controllers: [PublicBodiesController],
  providers: [PublicBodiesService, RegistryNames],
  exports: [PublicBodiesService, RegistryNames],
})
export class PublicBodiesModule {}
