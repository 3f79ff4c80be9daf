import { DataSource, QueryFailedError } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/** What mysql2 answers to a write. */
export interface WriteResult {
  affectedRows: number;
  insertId: number;
}

type Callback<T> = (err: Error | null, result: T) => void;
interface Queryable {
  query<T>(sql: string, params: unknown[], cb: Callback<T>): void;
}
interface Mysql2Pool {
  getConnection(cb: (err: Error | null, conn: Queryable & { release(): void }) => void): void;
}

export type PoolQuery = <T = unknown>(sql: string, params: unknown[]) => Promise<T>;

const mysql2Pool = (ds: DataSource) => (ds.driver as MysqlDriver).pool as Mysql2Pool;

const run = <T>(on: Queryable, sql: string, params: unknown[]) =>
  new Promise<T>((resolve, reject) => on.query<T>(sql, params, (err, result) => (err ? reject(new QueryFailedError(sql, params, err)) : resolve(result))));

/**
 * One statement straight on the data source's mysql2 pool, skipping TypeORM's per-query runner
 * (acquire, logging hooks, release). For the few hottest statements only; errors come back as the
 * same QueryFailedError that `DataSource.query` throws, so the exception filter treats them alike.
 */
export function poolQuery<T = unknown>(ds: DataSource, sql: string, params: unknown[]): Promise<T> {
  // Through getConnection rather than pool.query, so the connection guard (statement timeouts,
  // eviction of unanswered connections) applies here as well.
  return withPoolConnection(ds, (query) => query<T>(sql, params));
}

/** Like `poolQuery`, for statements that must share one session (LAST_INSERT_ID, session variables). */
export async function withPoolConnection<R>(ds: DataSource, work: (query: PoolQuery) => Promise<R>): Promise<R> {
  const conn = await new Promise<Queryable & { release(): void }>((resolve, reject) => mysql2Pool(ds).getConnection((err, c) => (err ? reject(err) : resolve(c))));
  try {
    return await work((sql, params) => run(conn, sql, params));
  } finally {
    conn.release();
  }
}
