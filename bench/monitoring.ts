/**
 * `npm run bench:monitoring -- --bodies 5000 --questions 60`
 *
 * Seeds a period in SAQ with that many bodies directly in a scratch database (set-based SQL: a third
 * not started, a third filling with a spread of answers, a third submitted), starts the API in this
 * process and times GET /periods/:id/monitoring over HTTP (first call, then the best and median of
 * repeated calls, each with a sort and filter), counting every SQL statement the request sends (mysql2's
 * query and execute, so TypeORM's and the pool's alike). Budget: within 1 s, at most a few statements.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as mysql from 'mysql2/promise';
import { AppModule } from '../src/app.module';
import { configureHttpApp } from '../src/bootstrap';
import { validateEnv } from '../src/config/env';
import { API_PREFIX, apiEnv, freePort, runSetup } from './lib/api-process';
import { parseArgs } from './lib/args';
import { recreateDatabase, scratchSettings } from './lib/db';
import { Check, printChecks, stepLogger, writeResults } from './lib/report';

const DAY = 24 * 3600 * 1000;

/** Every statement any mysql2 connection sends while `counting` is on. */
const statements: string[] = [];
let counting = false;
function countStatements(): void {
  const base = Object.getPrototypeOf(require('mysql2').Connection.prototype) as Record<'query' | 'execute', (...a: unknown[]) => unknown>;
  for (const name of ['query', 'execute'] as const) {
    const original = base[name];
    base[name] = function (this: unknown, ...args: unknown[]) {
      if (counting)
        statements.push(
          String(typeof args[0] === 'string' ? args[0] : ((args[0] as { sql?: string })?.sql ?? '?'))
            .replace(/\s+/g, ' ')
            .slice(0, 120),
        );
      return original.apply(this, args);
    };
  }
}

async function seed(conn: mysql.Connection, o: { organizerId: string; adminId: string; bodies: number; questions: number; categories: number }): Promise<string> {
  const q = async (sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as { insertId: number } & unknown[];
  const now = Date.now();
  const at = (d: number) => new Date(now + d * DAY).toISOString();
  const schedule = {
    SAQ: { opensAt: at(-10), closesAt: at(3) },
    VERIFICATION: { opensAt: at(3), closesAt: at(13) },
    OBJECTION: { opensAt: at(13), closesAt: at(23) },
    PRESENTATION: { opensAt: at(23), closesAt: at(33) },
  };
  const bands = [
    { code: 'INFORMATIF', label: 'Informatif', min: '90.00' },
    { code: 'TIDAK_INFORMATIF', label: 'Tidak Informatif', min: '0.00' },
  ];
  const period = await q(
    `INSERT INTO periods (organizer_id, year, name, timezone, stage, weight_saq, weight_visitation, weight_presentation, finalist_rule_type, finalist_rule_value, bands, presentation_rubric, schedule, version)
     VALUES (?, 2026, 'Monev sintetis', 'Asia/Jakarta', 'SAQ', 70, 0, 30, 'TOP_N', 3, ?, ?, ?, 1)`,
    [o.organizerId, JSON.stringify(bands), JSON.stringify([{ code: 'OVERALL', title: 'Keseluruhan', weight: '100.00' }]), JSON.stringify(schedule)],
  );
  const periodId = String(period.insertId);
  await q('INSERT INTO categories (organizer_id, code, name) VALUES ?', [Array.from({ length: o.categories }, (_, i) => [o.organizerId, `K${i + 1}`, `Kategori ${i + 1}`])]);
  const cats = (await q('SELECT id, code FROM categories WHERE organizer_id = ? ORDER BY id', [o.organizerId])) as unknown as { id: number; code: string }[];
  await q('INSERT INTO aspects (period_id, code, title, weight, position) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)', [
    periodId,
    'A1',
    'Aspek 1',
    '50.00',
    1,
    periodId,
    'A2',
    'Aspek 2',
    '50.00',
    2,
  ]);
  const aspects = (await q('SELECT id FROM aspects WHERE period_id = ? ORDER BY position', [periodId])) as unknown as { id: number }[];
  // Every tenth question applies to the first category only, so the per-category count is exercised.
  const questions = Array.from({ length: o.questions }, (_, i) => [
    periodId,
    aspects[i % 2].id,
    `${(i % 2) + 1}.${Math.floor(i / 2) + 1}`,
    `Pertanyaan ${i + 1}`,
    'YES_NO',
    '1.00',
    'NONE',
    1,
    i % 10 === 9 ? JSON.stringify([cats[0].code]) : null,
    i + 1,
  ]);
  await q('INSERT INTO questions (period_id, aspect_id, code, text, type, max_points, evidence, required, category_codes, position) VALUES ?', [questions]);
  await q('INSERT INTO public_bodies (organizer_id, category_id, name) VALUES ?', [
    Array.from({ length: o.bodies }, (_, i) => [o.organizerId, cats[i % o.categories].id, `Badan Publik ${i + 1}`]),
  ]);
  const started = new Date(now - 9 * DAY);
  await q(
    `INSERT INTO participations (organizer_id, period_id, public_body_id, category_id, status, started_at, submitted_at, deadline_override, version)
     SELECT organizer_id, ?, id, category_id, ELT(MOD(id, 3) + 1, 'INVITED', 'IN_PROGRESS', 'SUBMITTED'),
            IF(MOD(id, 3) = 0, NULL, ?), IF(MOD(id, 3) = 2, TIMESTAMPADD(SECOND, MOD(id * 7919, 86400 * 5), ?), NULL),
            IF(MOD(id, 97) = 0, ?, NULL), 1
       FROM public_bodies WHERE organizer_id = ?`,
    [periodId, started, started, new Date(now + 6 * DAY), o.organizerId],
  );
  // Submitted bodies answered every question of their category, filling ones a spread of the first ones.
  await q(
    `INSERT INTO answers (participation_id, question_id, value, self_points, version, updated_by, updated_at)
     SELECT p.id, qq.id, 'true', '1.00', 1, ?, TIMESTAMPADD(SECOND, -MOD(p.id * 13 + qq.position * 17, 86400 * 8), ?)
       FROM participations p JOIN questions qq ON qq.period_id = p.period_id
      WHERE p.period_id = ? AND (qq.category_codes IS NULL OR p.category_id = ?)
        AND (p.status = 'SUBMITTED' OR (p.status = 'IN_PROGRESS' AND qq.position <= MOD(p.id * 31, ?) + 1))`,
    [o.adminId, new Date(now), periodId, cats[0].id, o.questions],
  );
  await q('ANALYZE TABLE participations, answers, evidence');
  return periodId;
}

async function main() {
  const args = parseArgs({ bodies: 5000, questions: 60, categories: 8, repeats: 10 });
  const log = stepLogger();
  const db = scratchSettings('monev_bench_monitoring');
  await recreateDatabase(db);
  const env = apiEnv({ ...db, QUEUE_PREFIX: `bench-monitoring-${Date.now()}`, LOG_LEVEL: 'warn' });
  const setup = await runSetup(env);
  const conn = await mysql.createConnection({ host: db.DB_HOST, port: Number(db.DB_PORT), user: db.DB_USER, password: db.DB_PASSWORD, database: db.DB_NAME });
  const [[org]] = (await conn.query('SELECT id FROM organizers WHERE is_default = 1')) as unknown as [{ id: number }[]];
  const [[admin]] = (await conn.query("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")) as unknown as [{ id: number }[]];
  log(`seeding a period in SAQ: ${args.bodies} bodies, ${args.questions} questions, ${args.categories} categories`);
  const t = Date.now();
  const periodId = await seed(conn, { organizerId: String(org.id), adminId: String(admin.id), bodies: args.bodies, questions: args.questions, categories: args.categories });
  const [[{ n: answers }]] = (await conn.query('SELECT COUNT(*) AS n FROM answers')) as unknown as [{ n: number }[]];
  log(`seeded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${Number(answers).toLocaleString('en-US')} answers`);

  countStatements();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ env: validateEnv(env), workers: false, http: true }), { logger: ['error'] });
  configureHttpApp(app);
  const port = await freePort(0);
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}${API_PREFIX}`;
  try {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login ${login.status}: ${await login.text()} (${setup.admin})`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const get = async (query: string) => {
      statements.length = 0;
      counting = true;
      const start = performance.now();
      const res = await fetch(`${base}/periods/${periodId}/monitoring?${query}`, { headers: { authorization: `Bearer ${accessToken}` } });
      const body = (await res.json()) as { overall: { total: number }; total: number };
      const ms = performance.now() - start;
      counting = false;
      if (!res.ok) throw new Error(`monitoring ${res.status}: ${JSON.stringify(body)}`);
      return { ms, statements: [...statements], body };
    };
    const first = await get('sort=progress&order=asc&pageSize=50');
    if (first.body.overall.total !== args.bodies) throw new Error(`expected ${args.bodies} bodies, got ${first.body.overall.total}`);
    const queries = [
      'sort=progress&order=asc',
      'sort=lastActivity&order=desc',
      'state=NOT_STARTED&deadlineWithinDays=3&sort=deadline',
      'categoryCode=K1&sort=progress&order=desc&page=3',
    ];
    const times: number[] = [];
    let counts: number[] = [];
    for (let i = 0; i < args.repeats; i++) {
      const r = await get(queries[i % queries.length]);
      times.push(r.ms);
      counts.push(r.statements.length);
    }
    counts = [...new Set(counts)];
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const result = {
      bodies: args.bodies,
      questions: args.questions,
      answers: Number(answers),
      firstMs: first.ms,
      firstStatements: first.statements,
      medianMs: median,
      bestMs: times[0],
      worstMs: times[times.length - 1],
      statementsPerRequest: counts,
    };
    console.log('');
    console.log(`monitoring of ${args.bodies.toLocaleString('en-US')} bodies (${Number(answers).toLocaleString('en-US')} answers), GET over HTTP on this machine`);
    console.log(`  first request: ${first.ms.toFixed(0)} ms, ${first.statements.length} SQL statements:`);
    for (const s of first.statements) console.log(`    ${s}`);
    console.log(
      `  then ${args.repeats} requests: median ${median.toFixed(0)} ms, best ${times[0].toFixed(0)} ms, worst ${times[times.length - 1].toFixed(0)} ms; statements per request ${counts.join(', ')}`,
    );
    const checks: Check[] = [
      { name: 'first request', actual: first.ms, op: '<=', target: 1000, unit: 'ms' },
      { name: 'worst request', actual: times[times.length - 1], op: '<=', target: 1000, unit: 'ms' },
      { name: 'SQL statements per request (after the first)', actual: Math.max(...counts), op: '<=', target: 5 },
    ];
    printChecks(checks);
    console.log(`results: ${writeResults(`monitoring-${args.bodies}`, result)}`);
  } finally {
    await app.close();
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
