/**
 * Scratch databases for the benches: drop + create + migrate with the app's own `migrate()`, a
 * mysql2 pool, multi-row inserts, and `SHOW GLOBAL STATUS` deltas to see what the server did.
 */
import * as mysql from 'mysql2/promise';
import { loadEnv } from '../../src/config/env';
import { DbSettings, dropDatabaseIfExists, migrate } from '../../src/database/data-source';

export type { DbSettings };

/** The server of the environment (DB_HOST..., as every entry point loads it) with the bench's own database name. */
export function scratchSettings(name: string, poolSize = 20): Required<DbSettings> {
  if (!/^monev_bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing scratch database name ${name}: it must start with monev_bench_`);
  const e = loadEnv();
  return {
    DB_HOST: e.DB_HOST,
    DB_PORT: e.DB_PORT,
    DB_USER: e.DB_USER,
    DB_PASSWORD: e.DB_PASSWORD,
    DB_NAME: name,
    DB_POOL_SIZE: poolSize,
    DB_CONNECT_TIMEOUT_MS: 5000,
  };
}

export const dropDatabase = dropDatabaseIfExists;

/** Drops the scratch database if present, creates it and applies every migration. Returns their names. */
export async function recreateDatabase(s: DbSettings): Promise<string[]> {
  await dropDatabase(s);
  return migrate(s);
}

export function openPool(s: DbSettings, connections: number): mysql.Pool {
  return mysql.createPool({
    host: s.DB_HOST,
    port: Number(s.DB_PORT),
    user: s.DB_USER,
    password: s.DB_PASSWORD,
    database: s.DB_NAME,
    connectionLimit: connections,
    maxIdle: connections,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}

/** Multi-row INSERTs of `rows` in chunks (default 1000 rows per statement). Returns the first insert id of each chunk. */
export async function bulkInsert(db: mysql.Pool | mysql.Connection, table: string, columns: string[], rows: unknown[][], chunk = 1000): Promise<number[]> {
  const firstIds: number[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const [r] = await db.query<mysql.ResultSetHeader>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [part]);
    firstIds.push(Number(r.insertId));
  }
  return firstIds;
}

/** Counters of SHOW GLOBAL STATUS that tell where a database's time went. */
export const STATUS_COUNTERS = [
  'Questions',
  'Com_select',
  'Com_insert',
  'Com_update',
  'Com_commit',
  'Com_rollback',
  'Com_begin',
  'Handler_commit',
  'Innodb_row_lock_waits',
  'Innodb_row_lock_time',
  'Innodb_deadlocks',
  'Innodb_data_fsyncs',
  'Innodb_log_writes',
  'Innodb_log_waits',
  'Innodb_rows_inserted',
  'Innodb_rows_updated',
  'Innodb_rows_read',
  'Bytes_received',
  'Bytes_sent',
] as const;

export async function globalStatus(db: mysql.Pool | mysql.Connection): Promise<Record<string, number>> {
  const [rows] = await db.query<mysql.RowDataPacket[]>('SHOW GLOBAL STATUS');
  const wanted = new Set<string>(STATUS_COUNTERS);
  const out: Record<string, number> = {};
  for (const r of rows) if (wanted.has(r.Variable_name)) out[r.Variable_name] = Number(r.Value);
  return out;
}

export function statusDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(after)) if (k in before) out[k] = after[k] - before[k];
  return out;
}
