/** Every queue and job of the service, with a typed payload per job. */
export enum QueueName {
  System = 'system',
  Ranking = 'ranking',
  Certificates = 'certificates',
  Notifications = 'notifications',
}

export enum JobName {
  Ping = 'ping',
  ComputeRanking = 'compute-ranking',
  RenderCertificates = 'render-certificates',
  DeliverNotification = 'deliver-notification',
  InviteParticipants = 'invite-participants',
  RequestPasswordReset = 'request-password-reset',
  NoticeTick = 'notice-tick',
}

export interface JobPayloads {
  [JobName.Ping]: { organizerId: string; requestedBy: string; requestedAt: string };
  [JobName.ComputeRanking]: { organizerId: string; periodId: string; runId: string };
  [JobName.RenderCertificates]: { organizerId: string; batchId: string; certificateIds: string[] };
  /** `link`: the one-time link of an invitation or reset, never stored in MySQL (only its hash is). */
  [JobName.DeliverNotification]: { organizerId: string; notificationId: string; link?: string };
  [JobName.InviteParticipants]: { organizerId: string; batchId: string; requestedBy: string };
  [JobName.RequestPasswordReset]: { organizerId: string; email: string };
  [JobName.NoticeTick]: { organizerId: string };
}

/** Which queue carries which job; a job name belongs to exactly one queue. */
export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.Ping]: QueueName.System,
  [JobName.ComputeRanking]: QueueName.Ranking,
  [JobName.RenderCertificates]: QueueName.Certificates,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.InviteParticipants]: QueueName.Notifications,
  [JobName.RequestPasswordReset]: QueueName.Notifications,
  [JobName.NoticeTick]: QueueName.Notifications,
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
