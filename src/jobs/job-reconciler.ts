import { randomBytes } from 'crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { ENV, EnvironmentVariables } from '../config/config.module';

/** How the reconciler treats a run or batch whose jobs Redis lost or that stopped moving. */
export interface ReconcilePolicy {
  /** Progress younger than this is left alone: its producer may not have enqueued yet, or a worker is finishing. */
  graceMs: number;
  /** Progress older than this counts as lost even when its job still sits in Redis. */
  staleAfterMs: number;
  /** Re-enqueues before the run or batch is marked FAILED. */
  maxAttempts: number;
}

export type ReconcileAction = 'keep' | 'requeue' | 'fail';

/**
 * What to do about one QUEUED/RUNNING run or batch, given whether any of its jobs is missing (or
 * finished) in Redis, when its progress last moved and how often it was re-enqueued already.
 */
export function reconcileAction(t: { jobLost: boolean; progressAt: Date; reconciles: number }, now: Date, policy: ReconcilePolicy): ReconcileAction {
  const idleMs = now.getTime() - t.progressAt.getTime();
  if (idleMs < policy.graceMs) return 'keep';
  if (!t.jobLost && idleMs < policy.staleAfterMs) return 'keep';
  return t.reconciles >= policy.maxAttempts ? 'fail' : 'requeue';
}

/** Why a run or batch is FAILED by the reconciler. */
export const gaveUpReason = (attempts: number, jobLost: boolean) =>
  `No progress after ${attempts} re-enqueue(s): ${jobLost ? 'its job was lost from the queue (Redis) each time' : 'its job stopped making progress'}`;

/** A random token for job ids, so a recreated database never repeats a job id Redis still holds. */
export const jobToken = (): string => randomBytes(6).toString('hex');

/** A kind of job whose state lives in MySQL and can be rebuilt from it (ranking runs, certificate batches). */
export interface Reconcilable {
  readonly what: string;
  reconcile(now: Date, policy: ReconcilePolicy): Promise<void>;
}

export const RECONCILABLES = Symbol('RECONCILABLES');

/**
 * A timer in every worker process that compares MySQL's QUEUED/RUNNING runs and batches with Redis and
 * re-enqueues what Redis lost. A timer rather than a repeatable BullMQ job, because a Redis that lost
 * its data loses the repeatable job too. Several workers may run it at once: each owner re-enqueues
 * under a compare-and-set on the row and under the job's fixed id, so a job is queued once.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobReconciler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(RECONCILABLES) private readonly owners: Reconcilable[],
    @Inject(ENV) private readonly env: EnvironmentVariables,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get policy(): ReconcilePolicy {
    return { graceMs: 2 * this.env.JOB_RECONCILE_INTERVAL_MS, staleAfterMs: this.env.JOB_STALE_AFTER_MS, maxAttempts: this.env.JOB_RECONCILE_MAX_ATTEMPTS };
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.env.JOB_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  /** One pass over every owner; an owner's failure (MySQL or Redis down) is logged and retried next tick. */
  async tick(): Promise<void> {
    for (const owner of this.owners) {
      try {
        await owner.reconcile(this.clock.now(), this.policy);
      } catch (e) {
        this.logger.warn({ what: owner.what, err: (e as Error).message }, 'reconcile pass failed');
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
