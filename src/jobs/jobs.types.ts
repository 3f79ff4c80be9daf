/** Every queue and job of the service, with a typed payload per job. */
export enum QueueName {
  System = 'system',
  Ranking = 'ranking',
  Certificates = 'certificates',
}

export enum JobName {
  Ping = 'ping',
  ComputeRanking = 'compute-ranking',
  RenderCertificates = 'render-certificates',
}

export interface JobPayloads {
  [JobName.Ping]: { organizerId: string; requestedBy: string; requestedAt: string };
  [JobName.ComputeRanking]: { organizerId: string; periodId: string; runId: string };
  [JobName.RenderCertificates]: { organizerId: string; batchId: string; certificateIds: string[] };
}

/** Which queue carries which job; a job name belongs to exactly one queue. */
export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.Ping]: QueueName.System,
  [JobName.ComputeRanking]: QueueName.Ranking,
  [JobName.RenderCertificates]: QueueName.Certificates,
};

export const ALL_QUEUES = Object.values(QueueName);

/** Retries with exponential backoff for every job unless a producer says otherwise. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * The Redis connection of every queue and worker. `maxRetriesPerRequest: null` as BullMQ workers
 * require; producers are bounded by the enqueue timeout in JobsService instead.
 */
export const redisConnection = (env: { REDIS_HOST: string; REDIS_PORT: number; REDIS_PASSWORD?: string }) => ({
  host: env.REDIS_HOST,
  port: env.REDIS_PORT,
  password: env.REDIS_PASSWORD || undefined,
  maxRetriesPerRequest: null,
});
