/**
 * `npm run bench:ranking -- --bodies 10000 --questions 120`
 *
 * Builds a synthetic period of that size directly in a scratch database (set-based SQL), runs the
 * ranking job end to end through the real queue and a separate worker process (enqueue to DONE),
 * and on the same data a bare `SELECT participation_id, SUM(points) ... GROUP BY participation_id`.
 * Prints both times, their ratio, rows per second and the worker's peak RSS.
 */
import { readFileSync } from 'fs';
import { NestFactory } from '@nestjs/core';
import * as mysql from 'mysql2/promise';
import 'reflect-metadata';
import { buildSyntheticPeriod } from '../seeds/synthetic';
import { AppModule } from '../src/app.module';
import { validateEnv } from '../src/config/env';
import { RankingsService } from '../src/rankings/rankings.service';
import { apiEnv, ensureBuilt, runSetup, startWorker } from './lib/api-process';
import { parseArgs } from './lib/args';
import { recreateDatabase, scratchSettings } from './lib/db';
import { Check, printChecks, stepLogger, writeResults } from './lib/report';

const peakRssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
};

async function main() {
  const args = parseArgs({ bodies: 10000, questions: 120, 'heap-mb': 384 });
  const log = stepLogger();
  const db = scratchSettings('monev_bench_ranking');
  ensureBuilt(log);
  await recreateDatabase(db);
  const env = apiEnv({ ...db, QUEUE_PREFIX: `bench-ranking-${Date.now()}`, WORKER_INLINE: false, LOG_LEVEL: 'warn', WORKER_CONCURRENCY: 1 });
  await runSetup(env);
  const conn = await mysql.createConnection({ host: db.DB_HOST, port: Number(db.DB_PORT), user: db.DB_USER, password: db.DB_PASSWORD, database: db.DB_NAME });
  const [[org]] = (await conn.query('SELECT id FROM organizers WHERE is_default = 1')) as unknown as [{ id: number }[]];
  const [[admin]] = (await conn.query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")) as unknown as [{ id: number }[]];

  log(`building a synthetic period: ${args.bodies} bodies x ${args.questions} questions`);
  let t = Date.now();
  const synthetic = await buildSyntheticPeriod(conn, { organizerId: String(org.id), year: 2026, bodies: args.bodies, questions: args.questions });
  const buildSeconds = (Date.now() - t) / 1000;
  log(`built in ${buildSeconds.toFixed(1)} s: ${synthetic.verifications.toLocaleString('en-US')} verified answers`);
  await conn.query('ANALYZE TABLE verifications, aspect_subtotals, participations');

  // The worker as `npm run start:worker` runs it: V8's old space capped (WORKER_HEAP_MB), so the heap
  // is collected before it grows into the RSS budget.
  const worker = await startWorker(env, [`--max-old-space-size=${args['heap-mb']}`]);
  const baselineRss = peakRssMb(worker.pid!);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env: validateEnv(env), workers: false, http: false }), { logger: ['error'] });
  try {
    log('ranking: enqueue -> DONE');
    t = Date.now();
    const run = await app
      .get(RankingsService)
      .create({ id: String(admin.id), organizerId: String(org.id), role: 'admin', publicBodyId: null, platformAdmin: true }, synthetic.periodId);
    let status = '';
    while (status !== 'DONE') {
      const [[row]] = (await conn.query('SELECT status, error FROM ranking_runs WHERE id = ?', [run.runId])) as unknown as [{ status: string; error: string | null }[]];
      if (row.status === 'FAILED') throw new Error(`ranking failed: ${row.error}`);
      status = row.status;
      if (status !== 'DONE') await new Promise((r) => setTimeout(r, 10));
    }
    const rankingSeconds = (Date.now() - t) / 1000;
    const workerPeakRss = peakRssMb(worker.pid!);

    log('bare aggregate: SELECT participation_id, SUM(points) FROM verifications GROUP BY participation_id');
    const bare: number[] = [];
    for (let i = 0; i < 2; i++) {
      t = Date.now();
      await conn.query('SELECT participation_id, SUM(points) FROM verifications GROUP BY participation_id');
      bare.push((Date.now() - t) / 1000);
    }
    const bareSeconds = Math.min(...bare);
    const ratio = rankingSeconds / bareSeconds;
    const result = {
      bodies: args.bodies,
      questions: args.questions,
      verifiedAnswers: synthetic.verifications,
      buildSeconds,
      rankingSeconds,
      bareAggregateSeconds: bareSeconds,
      ratio,
      answersPerSecond: synthetic.verifications / rankingSeconds,
      bodiesPerSecond: args.bodies / rankingSeconds,
      workerPeakRssMb: workerPeakRss,
      workerIdleRssMb: baselineRss,
    };
    console.log('');
    console.log(`ranking ${args.bodies.toLocaleString('en-US')} bodies x ${args.questions} questions (${synthetic.verifications.toLocaleString('en-US')} verified answers)`);
    console.log(
      `  ranking job (enqueue -> DONE): ${rankingSeconds.toFixed(2)} s  (${Math.round(result.bodiesPerSecond).toLocaleString('en-US')} bodies/s, ${Math.round(result.answersPerSecond).toLocaleString('en-US')} answers/s)`,
    );
    console.log(`  bare GROUP BY aggregate:       ${bareSeconds.toFixed(2)} s`);
    console.log(`  ratio ranking / bare:          ${ratio.toFixed(2)}`);
    console.log(`  worker peak RSS:               ${workerPeakRss.toFixed(0)} MB (idle ${baselineRss.toFixed(0)} MB)`);
    const limit = args.bodies >= 100000 ? 20 : args.bodies >= 10000 ? 2 : Infinity;
    const checks: Check[] = [
      { name: 'ranking time', actual: rankingSeconds, op: '<=', target: limit, unit: 's' },
      { name: 'ratio to the bare aggregate', actual: ratio, op: '<=', target: 3 },
      { name: 'worker peak RSS', actual: workerPeakRss, op: '<=', target: 512, unit: 'MB' },
    ].filter((c) => Number.isFinite(c.target)) as Check[];
    printChecks(checks);
    console.log(`results: ${writeResults(`ranking-${args.bodies}`, result)}`);
  } finally {
    await app.close();
    worker.kill('SIGTERM');
    await conn.end();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
