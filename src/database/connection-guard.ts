import { AsyncLocalStorage } from 'async_hooks';
import { DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/**
 * Statement limits for the API's connections: a statement the server runs longer than
 * `statementTimeoutMs` is killed by the server itself (MariaDB `max_statement_time`, MySQL
 * `max_execution_time`), and one the server does not answer at all (a frozen or unreachable host)
 * fails on the client a little later, evicting its connection so the pool opens a fresh one.
 * Queue jobs run without either limit: the ranking's statements may legitimately run for minutes,
 * also when the workers run inline in the API process on the same pool.
 */

type Callback = (err: (Error & { code?: string }) | null, ...rest: unknown[]) => void;
interface GuardedConnection {
  query(sql: unknown, values?: unknown, cb?: unknown): unknown;
  destroy(): void;
  _handshakePacket?: { serverVersion?: string } | null;
  [SESSION_LIMIT_MS]?: number;
}
interface Mysql2Pool {
  getConnection(cb: (err: Error | null, conn: GuardedConnection) => void): void;
}

/** Extra time the client waits beyond the server's own statement timeout before giving up on the server. */
export const CLIENT_TIMEOUT_MARGIN_MS = 1000;

const SESSION_LIMIT_MS = Symbol('sessionStatementLimitMs');
const jobScope = new AsyncLocalStorage<true>();

/** Runs a queue job's work: its statements are not bound by the API's statement timeout. */
export const runAsJob = <T>(work: () => Promise<T>): Promise<T> => jobScope.run(true, work);

const sessionLimitSql = (conn: GuardedConnection, ms: number) =>
  /mariadb/i.test(conn._handshakePacket?.serverVersion ?? '') ? `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}` : `SET SESSION max_execution_time = ${ms}`;

const withTimeout = (sql: unknown, timeout: number) =>
  typeof sql === 'string'
    ? { sql, timeout }
    : sql && typeof sql === 'object' && !('timeout' in sql && (sql as { timeout?: number }).timeout)
      ? { ...(sql as object), timeout }
      : sql;

function guard(conn: GuardedConnection, statementTimeoutMs: number): void {
  if (conn[SESSION_LIMIT_MS] !== undefined) return;
  conn[SESSION_LIMIT_MS] = 0; // a new session has no limit
  const query = conn.query.bind(conn) as GuardedConnection['query'];
  conn.query = (sql: unknown, values?: unknown, cb?: unknown) => {
    if (typeof values === 'function') [values, cb] = [undefined, values];
    const limit = jobScope.getStore() ? 0 : statementTimeoutMs;
    const clientTimeout = limit ? limit + CLIENT_TIMEOUT_MARGIN_MS : 0;
    const bounded = clientTimeout ? withTimeout(sql, clientTimeout) : sql;
    if (typeof cb !== 'function') {
      // Streaming (no callback): the session change is queued ahead of it on the same connection.
      if (conn[SESSION_LIMIT_MS] !== limit) {
        query({ sql: sessionLimitSql(conn, limit), ...(clientTimeout ? { timeout: clientTimeout } : {}) }, undefined, () => undefined);
        conn[SESSION_LIMIT_MS] = limit;
      }
      return query(bounded, values);
    }
    const done = cb as Callback;
    // A statement the server never answered leaves the connection busy with it: evict it, or the
    // next statement on it would wait behind the dead one without any timer running.
    const evictOnTimeout: Callback = (err, ...rest) => {
      if (err?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') conn.destroy();
      done(err, ...rest);
    };
    if (conn[SESSION_LIMIT_MS] === limit) return query(bounded, values, evictOnTimeout);
    // Chained rather than queued: a statement queued behind an unanswered one would never time out.
    return query({ sql: sessionLimitSql(conn, limit), ...(clientTimeout ? { timeout: clientTimeout } : {}) }, undefined, (err: (Error & { code?: string }) | null) => {
      if (err) return evictOnTimeout(err);
      conn[SESSION_LIMIT_MS] = limit;
      query(bounded, values, evictOnTimeout);
    });
  };
}

/**
 * Applies the statement limits to every connection of the data source's mysql2 pool (each is guarded
 * the first time it is handed out, TypeORM's queries and `poolQuery` alike).
 */
export function guardConnections(ds: DataSource, opts: { statementTimeoutMs: number }): DataSource {
  const pool = (ds.driver as MysqlDriver).pool as Mysql2Pool;
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (cb) =>
    getConnection((err, conn) => {
      if (!err) guard(conn, opts.statementTimeoutMs);
      cb(err, conn);
    });
  return ds;
}
