import { ChildProcess, spawn } from 'child_process';
import { readdirSync } from 'fs';
import { rm } from 'fs/promises';
import { AddressInfo, createServer } from 'net';
import * as os from 'os';
import * as path from 'path';
import Redis from 'ioredis';
import { createConnection, Connection } from 'mysql2/promise';
import { buildSyntheticPeriod } from '../seeds/synthetic';
import { JobsService } from '../src/jobs/jobs.service';
import { QueueName } from '../src/jobs/jobs.types';
import { API } from './factories';
import { bearer, createTestApp, dropDatabase, eventually, TestApp } from './support/test-app';

/** A redis-server of this suite alone, without persistence: FLUSHALL here touches nobody else. */
async function startPrivateRedis(): Promise<{ port: number; proc: ChildProcess; client: Redis }> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', os.tmpdir()], {
    stdio: 'ignore',
  });
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
  await eventually(async () => {
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      client.disconnect();
      return false;
    }
  }, 10000);
  return { port, proc, client };
}

const RECONCILE_ENV = { JOB_RECONCILE_INTERVAL_MS: '500', JOB_RECONCILE_MAX_ATTEMPTS: '3', CERT_RENDER_THREADS: '2' };

describe('the job reconciler rebuilds from MySQL what Redis lost', () => {
  let redis: { port: number; proc: ChildProcess; client: Redis };
  const apps: TestApp[] = [];
  const conns: Connection[] = [];

  const open = async (t: TestApp) => {
    const db = await createConnection({ host: t.env.DB_HOST, port: Number(t.env.DB_PORT), user: t.env.DB_USER, password: t.env.DB_PASSWORD, database: t.dbName });
    conns.push(db);
    return db;
  };
  const admin = (t: TestApp, req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const runUntil = (t: TestApp, runId: string, status: string, timeoutMs = 60000) =>
    eventually(async () => {
      const r = await admin(t, t.http().get(`${API}/rankings/${runId}`)).expect(200);
      return r.body.status === status ? r.body : null;
    }, timeoutMs);

  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    for (const c of conns) await c.end();
    for (const t of apps) await t.close();
    redis?.client.disconnect();
    redis?.proc.kill('SIGKILL');
  });

  it('a certificate batch whose chunks vanish with a FLUSHALL still reaches DONE, each certificate exactly once, in the same batch', async () => {
    const t = await createTestApp({ env: { ...RECONCILE_ENV, REDIS_PORT: String(redis.port) } });
    apps.push(t);
    const db = await open(t);
    const synthetic = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2025, bodies: 1500, questions: 6 });
    const rank = await admin(t, t.http().post(`${API}/periods/${synthetic.periodId}/rankings`)).expect(202);
    await runUntil(t, rank.body.runId, 'DONE');
    await admin(t, t.http().post(`${API}/periods/${synthetic.periodId}/publish`))
      .send({ runId: rank.body.runId })
      .expect(200);
    const [[{ ranked }]] = (await db.query(`SELECT COUNT(*) AS ranked FROM ranking_results WHERE run_id = ? AND status = 'RANKED'`, [rank.body.runId])) as unknown as [
      { ranked: number }[],
    ];
    const issue = await admin(t, t.http().post(`${API}/periods/${synthetic.periodId}/certificates`)).expect(202);
    expect(issue.body.total).toBe(Number(ranked));

    let flushedAt = -1;
    for (const until = Date.now() + 60000; Date.now() < until;) {
      const b = await admin(t, t.http().get(`${API}/certificate-batches/${issue.body.batchId}`)).expect(200);
      if (b.body.done >= 200) {
        await redis.client.flushall();
        flushedAt = b.body.done;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(flushedAt).toBeGreaterThanOrEqual(200);
    expect(flushedAt).toBeLessThan(Number(ranked) - 200); // Redis lost most of the batch's chunks

    const batch = await eventually(
      async () => {
        const b = (await admin(t, t.http().get(`${API}/certificate-batches/${issue.body.batchId}`)).expect(200)).body;
        return b.status !== 'RUNNING' ? b : null;
      },
      120000,
      200,
    );
    expect(batch).toMatchObject({ status: 'DONE', total: Number(ranked), done: Number(ranked), failed: 0 });
    const [[counts]] = (await db.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT participation_id) AS bodies, SUM(status = 'ISSUED') AS issued, COUNT(DISTINCT batch_id) AS batches,
              (SELECT COUNT(*) FROM certificate_batches WHERE period_id = ?) AS batchRows
         FROM certificates WHERE run_id = ?`,
      [synthetic.periodId, rank.body.runId],
    )) as unknown as [Record<string, unknown>[]];
    expect(counts).toEqual({ n: Number(ranked), bodies: Number(ranked), issued: String(ranked), batches: 1, batchRows: 1 });
    const files = readdirSync(path.join(t.env.STORAGE_DIR, 'certificates', synthetic.periodId, String(rank.body.runId))).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBe(Number(ranked));
  });

  it('a recreated database on the same QUEUE_PREFIX and Redis ranks again (no job id of the old database is reused)', async () => {
    const prefix = `t-reconcile-${process.pid}-${Date.now().toString(36)}`;
    const env = { ...RECONCILE_ENV, REDIS_PORT: String(redis.port), QUEUE_PREFIX: prefix };
    const first = await createTestApp({ env });
    const firstDb = await createConnection({
      host: first.env.DB_HOST,
      port: Number(first.env.DB_PORT),
      user: first.env.DB_USER,
      password: first.env.DB_PASSWORD,
      database: first.dbName,
    });
    const p1 = await buildSyntheticPeriod(firstDb, { organizerId: first.defaultOrganizerId, year: 2026, bodies: 40, questions: 6 });
    const run1 = await admin(first, first.http().post(`${API}/periods/${p1.periodId}/rankings`)).expect(202);
    await runUntil(first, run1.body.runId, 'DONE');
    await firstDb.end();
    // The database goes; Redis and its completed jobs stay.
    await first.app.close();
    await dropDatabase(first.env, first.dbName);
    await rm(first.env.STORAGE_DIR, { recursive: true, force: true });
    expect(await redis.client.exists(`${prefix}:${QueueName.Ranking}:${run1.body.jobId}`)).toBe(1);

    const t = await createTestApp({ env });
    apps.push(t);
    const db = await open(t);
    const p2 = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2026, bodies: 40, questions: 6 });
    expect(p2.periodId).toBe(p1.periodId);
    const run2 = await admin(t, t.http().post(`${API}/periods/${p2.periodId}/rankings`)).expect(202);
    expect(run2.body.runId).toBe(run1.body.runId); // the same row ids as the dropped database...
    expect(run2.body.jobId).not.toBe(run1.body.jobId); // ...but never the same job id
    const done = await runUntil(t, run2.body.runId, 'DONE', 30000);
    expect(done.rankedCount).toBeGreaterThan(0);
  });

  it('a run whose job keeps disappearing from Redis ends FAILED with the reason after the bound, never QUEUED forever', async () => {
    const t = apps[apps.length - 1];
    const db = conns[conns.length - 1];
    const ranking = t.get<JobsService>(JobsService).queue(QueueName.Ranking);
    await ranking.pause();
    try {
      const p = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2024, bodies: 20, questions: 6 });
      const run = await admin(t, t.http().post(`${API}/periods/${p.periodId}/rankings`)).expect(202);
      let removals = 0;
      const failed = await eventually(
        async () => {
          removals += await ranking.remove(run.body.jobId);
          const r = (await admin(t, t.http().get(`${API}/rankings/${run.body.runId}`)).expect(200)).body;
          expect(r.status).not.toBe('DONE');
          return r.status === 'FAILED' ? r : null;
        },
        30000,
        100,
      );
      expect(removals).toBeGreaterThanOrEqual(3); // the reconciler queued it again each time it vanished
      expect(failed.error).toMatch(/No progress after 3 re-enqueue\(s\): its job was lost from the queue/);
      const [[row]] = (await db.query('SELECT reconciles FROM ranking_runs WHERE id = ?', [run.body.runId])) as unknown as [{ reconciles: number }[]];
      expect(Number(row.reconciles)).toBe(3);
    } finally {
      await ranking.resume();
    }
  });
});
