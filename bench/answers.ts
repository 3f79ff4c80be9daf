/**
 * Deadline-day answer saves: N public bodies save their SAQ answers at once.
 *
 *   npm run bench:answers [-- --bodies 5000 --connections 50 --seconds 15 --logins 5000]
 *
 * Seeds a scratch database (`monev_bench_answers`, dropped at the end unless --keep-db) with one
 * period in SAQ, the seed instrument and N bodies with PPID accounts, starts the built API as a
 * child process, logs the PPIDs in over HTTP, then drives
 * `PUT /participations/:id/answers/:questionCode` with autocannon (real tokens, real validation,
 * each connection saving --answers-per-visit successive answers of a random body, among the questions
 * of every category, then moving to another body) and, in the same run, a bare mysql2
 * `INSERT ... ON DUPLICATE KEY UPDATE` of rows chosen the same way at the same concurrency (into a copy of
 * `answers` with its audit triggers, so with the audit row they write, and again into a trigger-less
 * copy). Prints req/s, p50,
 * p99, errors, CPU per save of the API, the database and the load generator, and the ratio to the
 * bare upsert; writes bench/results/answers.json. Exit code 0 even
 * when a target is missed (it is a measurement); non-zero only when the bench itself fails.
 *
 * Other options: --warmup 3 (seconds, not counted), --login-concurrency 4, --port 3999,
 * --pool-size 20 (DB_POOL_SIZE of the API), --precheck 100 (sequential saves that must all be 200),
 * --profile (V8 CPU profile of the API during the timed run, summarized and saved under
 * bench/results/), --answers-per-visit 20, --keep-db, --api-env KEY=VALUE,KEY2=VALUE2 (extra environment of the API, for A/B runs).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import autocannon from 'autocannon';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import type { QueryRunner } from 'typeorm';
import { AnswerAudit1764000700000 } from '../migrations/1764000700000-AnswerAudit';
import { INSTRUMENT, SeedQuestion } from '../seeds/data/instrument';
import { apiEnv, ApiProcess, databaseServerPid, ensureBuilt, freePort, machineCpuMs, processCpuMs, runSetup, selfCpuMs, startApi } from './lib/api-process';
import { parseArgs } from './lib/args';
import { summarizeProfile } from './lib/cpuprofile';
import { dropDatabase, globalStatus, openPool, recreateDatabase, scratchSettings, statusDelta } from './lib/db';
import { ApiClient, HttpError, login } from './lib/http';
import { adminClient, advance, createCategories, createPeriod, enrollCategories, insertBodiesWithPpids, participationsByBody } from './lib/monev';
import { clearQueuePrefix } from './lib/redis';
import { latencyLine, ms, num, printChecks, RESULTS_DIR, stepLogger, writeResults } from './lib/report';
import { LatencySummary, mapLimit, msSince, Recorder } from './lib/stats';

const opts = parseArgs({
  bodies: 5000,
  connections: 50,
  seconds: 15,
  logins: 5000,
  warmup: 3,
  'login-concurrency': 4,
  port: 3999,
  'pool-size': 20,
  precheck: 100,
  profile: false,
  'keep-db': false,
  'api-env': '',
  'answers-per-visit': 20,
});

const DB_NAME = 'monev_bench_answers';
const QUEUE_PREFIX = 'bench-answers';
const PPID_PASSWORD = 'ppid-bench-password-123';
/** Issue 21: a ratio to the bare audited upsert measured in the same run (the earlier absolute 2,500/s is withdrawn). */
const TARGETS = { ratioToBare: 0.6, p99Ms: 50, errors: 0 };
const VARIANTS_PER_QUESTION = 8;
const EVIDENCE_URL = 'https://ppid.example.go.id/x';

interface Session {
  bodyId: string;
  userId: string;
  participationId: string;
  authorization: string;
}

interface Variant {
  code: string;
  value: unknown;
  url: string | null;
  /** The JSON body of the PUT. */
  body: string;
}

const rand = (n: number) => Math.floor(Math.random() * n);

// ---------------------------------------------------------------------------------------------
// Answer bodies

/** Questions of the instrument that apply to every category (no categoryCodes). */
function commonQuestions(): SeedQuestion[] {
  return INSTRUMENT.aspects.flatMap((a) => a.questions).filter((q) => !q.categoryCodes?.length);
}

function randomValue(q: SeedQuestion): unknown {
  switch (q.type) {
    case 'YES_NO':
      return Math.random() < 0.5;
    case 'CHOICE':
      return q.options![rand(q.options!.length)].value;
    case 'MULTI_CHOICE': {
      const picked = q.options!.filter(() => Math.random() < 0.5).map((o) => o.value);
      return picked.length ? picked : [q.options![rand(q.options!.length)].value];
    }
    case 'NUMBER':
      return rand(120);
    case 'TEXT':
      return `Inovasi layanan informasi nomor ${rand(1000)}: kanal WhatsApp dan pojok baca digital.`;
  }
}

/** A few valid bodies per question: URL evidence where the question takes a link, none for FILE (allowed until submit) and NONE. */
function variants(questions: SeedQuestion[]): Variant[] {
  return questions.flatMap((q) =>
    Array.from({ length: VARIANTS_PER_QUESTION }, () => {
      const value = randomValue(q);
      const url = q.evidence === 'URL' || q.evidence === 'FILE_OR_URL' ? EVIDENCE_URL : null;
      return { code: q.code, value, url, body: JSON.stringify(url ? { value, url } : { value }) };
    }),
  );
}

/**
 * What one connection (or bare loop) saves next. The night before the deadline a PPID fills in its
 * SAQ answer after answer: a connection takes a random body and saves `--answers-per-visit` successive
 * answers of it (from a random question on, in the instrument's order, wrapping), then takes another.
 */
interface Visit {
  session?: Session;
  question: number;
  left: number;
}

function nextSave(visit: Visit, sessions: Session[], pool: Variant[]): { session: Session; variant: Variant } {
  const questionCount = pool.length / VARIANTS_PER_QUESTION;
  if (!visit.session || visit.left <= 0) {
    visit.session = sessions[rand(sessions.length)];
    visit.question = rand(questionCount);
    visit.left = opts['answers-per-visit'];
  }
  const variant = pool[visit.question * VARIANTS_PER_QUESTION + rand(VARIANTS_PER_QUESTION)];
  visit.question = (visit.question + 1) % questionCount;
  visit.left--;
  return { session: visit.session, variant };
}

// ---------------------------------------------------------------------------------------------
// Resource accounting around a phase

interface Snapshot {
  at: bigint;
  apiCpu: number;
  dbCpu: number;
  selfCpu: number;
  machineCpu: number;
  stealCpu: number;
  status: Record<string, number>;
}

function machineCpuTimes(): { machineCpu: number; stealCpu: number } {
  const m = machineCpuMs();
  return { machineCpu: m.busy, stealCpu: m.steal };
}

async function snapshot(pool: Pool, apiPid: number, dbPid: number | null): Promise<Snapshot> {
  return {
    at: process.hrtime.bigint(),
    apiCpu: processCpuMs(apiPid),
    dbCpu: dbPid ? processCpuMs(dbPid) : NaN,
    selfCpu: selfCpuMs(),
    ...machineCpuTimes(),
    status: await globalStatus(pool),
  };
}

function usage(a: Snapshot, b: Snapshot, ops: number) {
  const wallMs = Number(b.at - a.at) / 1e6;
  const status = statusDelta(a.status, b.status);
  const perOp = Object.fromEntries(Object.entries(status).map(([k, v]) => [k, ops ? Math.round((v / ops) * 100) / 100 : NaN]));
  const pct = (cpu: number) => Math.round((cpu / wallMs) * 1000) / 10;
  const perReq = (cpu: number) => (ops ? Math.round((cpu / ops) * 1000) / 1000 : NaN);
  return {
    wallSeconds: wallMs / 1000,
    cpuPercentOfOneCore: {
      api: pct(b.apiCpu - a.apiCpu),
      db: pct(b.dbCpu - a.dbCpu),
      loadGenerator: pct(b.selfCpu - a.selfCpu),
      // Everything else on the machine (other test runs, builds): when large, the figures are disturbed.
      otherProcesses: pct(b.machineCpu - a.machineCpu - (b.apiCpu - a.apiCpu) - (b.dbCpu - a.dbCpu) - (b.selfCpu - a.selfCpu)),
      machine: pct(b.machineCpu - a.machineCpu),
      stolenByHypervisor: pct(b.stealCpu - a.stealCpu),
    },
    cpuMsPerOp: { api: perReq(b.apiCpu - a.apiCpu), db: perReq(b.dbCpu - a.dbCpu), loadGenerator: perReq(b.selfCpu - a.selfCpu) },
    dbStatus: status,
    dbStatusPerOp: perOp,
  };
}

// ---------------------------------------------------------------------------------------------
// The two loads

interface CannonRun {
  seconds: number;
  requests: number;
  ok: number;
  perSecond: number;
  latency: LatencySummary;
  errors: number;
  non2xx: number;
  timeouts: number;
  socketErrors: number;
  statusCodes: Record<string, number>;
  failures: { status: number; path: string; body: string }[];
  requestErrors: string[];
  autocannon: { requestsAverage: number; latencyP50: number; latencyP99: number };
}

function runCannon(api: ApiProcess, sessions: Session[], pool: Variant[], seconds: number, connections: number): Promise<CannonRun> {
  const lat = new Recorder();
  const statusCodes: Record<string, number> = {};
  const failures: CannonRun['failures'] = [];
  const requestErrors: string[] = [];
  let ok = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: api.origin,
        connections,
        duration: seconds,
        timeout: 10,
        // autocannon keeps a connection's context across its list of requests and clears it when the
        // list starts over: one list entry per answer of a visit.
        requests: Array.from({ length: opts['answers-per-visit'] }, () => ({
          method: 'PUT' as const,
          setupRequest: (req, context) => {
            const visit = ((context as { visit?: Visit }).visit ??= { question: 0, left: 0 });
            const { session: s, variant: v } = nextSave(visit, sessions, pool);
            req.path = `/api/v1/participations/${s.participationId}/answers/${v.code}`;
            (context as { path?: string; body?: string }).path = req.path;
            (context as { path?: string; body?: string }).body = v.body;
            req.headers = { authorization: s.authorization, 'content-type': 'application/json' };
            req.body = v.body;
            return req;
          },
          onResponse: (status, body, context) => {
            if ((status < 200 || status >= 300) && failures.length < 5) {
              const c = context as { path?: string; body?: string };
              failures.push({ status, path: `${c.path} ${c.body}`, body: String(body).slice(0, 1500) });
            }
          },
        })),
      },
      (err, result) => {
        if (err) return reject(err);
        const duration = result.duration || seconds;
        resolve({
          seconds: duration,
          requests:
            lat.count +
            Object.entries(statusCodes)
              .filter(([c]) => !c.startsWith('2'))
              .reduce((n, [, v]) => n + v, 0),
          ok,
          perSecond: ok / duration,
          latency: lat.summary(),
          errors: result.non2xx + result.errors,
          non2xx: result.non2xx,
          timeouts: result.timeouts,
          socketErrors: result.errors - result.timeouts,
          statusCodes,
          failures,
          requestErrors,
          autocannon: { requestsAverage: result.requests.average, latencyP50: result.latency.p50, latencyP99: result.latency.p99 },
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      if (status >= 200 && status < 300) {
        ok++;
        lat.record(responseTime);
      }
    });
    instance.on('reqError', (e: Error) => {
      if (requestErrors.length < 5) requestErrors.push(String(e?.message ?? e));
    });
  });
}

const bareSql = (table: string) =>
  `INSERT INTO ${table} (participation_id, question_id, value, evidence_ids, url, note, self_points, version, updated_by, updated_at) ` +
  'VALUES (?, ?, ?, NULL, ?, NULL, ?, 1, ?, ?) ' +
  'ON DUPLICATE KEY UPDATE value = VALUES(value), self_points = VALUES(self_points), version = version + 1, updated_at = VALUES(updated_at)';
/** A copy of `answers` without its audit trigger (CREATE TABLE ... LIKE copies no trigger): the DB's cost of the bare row alone. */
const UNAUDITED_TABLE = 'answers_unaudited';
/**
 * The reference (issue 21): the upsert into a copy of `answers` with the audit triggers of migration
 * AnswerAudit, taken from that migration, so without the check of the save's participation and period
 * that the service's triggers add since AnswerSaveGuard (the service's own work, in the API's figure).
 */
const AUDITED_TABLE = 'answers_audited';

/** Creates AUDITED_TABLE with the triggers AnswerAudit created on `answers` (its statements, on the copy). */
async function createAuditedCopy(pool: Pool): Promise<string[]> {
  await pool.query(`CREATE TABLE ${AUDITED_TABLE} LIKE answers`);
  const created: string[] = [];
  const onCopy = {
    query: async (sql: string) => {
      const trigger = /CREATE TRIGGER (answers_\w+)/.exec(sql);
      if (!trigger) return; // its column change: the copy has the column already
      created.push(trigger[1]);
      await pool.query(sql.replace(`TRIGGER ${trigger[1]}`, `TRIGGER ${trigger[1].replace('answers_', `${AUDITED_TABLE}_`)}`).replace(/\bON answers\b/, `ON ${AUDITED_TABLE}`));
    },
  };
  await new AnswerAudit1764000700000().up(onCopy as unknown as QueryRunner);
  return created;
}

interface BareRun {
  seconds: number;
  ops: number;
  perSecond: number;
  latency: LatencySummary;
  errors: number;
  errorSamples: string[];
}

async function runBare(
  pool: Pool,
  sessions: Session[],
  variantsPool: Variant[],
  questionIds: Map<string, string>,
  seconds: number,
  concurrency: number,
  table = 'answers',
): Promise<BareRun> {
  const sql = bareSql(table);
  // Open every connection first, so connecting is not measured.
  await Promise.all(Array.from({ length: concurrency }, () => pool.query('SELECT 1')));
  const lat = new Recorder();
  let errors = 0;
  const errorSamples: string[] = [];
  const start = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  const loop = async () => {
    const visit: Visit = { question: 0, left: 0 };
    while (Date.now() < end) {
      const { session: s, variant: v } = nextSave(visit, sessions, variantsPool);
      const t = process.hrtime.bigint();
      try {
        await pool.query(sql, [s.participationId, questionIds.get(v.code), JSON.stringify(v.value), v.url, '1.00', s.userId, new Date()]);
        lat.record(msSince(t));
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(String((e as Error).message));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = msSince(start) / 1000;
  return { seconds: elapsed, ops: lat.count, perSecond: lat.count / elapsed, latency: lat.summary(), errors, errorSamples };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const log = stepLogger();
  const settings = scratchSettings(DB_NAME, opts['pool-size']);
  const nLogins = Math.max(1, Math.min(opts.logins, opts.bodies));
  const results: Record<string, unknown> = {
    bench: 'answers',
    startedAt: startedAt.toISOString(),
    options: opts,
    targets: TARGETS,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
  };
  console.log(
    `answers bench: ${num(opts.bodies)} bodies, ${num(nLogins)} logged in, ${opts.connections} connections, ${opts['answers-per-visit']} successive answers per visit of a body, ${opts.seconds} s (warm-up ${opts.warmup} s), ${os.cpus().length} CPUs`,
  );

  let api: ApiProcess | undefined;
  let pool: Pool | undefined;
  let failed = false;
  try {
    // 1. scratch database, build, setup, API
    log(`scratch database ${DB_NAME}: drop, create, migrate`);
    const applied = await recreateDatabase(settings);
    log(`  applied ${applied.join(', ')}`);
    const build = ensureBuilt(log);
    if (build.built) log(`  built in ${build.seconds.toFixed(1)} s`);
    const port = await freePort(opts.port);
    const profileFile = path.join(RESULTS_DIR, 'answers-api.cpuprofile');
    const extraEnv = Object.fromEntries(
      opts['api-env']
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const i = kv.indexOf('=');
          if (i < 1) throw new Error(`--api-env expects KEY=VALUE pairs, got ${kv}`);
          return [kv.slice(0, i), kv.slice(i + 1)];
        }),
    );
    const env = apiEnv({
      DB_NAME,
      DB_POOL_SIZE: opts['pool-size'],
      QUEUE_PREFIX,
      PORT: port,
      PUBLIC_BASE_URL: `http://localhost:${port}`,
      BENCH_PROFILE_FILE: profileFile,
      ...extraEnv,
    });
    await clearQueuePrefix(QUEUE_PREFIX);
    const setup = await runSetup(env);
    log(`  setup: admin ${setup.admin}`);
    api = await startApi({ env, port, nodeArgs: opts.profile ? ['-r', path.join(__dirname, 'lib', 'profile-preload.js')] : [] });
    log(`API pid ${api.pid} healthy at ${api.base}`);
    pool = openPool(settings, opts.connections);
    const [[dbVersion]] = await pool.query<RowDataPacket[]>('SELECT VERSION() AS v');
    (results.machine as Record<string, unknown>).database = dbVersion.v;

    // 2. registry, period, instrument, bodies, enrollment, SAQ
    const { admin, organizerId } = await adminClient(api.base, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    const codes = [...new Set(INSTRUMENT.aspects.flatMap((a) => a.questions.flatMap((q) => q.categoryCodes ?? [])))].sort();
    const categories = await createCategories(admin, pool, organizerId, codes);
    const period = await createPeriod(admin);
    await admin.put(`/periods/${period.id}/instrument`, INSTRUMENT, 200);
    log(`period ${period.id} (${period.year}) with the seed instrument; categories ${categories.map((c) => c.code).join(', ')}`);
    let t = Date.now();
    const bodies = await insertBodiesWithPpids(pool, { organizerId, categories, count: opts.bodies, password: PPID_PASSWORD });
    log(`${num(bodies.length)} public bodies and PPID accounts inserted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const enrolled = await enrollCategories(
      admin,
      period.id,
      categories.map((c) => c.code),
    );
    await advance(admin, period.id, 'REGISTRATION');
    await advance(admin, period.id, 'SAQ');
    const partOf = await participationsByBody(pool, period.id);
    log(`enrolled ${num(enrolled.enrolled)}; period advanced to SAQ`);

    // 3. logins
    const toLogin = bodies.slice(0, nLogins);
    const loginLat = new Recorder();
    let done = 0;
    t = Date.now();
    const loginStart = process.hrtime.bigint();
    const sessions: Session[] = await mapLimit(toLogin, opts['login-concurrency'], async (b) => {
      const t0 = process.hrtime.bigint();
      const r = await login(api!.base, b.email, PPID_PASSWORD);
      loginLat.record(msSince(t0));
      if (++done % 1000 === 0) log(`  ${num(done)} logins`);
      const participationId = partOf.get(b.id);
      if (!participationId) throw new Error(`body ${b.id} has no participation`);
      if (String(r.user.publicBodyId) !== b.id) throw new Error(`login of ${b.email} answered publicBodyId ${r.user.publicBodyId}, expected ${b.id}`);
      return { bodyId: b.id, userId: String(r.user.id), participationId, authorization: `Bearer ${r.accessToken}` };
    });
    const loginSeconds = msSince(loginStart) / 1000;
    const logins = {
      count: sessions.length,
      seconds: loginSeconds,
      perSecond: sessions.length / loginSeconds,
      concurrency: opts['login-concurrency'],
      latency: loginLat.summary(),
    };
    results.logins = logins;
    log(`logged in ${num(logins.count)} PPIDs in ${loginSeconds.toFixed(1)} s (${logins.perSecond.toFixed(1)}/s, ${latencyLine(logins.latency)})`);
    for (const s of sessions.slice(0, 3)) {
      const mine = await new ApiClient(api.base, s.authorization.slice(7)).get<{ items: { id: string; stage: string }[] }>('/participations/mine');
      if (mine.items.length !== 1 || String(mine.items[0].id) !== s.participationId || mine.items[0].stage !== 'SAQ') {
        throw new Error(`GET /participations/mine of body ${s.bodyId}: ${JSON.stringify(mine).slice(0, 500)} (expected participation ${s.participationId} in SAQ)`);
      }
    }

    // 4. answer bodies and a sequential pre-check covering every question
    const questions = commonQuestions();
    const pool_ = variants(questions);
    const [qrows] = await pool.query<RowDataPacket[]>('SELECT id, code FROM questions WHERE period_id = ?', [period.id]);
    const questionIds = new Map(qrows.map((r) => [String(r.code), String(r.id)]));
    const byType = questions.reduce<Record<string, number>>((m, q) => ((m[q.type] = (m[q.type] ?? 0) + 1), m), {});
    log(
      `${questions.length} questions apply to every category (${Object.entries(byType)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}); pre-check of ${opts.precheck} saves`,
    );
    for (let i = 0; i < opts.precheck; i++) {
      const s = sessions[i % sessions.length];
      const v = pool_[(i % questions.length) * VARIANTS_PER_QUESTION + (Math.floor(i / questions.length) % VARIANTS_PER_QUESTION)];
      const p = `/participations/${s.participationId}/answers/${v.code}`;
      const res = await fetch(`${api.base}${p}`, { method: 'PUT', headers: { authorization: s.authorization, 'content-type': 'application/json' }, body: v.body });
      const text = await res.text();
      if (res.status !== 200) throw new HttpError('PUT', `${p} ${v.body}`, res.status, text);
      const a = JSON.parse(text) as { version?: number; selfPoints?: string; questionCode?: string };
      if (a.questionCode !== v.code || typeof a.version !== 'number' || typeof a.selfPoints !== 'string') throw new Error(`PUT ${p}: unexpected answer ${text.slice(0, 500)}`);
    }

    // 5. warm-up and timed API run
    let warmup: CannonRun | null = null;
    if (opts.warmup > 0) {
      log(`warm-up ${opts.warmup} s (not counted)`);
      warmup = await runCannon(api, sessions, pool_, opts.warmup, opts.connections);
      if (api.child.exitCode !== null || api.child.signalCode !== null)
        throw new Error(`the API exited during the warm-up (code ${api.child.exitCode}, signal ${api.child.signalCode})`);
      log(`  warm-up: ${num(warmup.perSecond)} req/s, ${latencyLine(warmup.latency)}, errors ${warmup.errors}`);
      results.warmup = warmup;
    }
    const dbPid = databaseServerPid();
    const loadBefore = os.loadavg();
    results.loadAverageBefore = loadBefore;
    // Quiet check: with our load stopped, what else keeps the machine and the database busy?
    const q0 = await snapshot(pool, api.pid, dbPid);
    await new Promise((r) => setTimeout(r, 2000));
    const q1 = await snapshot(pool, api.pid, dbPid);
    const idle = usage(q0, q1, 0);
    const quiet = {
      otherQueriesPerSecond: Math.round(((idle.dbStatus.Questions ?? 0) - 2) / idle.wallSeconds),
      dbCpuPercent: idle.cpuPercentOfOneCore.db,
      otherProcessesCpuPercent: idle.cpuPercentOfOneCore.otherProcesses,
    };
    results.quietCheck = quiet;
    log(
      `quiet check (2 s, our load stopped): database ${quiet.otherQueriesPerSecond} queries/s from other clients, mariadbd ${quiet.dbCpuPercent}% CPU, other processes ${quiet.otherProcessesCpuPercent}% CPU`,
    );
    log(`timed run: PUT /participations/:id/answers/:questionCode, ${opts.connections} connections, ${opts.seconds} s`);
    if (opts.profile) {
      fs.mkdirSync(path.dirname(profileFile), { recursive: true });
      fs.rmSync(profileFile, { force: true });
      api.child.kill('SIGWINCH');
      await new Promise((r) => setTimeout(r, 200));
    }
    let before = await snapshot(pool, api.pid, dbPid);
    const apiRun = await runCannon(api, sessions, pool_, opts.seconds, opts.connections);
    let after = await snapshot(pool, api.pid, dbPid);
    if (api.child.exitCode !== null || api.child.signalCode !== null)
      throw new Error(`the API exited during the timed run (code ${api.child.exitCode}, signal ${api.child.signalCode})`);
    const apiUsage = usage(before, after, apiRun.ok);
    if (opts.profile) {
      api.child.kill('SIGWINCH');
      const until = Date.now() + 30_000;
      while (!fs.existsSync(profileFile) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
      if (fs.existsSync(profileFile)) results.profile = { file: profileFile, ...summarizeProfile(profileFile, 25) };
      else log('  no CPU profile was written');
    }
    results.api = { ...apiRun, usage: apiUsage };
    log(`  API: ${num(apiRun.perSecond)} saves/s, ${latencyLine(apiRun.latency)}, errors ${apiRun.errors}`);
    if (apiRun.errors) {
      log(`  status codes: ${JSON.stringify(apiRun.statusCodes)}`);
      for (const f of apiRun.failures.slice(0, 3)) {
        log(`  failing response ${f.status} to PUT ${f.path}: ${f.body}`);
        const requestId = /"requestId":"([^"]+)"/.exec(f.body)?.[1];
        for (const l of requestId ? api.grep(requestId).slice(0, 2) : []) log(`    API log: ${l.slice(0, 3000)}`);
      }
      for (const e of apiRun.requestErrors.slice(0, 3)) log(`  request error: ${e}`);
    }

    // 6. bare upsert of the same rows at the same concurrency, into a copy of answers with its audit triggers
    const copied = await createAuditedCopy(pool);
    log(
      `bare mysql2 upsert into a copy of answers with the audit triggers of migration AnswerAudit (${copied.join(', ')}): ${opts.connections} concurrent loops, ${opts.seconds} s`,
    );
    before = await snapshot(pool, api.pid, dbPid);
    const bare = await runBare(pool, sessions, pool_, questionIds, opts.seconds, opts.connections, AUDITED_TABLE);
    after = await snapshot(pool, api.pid, dbPid);
    const bareUsage = usage(before, after, bare.ops);
    results.bare = { ...bare, usage: bareUsage };
    const ratio = apiRun.perSecond / bare.perSecond;
    results.ratio = ratio;
    log(`bare mysql2 upsert into a copy of answers without the audit trigger: ${opts.connections} concurrent loops, ${opts.seconds} s`);
    await pool.query(`CREATE TABLE ${UNAUDITED_TABLE} LIKE answers`);
    const bareUnaudited = await runBare(pool, sessions, pool_, questionIds, opts.seconds, opts.connections, UNAUDITED_TABLE);
    results.bareUnaudited = bareUnaudited;

    // 7. report
    const u = apiUsage;
    const per = u.dbStatusPerOp;
    const lines = [
      '',
      `== answers: ${num(opts.bodies)} bodies (${num(sessions.length)} logged in), ${opts.connections} connections, ${opts.seconds} s, ${os.cpus().length} CPUs, ${dbVersion.v} ==`,
      `answers API: ${num(apiRun.perSecond)} req/s, p50 ${ms(apiRun.latency.p50)}, p99 ${ms(apiRun.latency.p99)}, errors ${apiRun.errors} (non2xx ${apiRun.non2xx}, timeouts ${apiRun.timeouts})`,
      `bare upsert: ${num(bare.perSecond)} ops/s, p50 ${ms(bare.latency.p50)}, p99 ${ms(bare.latency.p99)}, errors ${bare.errors} (with its audit row from the audit trigger)`,
      `bare upsert without the audit trigger: ${num(bareUnaudited.perSecond)} ops/s, p50 ${ms(bareUnaudited.latency.p50)}, p99 ${ms(bareUnaudited.latency.p99)}, errors ${bareUnaudited.errors}`,
      `CPU per bare upsert: db ${bareUsage.cpuMsPerOp.db} ms, load generator ${bareUsage.cpuMsPerOp.loadGenerator} ms`,
      `ratio API/bare: ${ratio.toFixed(2)}`,
      `logins: ${num(logins.count)} in ${logins.seconds.toFixed(1)} s (${logins.perSecond.toFixed(1)}/s at concurrency ${logins.concurrency}, ${latencyLine(logins.latency)})`,
      `CPU during the API run (% of one core, ${os.cpus().length} cores): api ${u.cpuPercentOfOneCore.api}%, db ${u.cpuPercentOfOneCore.db}%, load generator ${u.cpuPercentOfOneCore.loadGenerator}%, other processes ${u.cpuPercentOfOneCore.otherProcesses}%, steal ${u.cpuPercentOfOneCore.stolenByHypervisor}%` +
        ` | per save: api ${u.cpuMsPerOp.api} ms, db ${u.cpuMsPerOp.db} ms, load generator ${u.cpuMsPerOp.loadGenerator} ms`,
      `DB per save: ${per.Questions} statements (select ${per.Com_select}, insert ${per.Com_insert}, update ${per.Com_update}, commit ${per.Com_commit}), ` +
        `fsyncs ${per.Innodb_data_fsyncs}, log writes ${per.Innodb_log_writes}, row lock waits ${u.dbStatus.Innodb_row_lock_waits ?? 'n/a'}, deadlocks ${u.dbStatus.Innodb_deadlocks ?? 'n/a'}`,
    ];
    const busy = Math.max(u.cpuPercentOfOneCore.otherProcesses, bareUsage.cpuPercentOfOneCore.otherProcesses);
    const quietCheck = results.quietCheck as { otherQueriesPerSecond: number; dbCpuPercent: number; otherProcessesCpuPercent: number };
    if (quietCheck.otherQueriesPerSecond > 200 || quietCheck.dbCpuPercent > 10 || quietCheck.otherProcessesCpuPercent > 15) {
      lines.push(`WARNING: the machine was not quiet before the timed run (${JSON.stringify(quietCheck)}): another client or process competes for the CPUs or the database`);
    }
    const steal = u.cpuPercentOfOneCore.stolenByHypervisor;
    if (steal > 10) lines.push(`WARNING: the hypervisor stole ${steal}% of a core during the API run (a noisy neighbour); the figures are disturbed`);
    if (busy > 15)
      lines.push(
        `WARNING: other processes used up to ${busy}% of a core during the measurements (load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}); the figures are disturbed, rerun on a quiet machine`,
      );
    for (const l of lines) console.log(l);
    if (results.profile) {
      const prof = results.profile as ReturnType<typeof summarizeProfile>;
      console.log(`API CPU profile (${prof.totalMs.toFixed(0)} ms sampled; ${path.relative(process.cwd(), profileFile)}), self time by area:`);
      for (const r of prof.byArea.slice(0, 12)) console.log(`  ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}`);
    }
    console.log('targets:');
    const pass = printChecks([
      { name: 'ratio to the bare audited upsert', actual: ratio, op: '>=', target: TARGETS.ratioToBare, decimals: 2 },
      { name: 'p99', actual: apiRun.latency.p99, op: '<=', target: TARGETS.p99Ms, unit: 'ms' },
      { name: 'errors', actual: apiRun.errors, op: '==', target: TARGETS.errors },
    ]);
    results.pass = pass;
    results.finishedAt = new Date().toISOString();
    console.log(`results: ${path.relative(process.cwd(), writeResults('answers', results))}`);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    if (failed && api) console.error(`--- last lines of the API (pid ${api.pid}) ---\n${api.tail()}\n---`);
    await api?.stop().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    if (!opts['keep-db']) await dropDatabase(settings).catch((e) => console.error(`could not drop ${DB_NAME}: ${e}`));
    await clearQueuePrefix(QUEUE_PREFIX).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`answers bench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    process.exit(1);
  },
);
