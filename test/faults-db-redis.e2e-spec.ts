import { DataSource } from 'typeorm';
import { runAsJob } from '../src/database/connection-guard';
import { API } from './factories';
import { startPrivateMariadb, startPrivateRedis, PrivateServer } from './support/private-servers';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

/**
 * The app against a private MariaDB and a private Redis that the tests kill, freeze and restart:
 * an unreachable dependency answers 503 with Retry-After within the configured timeouts (never a
 * 500, never a hang), and the app serves again once it is back, without a restart.
 */
describe('MySQL or Redis unreachable', () => {
  let db: PrivateServer | undefined;
  let redis: PrivateServer | undefined;
  let t: TestApp | undefined;
  const STATEMENT_TIMEOUT_MS = 2000;

  beforeAll(async () => {
    [db, redis] = await Promise.all([startPrivateMariadb(), startPrivateRedis()]);
    t = await createTestApp({
      workers: false,
      env: {
        DB_PORT: String(db.port),
        REDIS_PORT: String(redis.port),
        DB_CONNECT_TIMEOUT_MS: '1500',
        DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        REDIS_CONNECT_TIMEOUT_MS: '1000',
      },
    });
  });
  afterAll(async () => {
    try {
      db?.resume();
      await t?.close();
    } finally {
      await Promise.all([db?.dispose(), redis?.dispose()]);
    }
  });

  const listPeriods = () => t!.http().get(`${API}/periods`).set(bearer(t!.adminToken)).timeout(15000);
  const timed = async <T>(work: () => Promise<T>): Promise<{ res: T; ms: number }> => {
    const started = Date.now();
    const res = await work();
    return { res, ms: Date.now() - started };
  };
  const expectUnavailable = (res: { status: number; headers: Record<string, string>; body: unknown }, message: string) => {
    expect({ status: res.status, body: res.body }).toEqual({
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message, code: expect.stringMatching(/^(DATABASE|QUEUE)_UNAVAILABLE$/) },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  };
  const DB_DOWN = 'The database is not reachable; try again in a moment';

  it('MariaDB stopped: 503 with Retry-After within a few seconds, /health red; back to 200 once the server is restarted', async () => {
    await listPeriods().expect(200);
    await db!.kill();
    const { res, ms } = await timed(() => listPeriods());
    expectUnavailable(res, DB_DOWN);
    expect(ms).toBeLessThan(3000);
    const again = await timed(() => listPeriods()); // a fresh connection attempt, refused at once
    expectUnavailable(again.res, DB_DOWN);
    expect(again.ms).toBeLessThan(3000);
    const health = await t!.http().get(`${API}/health`);
    expect({ status: health.status, db: health.body.db }).toEqual({ status: 503, db: 'down' });
    console.log(`MariaDB stopped: 503 after ${ms} ms, then ${again.ms} ms`);

    await db!.start();
    await eventually(async () => (await listPeriods()).status === 200, 15000, 200);
    await t!.http().get(`${API}/health`).expect(200);
  });

  it('MariaDB frozen (SIGSTOP): 503 within the statement timeout plus a margin, not a hang; recovers after SIGCONT', async () => {
    await listPeriods().expect(200);
    db!.pause();
    try {
      const { res, ms } = await timed(() => listPeriods());
      expectUnavailable(res, DB_DOWN);
      expect(ms).toBeLessThan(8000);
      // The unanswered connection was evicted: the next request does not queue behind it.
      const next = await timed(() => listPeriods());
      expectUnavailable(next.res, DB_DOWN);
      expect(next.ms).toBeLessThan(8000);
      console.log(`MariaDB frozen: 503 after ${ms} ms, then ${next.ms} ms`);
    } finally {
      db!.resume();
    }
    await eventually(async () => (await listPeriods()).status === 200, 15000, 200);
  });

  it('an API statement is stopped by the server after DB_STATEMENT_TIMEOUT_MS; a queue job is not', async () => {
    const ds = t!.get<DataSource>(DataSource);
    const started = Date.now();
    const err = await ds.query('SELECT SLEEP(4) AS s').then(
      (rows) => rows,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(3500);
    expect(err).toMatchObject({ driverError: { errno: 1969 } });
    const [row] = await runAsJob(() => ds.query('SELECT SLEEP(2.5) AS s'));
    expect(Number(row.s)).toBe(0); // slept the whole 2.5 s, past the API's 2 s limit
    await listPeriods().expect(200);
  });

  it('Redis stopped: an enqueue answers 503 at once (no hang), /health red; works again once Redis is back', async () => {
    const ping = () => t!.http().post(`${API}/jobs/system/ping`).set(bearer(t!.adminToken)).timeout(15000);
    await ping().expect(202);
    await redis!.kill();
    const { res, ms } = await timed(() => ping());
    expectUnavailable(res, 'The job queue is not reachable; try again in a moment');
    expect(ms).toBeLessThan(2000);
    const health = await t!.http().get(`${API}/health`);
    expect({ status: health.status, redis: health.body.redis }).toEqual({ status: 503, redis: 'down' });
    console.log(`Redis stopped: enqueue 503 after ${ms} ms`);

    await redis!.start();
    await eventually(async () => (await ping()).status === 202, 20000, 200);
    await t!.http().get(`${API}/health`).expect(200);
    await listPeriods().expect(200);
  });
});
