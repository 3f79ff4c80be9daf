/**
 * `npm run bench:certificates -- --count 1000`
 *
 * Renders `count` certificates through the real queue and a separate worker process (its render
 * pool uses every core), from POST-equivalent issue to the batch being DONE; and, for comparison,
 * the same certificate in a bare pdfkit loop in one process. Prints PDFs per second for both and the
 * ratio to (bare loop x cores used). Both are warm, as a long-running worker is: `--warmup 1000`
 * certificates go through the queue untimed first (another period's batch), and the bare loop renders
 * as many untimed first. Also prints CPU per PDF and the bare loop run in one process per core at
 * once (the machine's own parallel ceiling). Options: --count 1000 --warmup 1000 --rounds 3 --processes 1 --threads <cores>.
 */
import { cpus } from 'os';
import * as path from 'path';
import { NestFactory } from '@nestjs/core';
import * as mysql from 'mysql2/promise';
import 'reflect-metadata';
import { buildSyntheticPeriod } from '../seeds/synthetic';
import { AppModule } from '../src/app.module';
import { CertificatesService } from '../src/certificates/certificates.service';
import { AuthUser } from '../src/common/auth-user';
import { validateEnv } from '../src/config/env';
import { RankingsService } from '../src/rankings/rankings.service';
import { renderBare, renderBareParallel } from './certificates-bare';
import { apiEnv, databaseServerPid, ensureBuilt, machineCpuMs, processCpuMs, ROOT, runSetup, startWorker } from './lib/api-process';
import { parseArgs } from './lib/args';
import { recreateDatabase, scratchSettings } from './lib/db';
import { Check, printChecks, stepLogger, writeResults } from './lib/report';

async function main() {
  // Default: one worker process with one render thread per core. Measured alternatives (README).
  const args = parseArgs({ count: 1000, processes: 1, threads: cpus().length, warmup: 1000, rounds: 3 });
  const cores = Math.min(cpus().length, args.processes * args.threads);
  const log = stepLogger();
  const db = scratchSettings('monev_bench_certificates');
  ensureBuilt(log);
  await recreateDatabase(db);
  const env = apiEnv({
    ...db,
    QUEUE_PREFIX: `bench-cert-${Date.now()}`,
    WORKER_INLINE: false,
    LOG_LEVEL: 'warn',
    CERT_RENDER_THREADS: args.threads,
    STORAGE_DIR: path.join(ROOT, 'bench', 'results', 'storage'),
  });
  await runSetup(env);
  const conn = await mysql.createConnection({ host: db.DB_HOST, port: Number(db.DB_PORT), user: db.DB_USER, password: db.DB_PASSWORD, database: db.DB_NAME });
  const [[org]] = (await conn.query('SELECT id FROM organizers WHERE is_default = 1')) as unknown as [{ id: number }[]];
  const [[admin]] = (await conn.query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")) as unknown as [{ id: number }[]];
  const actor: AuthUser = { id: String(admin.id), organizerId: String(org.id), role: 'admin', publicBodyId: null, platformAdmin: true };
  // One in fifty synthetic bodies never submits: enough bodies for `count` ranked ones.
  const syntheticPeriod = (year: number, count: number) => buildSyntheticPeriod(conn, { organizerId: actor.organizerId, year, bodies: Math.ceil((count * 50) / 49), questions: 6 });
  const timedPeriods = [];
  for (let r = 0; r < args.rounds; r++) timedPeriods.push(await syntheticPeriod(2026 + r, args.count));
  const warmUpPeriod = args.warmup > 0 ? await syntheticPeriod(2025, args.warmup) : null;

  const workers = await Promise.all(Array.from({ length: args.processes }, () => startWorker(env)));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env: validateEnv(env), workers: false, http: false }), { logger: ['error'] });
  try {
    const rankings = app.get(RankingsService);
    const certificates = app.get(CertificatesService);
    const rankAndPublish = async (periodId: string) => {
      const run = await rankings.create(actor, periodId);
      for (;;) {
        const [[row]] = (await conn.query('SELECT status FROM ranking_runs WHERE id = ?', [run.runId])) as unknown as [{ status: string }[]];
        if (row.status === 'DONE') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await rankings.publish(actor, periodId, run.runId);
    };
    /** Issues the period's certificates and waits, polling with one cheap count (the bench must not take the CPU the worker is measured on). */
    const issueAndWait = async (periodId: string) => {
      const batch = await certificates.issue(actor, periodId);
      const issuedAt = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 25));
        const [[c]] = (await conn.query(`SELECT COUNT(*) AS pending FROM certificates WHERE batch_id = ? AND status = 'PENDING'`, [batch.batchId])) as unknown as [
          { pending: number }[],
        ];
        if (Number(c.pending) === 0) break;
      }
      return { batch, issuedAt };
    };
    for (const p of timedPeriods) await rankAndPublish(p.periodId);

    if (warmUpPeriod) {
      // As a long-running worker is: V8 keeps optimizing pdfkit's hot paths over a fresh thread's
      // first few hundred documents (on the other core, for free, in the bare loop below).
      log(`warm-up batch of about ${args.warmup} certificates (not timed)`);
      await rankAndPublish(warmUpPeriod.periodId);
      await issueAndWait(warmUpPeriod.periodId);
    }

    // Rounds of (timed batch through the queue, then the bare loop): this machine's speed drifts by
    // 10-15% from one minute to the next, so each ratio compares two runs taken side by side, and the
    // median round is the figure.
    const dbPid = databaseServerPid();
    const rounds = [];
    for (let r = 0; r < args.rounds; r++) {
      log(
        `round ${r + 1}/${args.rounds}: ${args.count} certificates through the queue (${args.processes} worker process(es), ${args.threads} render threads each), then the bare loop`,
      );
      const cpu0 = { workers: workers.reduce((n, w) => n + processCpuMs(w.pid!), 0), db: dbPid ? processCpuMs(dbPid) : NaN, machine: machineCpuMs().busy };
      const t0 = Date.now();
      const { batch, issuedAt } = await issueAndWait(timedPeriods[r].periodId);
      const queueSeconds = (Date.now() - t0) / 1000;
      const cpuMs = {
        workers: workers.reduce((n, w) => n + processCpuMs(w.pid!), 0) - cpu0.workers,
        db: dbPid ? processCpuMs(dbPid) - cpu0.db : NaN,
        machine: machineCpuMs().busy - cpu0.machine,
      };
      const status = await certificates.batch(actor, batch.batchId);
      const queueRate = status.done / queueSeconds;
      const bare = await renderBare(Math.min(args.count, 1000), { warmup: r === 0 ? args.warmup : 3 });
      const perPdf = (ms: number) => ms / Math.max(1, status.done);
      rounds.push({
        issueSeconds: (issuedAt - t0) / 1000,
        count: status.done,
        failed: status.failed,
        queueSeconds,
        queuePerSecond: queueRate,
        barePerSecond: bare.perSecond,
        ratioToBareTimesCores: queueRate / (bare.perSecond * cores),
        cpuMsPerPdf: { workers: perPdf(cpuMs.workers), db: perPdf(cpuMs.db), machine: perPdf(cpuMs.machine), bareLoop: 1000 / bare.perSecond },
        machineBusyPercent: (100 * cpuMs.machine) / (queueSeconds * 1000 * cpus().length),
      });
    }
    log(`bare pdfkit loop in ${cores} processes at once (the machine's own parallel ceiling)`);
    const bareParallel = await renderBareParallel(cores, 3, args.warmup);
    const byRatio = [...rounds].sort((a, b) => a.ratioToBareTimesCores - b.ratioToBareTimesCores);
    const median = byRatio[Math.floor(byRatio.length / 2)];
    const failed = rounds.reduce((n, r) => n + r.failed, 0);
    const result = {
      cores,
      warmup: args.warmup,
      median,
      rounds,
      bareParallelPerSecond: bareParallel.perSecond,
      bareParallelRatio: bareParallel.perSecond / (median.barePerSecond * cores),
    };
    console.log('');
    console.log(
      `certificates: ${args.rounds} round(s) of ${args.count}, ${failed} failed; ${args.processes} worker process(es) x ${args.threads} render threads; warm (${args.warmup} untimed first on each side)`,
    );
    for (const [i, r] of rounds.entries()) {
      const c = r.cpuMsPerPdf;
      console.log(
        `  round ${i + 1}: queue ${r.queuePerSecond.toFixed(1)} PDF/s (${r.queueSeconds.toFixed(2)} s issue call to DONE), bare loop ${r.barePerSecond.toFixed(1)} PDF/s on 1 core, ratio ${r.ratioToBareTimesCores.toFixed(2)}` +
          ` | CPU per PDF: worker ${c.workers.toFixed(2)} ms, database ${c.db.toFixed(2)} ms, machine ${c.machine.toFixed(2)} ms (bare ${c.bareLoop.toFixed(2)} ms), machine ${r.machineBusyPercent.toFixed(0)}% busy`,
      );
    }
    console.log(`  median round: ${median.queuePerSecond.toFixed(1)} PDF/s through the queue, ratio queue / (bare x ${cores} cores) ${median.ratioToBareTimesCores.toFixed(2)}`);
    console.log(
      `  bare loop in ${cores} processes at once: ${bareParallel.perSecond.toFixed(1)} PDF/s, i.e. ${result.bareParallelRatio.toFixed(2)} x (median bare x ${cores}): the most any queue could reach here`,
    );
    const checks: Check[] = [
      { name: 'PDFs per second through the queue (median round)', actual: median.queuePerSecond, op: '>=', target: 80, unit: 'PDF/s' },
      { name: 'ratio to bare loop x cores (median round)', actual: median.ratioToBareTimesCores, op: '>=', target: 0.7, decimals: 2 },
      { name: 'failed certificates', actual: failed, op: '==', target: 0 },
    ];
    printChecks(checks);
    console.log(`results: ${writeResults('certificates', result)}`);
  } finally {
    await app.close();
    workers.forEach((w) => w.kill('SIGTERM'));
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
