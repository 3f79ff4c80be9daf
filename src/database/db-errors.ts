/** The MySQL error code (`ER_...`) behind a failed query, if it is one. */
export const driverErrorCode = (e: unknown): string | undefined => (e as { driverError?: { code?: string } } | undefined)?.driverError?.code;

/**
 * A deadlock or lock wait timeout: the statement lost to concurrent writes and changed nothing; it may be
 * retried. InnoDB reports one met while taking a table's AUTO-INC lock (held to the end of a statement
 * that inserts through INSERT ... SELECT, as the answers audit triggers do) as ER_AUTOINC_READ_FAILED.
 */
export const isLockContention = (e: unknown): boolean => {
  const code = driverErrorCode(e);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'ER_AUTOINC_READ_FAILED';
};

/** MariaDB's max_statement_time (1969, unnamed in mysql2's table) and MySQL's max_execution_time (3024). */
const STATEMENT_TIMEOUT_ERRNOS = new Set([1969, 3024]);

/**
 * Codes of a database that cannot be reached or did not answer in time: refused or lost
 * connections, connect and query timeouts (client side, mysql2), the server's statement timeout,
 * too many connections, a server shutting down.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_QUERY_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
]);

/** mysql2's own messages for a pool or connection that cannot take the statement. */
const UNREACHABLE_MESSAGES =
  /^(Pool is closed\.|Queue limit reached\.|No connections available\.|Can't add new command when connection is in closed state|Query inactivity timeout)/;

/**
 * The database was not reachable or did not answer in time (nothing about the request itself): the
 * client should retry later. Covers both a QueryFailedError (its driver error) and the raw mysql2
 * error TypeORM passes through when it cannot get a connection at all.
 */
export const isDatabaseUnreachable = (e: unknown): boolean => {
  const inner = ((e as { driverError?: unknown })?.driverError ?? e) as { code?: unknown; errno?: unknown; message?: unknown } | undefined;
  if (!inner || typeof inner !== 'object') return false;
  if (typeof inner.code === 'string' && UNREACHABLE_CODES.has(inner.code)) return true;
  if (typeof inner.errno === 'number' && STATEMENT_TIMEOUT_ERRNOS.has(inner.errno)) return true;
  return typeof inner.message === 'string' && UNREACHABLE_MESSAGES.test(inner.message);
};
