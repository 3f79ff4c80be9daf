/**
 * `npm run bench:certificates -- --count 1000`
 *
 * Renders `count` certificates through the real queue and a separate worker process (its render
 * pool uses every core), from POST-equivalent issue to the batch being DONE; and, for comparison,
 * the same certificate in a bare pdfkit loop in one process. Prints PDFs per second for both and the
 * ratio to (bare loop x cores used).
 */
import { NestFactory } from '@nestjs/core';
import { spawn } from 'child_process';
import * as mysql from 'mysql2/promise';
import { cpus } from 'os';
import * as path from 'path';
import 'reflect-metadata';
import { AppModule } from '../src/app.module';
import { CertificatesService } from '../src/certificates/certificates.service';
import { AuthUser } from '../src/common/auth-user';
import { RankingsService } from '../src/rankings/rankings.service';
import { buildSyntheticPeriod } from '../seeds/synthetic';
import { renderBare, renderBareParallel } from './certificates-bare';
import { apiEnv, databaseServerPid, ensureBuilt, machineCpuMs, processCpuMs, ROOT, runSetup } from './lib/api-process';
import { parseArgs } from './lib/args';
import { recreateDatabase, scratchSettings } from './lib/db';
import { Check, printChecks, stepLogger, writeResults } from './lib/report';

async function main() {
  // Default: one worker process with one render thread per core. Measured alternatives (README).
  const args = parseArgs({ count: 1000, processes: 1, threads: cpus().length });
  const cores = Math.min(cpus().length, args.processes * args.threads);
  const log = stepLogger();
  const db = scratchSettings('monev_bench_certificates');
  ensureBuilt(log);
  await recreateDatabase(db);
  const env = apiEnv({ ...db, QUEUE_PREFIX: `bench-cert-${Date.now()}`, WORKER_INLINE: false, LOG_LEVEL: 'warn', CERT_RENDER_THREADS: args.threads, STORAGE_DIR: path.join(ROOT, 'bench', 'results', 'storage') });
  await runSetup(env);
  const conn = await mysql.createConnection({ host: db.DB_HOST, port: Number(db.DB_PORT), user: db.DB_USER, password: db.DB_PASSWORD, database: db.DB_NAME });
  const [[org]] = (await conn.query('SELECT id FROM organizers WHERE is_default = 1')) as unknown as [{ id: number }[]];
  const [[admin]] = (await conn.query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")) as unknown as [{ id: number }[]];
  const actor: AuthUser = { id: String(admin.id), organizerId: String(org.id), role: 'admin', publicBodyId: null, platformAdmin: true };
  // One in fifty synthetic bodies never submits: enough bodies for `count` ranked ones.
  const bodies = Math.ceil((args.count * 50) / 49);
  const synthetic = await buildSyntheticPeriod(conn, { organizerId: actor.organizerId, year: 2026, bodies, questions: 6 });

  const workers = await Promise.all(
    Array.from({ length: args.processes }, async () => {
      const worker = spawn(process.execPath, [path.join(ROOT, 'dist/src/worker.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        worker.stdout!.on('data', (d: Buffer) => d.toString().includes('consuming queues') && resolve());
        worker.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      });
      return worker;
    }),
  );
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env, workers: false, http: false }), { logger: ['error'] });
  try {
    const rankings = app.get(RankingsService);
    const run = await rankings.create(actor, synthetic.periodId);
    for (;;) {
      const [[row]] = (await conn.query('SELECT status FROM ranking_runs WHERE id = ?', [run.runId])) as unknown as [{ status: string }[]];
      if (row.status === 'DONE') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await rankings.publish(actor, synthetic.periodId, run.runId);

    log(`issuing certificates through the queue (${args.processes} worker process(es), ${args.threads} render threads each)`);
    // A few warm-up PDFs so thread start-up and font loading are not timed.
    const dbPid = databaseServerPid();
    const cpu0 = { workers: workers.reduce((n, w) => n + processCpuMs(w.pid!), 0), db: dbPid ? processCpuMs(dbPid) : NaN, machine: machineCpuMs().busy };
    const t0 = Date.now();
    const batch = await app.get(CertificatesService).issue(actor, synthetic.periodId);
    const issueSeconds = (Date.now() - t0) / 1000;
    // Polled with one cheap count: the bench must not take the CPU the worker is measured on.
    for (;;) {
      await new Promise((r) => setTimeout(r, 25));
      const [[c]] = (await conn.query(`SELECT COUNT(*) AS pending FROM certificates WHERE batch_id = ? AND status = 'PENDING'`, [batch.batchId])) as unknown as [{ pending: number }[]];
      if (Number(c.pending) === 0) break;
    }
    const queueSeconds = (Date.now() - t0) / 1000;
    const cpuMs = {
      workers: workers.reduce((n, w) => n + processCpuMs(w.pid!), 0) - cpu0.workers,
      db: dbPid ? processCpuMs(dbPid) - cpu0.db : NaN,
      machine: machineCpuMs().busy - cpu0.machine,
    };
    const status = await app.get(CertificatesService).batch(actor, batch.batchId);
    const queueRate = status.done / queueSeconds;

    log(`bare pdfkit loop in one process: ${Math.min(args.count, 1000)} PDFs`);
    const bare = await renderBare(Math.min(args.count, 1000));
    log(`bare pdfkit loop in ${cores} processes at once (the machine's own parallel ceiling)`);
    const bareParallel = await renderBareParallel(cores, 3);
    const ratio = queueRate / (bare.perSecond * cores);
    const perPdf = (ms: number) => ms / Math.max(1, status.done);
    const result = {
      issueSeconds, count: status.done, failed: status.failed, cores, queueSeconds, queuePerSecond: queueRate, barePerSecond: bare.perSecond, ratioToBareTimesCores: ratio,
      bareParallelPerSecond: bareParallel.perSecond, bareParallelRatio: bareParallel.perSecond / (bare.perSecond * cores),
      cpuMsPerPdf: { workers: perPdf(cpuMs.workers), db: perPdf(cpuMs.db), machine: perPdf(cpuMs.machine), bareLoop: 1000 / bare.perSecond },
      machineBusyPercent: (100 * cpuMs.machine) / (queueSeconds * 1000 * cpus().length),
    };
    console.log('');
    console.log(`certificates: ${status.done} issued, ${status.failed} failed`);
    console.log(`  through the queue:  ${queueRate.toFixed(1)} PDF/s (${queueSeconds.toFixed(2)} s from the issue call to DONE, of which ${issueSeconds.toFixed(2)} s creating and queueing the batch; ${args.processes} worker process(es) x ${args.threads} render threads)`);
    console.log(`  bare loop, 1 core:  ${bare.perSecond.toFixed(1)} PDF/s`);
    console.log(`  ratio queue / (bare x ${cores} cores): ${ratio.toFixed(2)}`);
    console.log(`  bare loop in ${cores} processes at once: ${bareParallel.perSecond.toFixed(1)} PDF/s, i.e. ${result.bareParallelRatio.toFixed(2)} x (bare x ${cores}): the most any queue could reach here`);
    const c = result.cpuMsPerPdf;
    console.log(`  CPU per PDF through the queue: worker process ${c.workers.toFixed(2)} ms, database ${c.db.toFixed(2)} ms, whole machine ${c.machine.toFixed(2)} ms (bare loop ${c.bareLoop.toFixed(2)} ms); machine ${result.machineBusyPercent.toFixed(0)}% busy`);
    const checks: Check[] = [
      { name: 'PDFs per second through the queue', actual: queueRate, op: '>=', target: 80, unit: 'PDF/s' },
      { name: 'ratio to bare loop x cores', actual: ratio, op: '>=', target: 0.7, decimals: 2 },
      { name: 'failed certificates', actual: status.failed, op: '==', target: 0 },
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
