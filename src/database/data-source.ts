import 'reflect-metadata';
import * as path from 'path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MysqlConnectionOptions } from 'typeorm/driver/mysql/MysqlConnectionOptions';
import { migrations } from '../../migrations';
import { SnakeNamingStrategy } from './naming.strategy';

export interface DbSettings {
  DB_HOST: string;
  DB_PORT: number | string;
  DB_USER: string;
  DB_PASSWORD: string;
  DB_NAME: string;
  DB_POOL_SIZE?: number | string;
  /** How long opening a connection (TCP and handshake) may take before it fails. */
  DB_CONNECT_TIMEOUT_MS?: number | string;
}

/**
 * The one description of the database, shared by the app (TypeOrmModule), the migration CLI, the
 * seeds and the tests. DECIMAL and BIGINT come back as strings (exact), times are UTC, and the schema
 * changes only through migrations.
 */
export function dataSourceOptions(s: DbSettings, extra: Partial<MysqlConnectionOptions> = {}): DataSourceOptions {
  return {
    type: 'mysql',
    host: s.DB_HOST,
    port: Number(s.DB_PORT),
    username: s.DB_USER,
    password: s.DB_PASSWORD,
    database: s.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: false,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'migrations',
    entities: [path.join(__dirname, '..', '**', '*.entity.{ts,js}')],
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: Number(s.DB_POOL_SIZE ?? 20),
    connectTimeout: Number(s.DB_CONNECT_TIMEOUT_MS ?? 5000),
    extra: { connectionLimit: Number(s.DB_POOL_SIZE ?? 20), decimalNumbers: false },
    ...extra,
  } as DataSourceOptions;
}

/** One statement on the server itself (no database selected): creating or dropping databases. */
async function onServer(s: DbSettings, sql: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({ host: s.DB_HOST, port: Number(s.DB_PORT), user: s.DB_USER, password: s.DB_PASSWORD });
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}

/** Creates the database when it is missing (utf8mb4). */
export const createDatabaseIfMissing = (s: DbSettings) => onServer(s, `CREATE DATABASE IF NOT EXISTS \`${s.DB_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

export const dropDatabaseIfExists = (s: DbSettings) => onServer(s, `DROP DATABASE IF EXISTS \`${s.DB_NAME}\``);

/** Creates the database if needed and applies every pending migration. */
export async function migrate(s: DbSettings): Promise<string[]> {
  await createDatabaseIfMissing(s);
  const ds = new DataSource(dataSourceOptions(s, { entities: [] }));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
