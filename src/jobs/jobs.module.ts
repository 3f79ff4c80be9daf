import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ENV, EnvironmentVariables } from '../config/config.module';
import { InvalidationBus } from './invalidation-bus';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, redisProducerConnection } from './jobs.types';

/** Queues for producers (api and worker alike). Processors are registered by WorkersModule only. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: EnvironmentVariables) => ({
        prefix: env.QUEUE_PREFIX,
        connection: redisProducerConnection(env),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  controllers: [JobsController],
  providers: [JobsService, InvalidationBus],
  exports: [JobsService, InvalidationBus, BullModule],
})
export class JobsModule {}
