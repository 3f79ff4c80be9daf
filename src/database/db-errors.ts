/** The MySQL error code (`ER_...`) behind a failed query, if it is one. */
export const driverErrorCode = (e: unknown): string | undefined => (e as { driverError?: { code?: string } } | undefined)?.driverError?.code;

/** A deadlock or lock wait timeout: the statement lost to concurrent writes and changed nothing; it may be retried. */
export const isLockContention = (e: unknown): boolean => {
  const code = driverErrorCode(e);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
};
