/**
 * ioredis' failures of a Redis that is down or unreachable (nothing about the request itself): a
 * command refused while disconnected (the queues keep no offline queue), one given up after its
 * retries, or a connection closed under it.
 */
const UNREACHABLE_MESSAGES = /^(Stream isn't writeable and enableOfflineQueue options is false|Connection is closed\.|Reached the max retries per request limit)/;

export const isRedisUnreachable = (e: unknown): boolean => {
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: unknown; message?: unknown };
  return err.name === 'MaxRetriesPerRequestError' || (typeof err.message === 'string' && UNREACHABLE_MESSAGES.test(err.message));
};
