import { Module } from '@nestjs/common';
import { SystemProcessor } from './jobs/system.processor';

/**
 * Every BullMQ processor. Imported by the worker process, and by the API when WORKER_INLINE=true,
 * so an API-only process never consumes jobs.
 */
@Module({ providers: [SystemProcessor] })
export class WorkersModule {}
