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

type RedisSettings = { REDIS_HOST: string; REDIS_PORT: number; REDIS_PASSWORD?: string; REDIS_CONNECT_TIMEOUT_MS?: number };

/** The Redis connection of every worker: `maxRetriesPerRequest: null` as BullMQ workers require. */
export const redisConnection = (env: RedisSettings) => ({
  host: env.REDIS_HOST,
  port: env.REDIS_PORT,
  password: env.REDIS_PASSWORD || undefined,
  connectTimeout: env.REDIS_CONNECT_TIMEOUT_MS ?? 5000,
  maxRetriesPerRequest: null,
});

/**
 * The Redis connection of the queues (producers): while Redis is down a command fails at once
 * instead of waiting in ioredis' offline queue, so an enqueue answers 503 rather than hanging the
 * request. The connection itself keeps reconnecting and serves again once Redis is back.
 */
export const redisProducerConnection = (env: RedisSettings) => ({
  ...redisConnection(env),
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
});
