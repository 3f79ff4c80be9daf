import { Module } from '@nestjs/common';
import { CertificatesJobHandler } from './certificates/certificates.handler';
import { CertificatesModule } from './certificates/certificates.module';
import { CertificatesReconciler } from './certificates/certificates.reconciler';
import { JOB_HANDLERS } from './jobs/job-handler';
import { JobReconciler, RECONCILABLES } from './jobs/job-reconciler';
import { PingHandler } from './jobs/ping.handler';
import { WorkerRegistry } from './jobs/worker-registry';
import { DeliverNotificationHandler, InviteParticipantsHandler, NoticeTickHandler, RequestPasswordResetHandler } from './notifications/notifications.handlers';
import { NotificationsModule } from './notifications/notifications.module';
import { RankingJobHandler } from './rankings/ranking.handler';
import { RankingReconciler } from './rankings/ranking.reconciler';
import { RankingsModule } from './rankings/rankings.module';

/**
 * Every job handler, the registry that consumes the queues, and the reconciler that re-enqueues the
 * jobs Redis lost. Imported by the worker process, and
 * by the API when WORKER_INLINE=true, so an API-only process never consumes jobs.
 */
@Module({
  imports: [RankingsModule, CertificatesModule, NotificationsModule],
  providers: [
    PingHandler,
    {
      provide: JOB_HANDLERS,
      inject: [PingHandler, RankingJobHandler, CertificatesJobHandler, DeliverNotificationHandler, InviteParticipantsHandler, RequestPasswordResetHandler, NoticeTickHandler],
      useFactory: (...handlers: unknown[]) => handlers,
    },
    WorkerRegistry,
    { provide: RECONCILABLES, inject: [RankingReconciler, CertificatesReconciler], useFactory: (...owners: unknown[]) => owners },
    JobReconciler,
  ],
})
export class WorkersModule {}
