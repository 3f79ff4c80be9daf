import { rm } from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureHttpApp, HTTP_APP_OPTIONS } from '../../src/bootstrap';
import { CLOCK } from '../../src/common/clock';
import { loadEnv, validateEnv } from '../../src/config/env';
import { dropDatabaseIfExists, migrate } from '../../src/database/data-source';
import { OrganizersService } from '../../src/organizers/organizers.service';
import { UsersService } from '../../src/users/users.service';
import { FakeClock } from './fake-clock';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'admin-password-123';

let counter = 0;

/** The environment of a test run: the machine's MySQL and Redis as every entry point finds them (loadEnv), the rest fixed. */
export function baseTestEnv(): Record<string, string> {
  const e = loadEnv();
  return {
    NODE_ENV: 'test',
    ENV_FILE: 'none',
    DB_HOST: e.DB_HOST,
    DB_PORT: String(e.DB_PORT),
    DB_USER: e.DB_USER,
    DB_PASSWORD: e.DB_PASSWORD,
    DB_POOL_SIZE: '10',
    REDIS_HOST: e.REDIS_HOST,
    REDIS_PORT: String(e.REDIS_PORT),
    REDIS_PASSWORD: e.REDIS_PASSWORD,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    LOG_LEVEL: 'silent',
    DEFAULT_ORGANIZER_SLUG: 'ki-test',
    DEFAULT_ORGANIZER_NAME: 'Komisi Informasi Provinsi Uji',
    PUBLIC_BASE_URL: 'http://monev.test',
  };
}

export interface TestApp {
  app: NestExpressApplication;
  http: () => request.Agent;
  clock: FakeClock;
  env: Record<string, string>;
  dbName: string;
  adminToken: string;
  defaultOrganizerId: string;
  login(email: string, password: string): Promise<string>;
  get<T>(token: unknown): T;
  close(): Promise<void>;
}

/**
 * Boots the real app (HTTP setup of main.ts, workers inline unless disabled) against a fresh
 * MySQL database with every migration applied, and a Redis queue prefix of its own.
 */
export async function createTestApp(opts: { env?: Record<string, string>; workers?: boolean; sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  // A second process of the same deployment: the first one's database, Redis prefix and files; it leaves them to the first.
  const first = opts.sameDatabaseAs;
  const dbName = first?.dbName ?? `monev_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const env: Record<string, string> = {
    ...baseTestEnv(),
    DB_NAME: dbName,
    QUEUE_PREFIX: first?.env.QUEUE_PREFIX ?? `t-${dbName}`,
    STORAGE_DIR: first?.env.STORAGE_DIR ?? path.join(os.tmpdir(), dbName),
    // Without SMTP_HOST, mail is written as .eml files: into the run's own folder, removed at close.
    MAIL_DIR: first?.env.MAIL_DIR ?? path.join(os.tmpdir(), dbName, 'mail'),
    ...opts.env,
  };
  if (!first) await migrate(env as never);
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ env: validateEnv(env), workers: opts.workers ?? true, http: true })],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(HTTP_APP_OPTIONS);
  configureHttpApp(app);
  await app.init();
  const organizer = await app.get(OrganizersService).ensureDefault();
  await app.get(UsersService).ensurePlatformAdmin(organizer.id, ADMIN_EMAIL, ADMIN_PASSWORD);
  const http = () => request.agent(app.getHttpServer());
  const login = async (email: string, password: string) => {
    const res = await http().post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  return {
    app,
    http,
    clock,
    env,
    dbName,
    adminToken,
    defaultOrganizerId: organizer.id,
    login,
    get: <T>(token: unknown) => app.get(token as never) as T,
    close: async () => {
      await app.close();
      if (first) return;
      await dropDatabase(env, dbName);
      await deleteRedisKeys(env, env.QUEUE_PREFIX);
      await rm(env.STORAGE_DIR, { recursive: true, force: true });
    },
  };
}

export const dropDatabase = (env: Record<string, string>, dbName: string): Promise<void> =>
  dropDatabaseIfExists({ DB_HOST: env.DB_HOST, DB_PORT: env.DB_PORT, DB_USER: env.DB_USER, DB_PASSWORD: env.DB_PASSWORD, DB_NAME: dbName });

async function deleteRedisKeys(env: Record<string, string>, prefix: string): Promise<void> {
  const redis = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT), lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis down (a health test): nothing to clean.
  } finally {
    redis.disconnect();
  }
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
