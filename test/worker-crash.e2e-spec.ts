import type { ChildProcess } from 'child_process';
import * as path from 'path';
import { createConnection, Connection } from 'mysql2/promise';
import { buildSyntheticPeriod } from '../seeds/synthetic';
import { API } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';
import { startWorker } from './support/worker-process';

describe('jobs survive a worker killed mid-run', () => {
  let t: TestApp;
  let db: Connection;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp({ workers: false, env: { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' } });
    db = await createConnection({ host: t.env.DB_HOST, port: Number(t.env.DB_PORT), user: t.env.DB_USER, password: t.env.DB_PASSWORD, database: t.dbName });
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await db?.end();
    await t?.close();
  });

  it('after SIGKILL the retried job produces the same results as a clean run, and no partial rows were ever readable', async () => {
    const synthetic = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2026, bodies: 30000, questions: 12 });
    workers.push(await startWorker(t.env));
    if (process.env.DEBUG_CRASH) console.log('worker A up', Date.now());
    const post = await t.http().post(`${API}/periods/${synthetic.periodId}/rankings`).set(bearer(t.adminToken)).expect(202);
    const runId = post.body.runId;

    const observe = async () => {
      const [[row]] = (await db.query('SELECT status, progress, attempts, (SELECT COUNT(*) FROM ranking_results WHERE run_id = ?) AS n FROM ranking_runs WHERE id = ?', [
        runId,
        runId,
      ])) as unknown as [{ status: string; progress: number; attempts: number; n: number }[]];
      // Invariant: a run has either no result rows, or all of them once DONE.
      if (row.status !== 'DONE') expect(Number(row.n)).toBe(0);
      else expect(Number(row.n)).toBe(30000);
      return row;
    };

    let killed = false;
    for (const until = Date.now() + 60000; Date.now() < until;) {
      const row = await observe();
      if (process.env.DEBUG_CRASH) console.log('phase1', Date.now(), row);
      if (row.status === 'RUNNING' && row.progress >= 20) {
        workers[0].kill('SIGKILL');
        killed = true;
        break;
      }
      expect(row.status).not.toBe('DONE'); // the kill must land mid-run for this test to mean anything
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(killed).toBe(true);
    for (let i = 0; i < 20; i++) expect((await observe()).status).not.toBe('DONE');

    workers.push(await startWorker(t.env));
    let done;
    for (const until = Date.now() + 90000; Date.now() < until;) {
      const row = await observe();
      if (process.env.DEBUG_CRASH) console.log('phase2', Date.now(), row);
      if (row.status === 'DONE') {
        done = row;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(done).toMatchObject({ status: 'DONE' });
    expect(Number(done!.attempts)).toBe(2);

    const snapshot = async (id: string) =>
      (
        (await db.query(
          `SELECT participation_id, status, finalist, saq_exact, presentation_exact, final_exact, final_score, qualification, rank_in_category, rank_overall, position
           FROM ranking_results WHERE run_id = ? ORDER BY position`,
          [id],
        )) as unknown as [unknown[]]
      )[0];
    const retried = await snapshot(runId);

    // A clean run on the same inputs, for comparison.
    await db.query('DELETE FROM ranking_results WHERE run_id = ?', [runId]);
    await db.query('DELETE FROM ranking_runs WHERE id = ?', [runId]);
    const clean = await t.http().post(`${API}/periods/${synthetic.periodId}/rankings`).set(bearer(t.adminToken)).expect(202);
    expect(clean.body.runId).not.toBe(runId);
    for (const until = Date.now() + 90000; Date.now() < until;) {
      const [[row]] = (await db.query('SELECT status FROM ranking_runs WHERE id = ?', [clean.body.runId])) as unknown as [{ status: string }[]];
      if (row.status === 'DONE') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const fresh = await snapshot(clean.body.runId);
    expect(fresh.length).toBe(30000);
    expect(retried).toEqual(fresh);
  }, 240_000);

  it('a certificate batch completes after its worker is killed, with each certificate exactly once', async () => {
    const synthetic = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2025, bodies: 1500, questions: 6 });
    if (!workers.some((w) => w.exitCode === null && !w.killed)) workers.push(await startWorker(t.env));
    const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
    const rank = await admin(t.http().post(`${API}/periods/${synthetic.periodId}/rankings`)).expect(202);
    for (const until = Date.now() + 60000; Date.now() < until;) {
      const run = await admin(t.http().get(`${API}/rankings/${rank.body.runId}`)).expect(200);
      if (run.body.status === 'DONE') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await admin(t.http().post(`${API}/periods/${synthetic.periodId}/publish`))
      .send({ runId: rank.body.runId })
      .expect(200);
    const [[{ ranked }]] = (await db.query(`SELECT COUNT(*) AS ranked FROM ranking_results WHERE run_id = ? AND status = 'RANKED'`, [rank.body.runId])) as unknown as [
      { ranked: number }[],
    ];
    const issue = await admin(t.http().post(`${API}/periods/${synthetic.periodId}/certificates`)).expect(202);
    expect(issue.body.total).toBe(Number(ranked));

    const live = workers.find((w) => w.exitCode === null && !w.killed)!;
    let killedAt = -1;
    for (const until = Date.now() + 60000; Date.now() < until;) {
      const b = await admin(t.http().get(`${API}/certificate-batches/${issue.body.batchId}`)).expect(200);
      if (b.body.done >= 100) {
        live.kill('SIGKILL');
        killedAt = b.body.done;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(killedAt).toBeGreaterThanOrEqual(100);
    expect(killedAt).toBeLessThan(Number(ranked)); // killed mid-batch
    workers.push(await startWorker(t.env));
    let batch;
    for (const until = Date.now() + 120000; Date.now() < until;) {
      batch = (await admin(t.http().get(`${API}/certificate-batches/${issue.body.batchId}`)).expect(200)).body;
      if (batch.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(batch).toMatchObject({ status: 'DONE', total: Number(ranked), done: Number(ranked), failed: 0 });
    const [[counts]] = (await db.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT participation_id) AS bodies, COUNT(DISTINCT code) AS codes, SUM(status = 'ISSUED') AS issued FROM certificates WHERE run_id = ?`,
      [rank.body.runId],
    )) as unknown as [{ n: number; bodies: number; codes: number; issued: number }[]];
    expect(counts).toEqual({ n: Number(ranked), bodies: Number(ranked), codes: Number(ranked), issued: String(ranked) });
    const { readdirSync } = await import('fs');
    // One PDF per certificate (a write cut short by the kill can leave a *.tmp, never a second PDF).
    const files = readdirSync(path.join(t.env.STORAGE_DIR, 'certificates', synthetic.periodId, String(rank.body.runId))).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBe(Number(ranked));
  }, 240_000);
});
