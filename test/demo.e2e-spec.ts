import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createConnection } from 'mysql2/promise';
import { assembleRanking, RankingInput } from '../src/rankings/assemble';
import { Dec, format2 } from '../src/scoring/decimal';
import { mean } from '../src/scoring/panel-scores';
import { saqScore, tallyAspects } from '../src/scoring/saq-score';
import { dropDatabase, baseTestEnv } from './support/test-app';

/**
 * Runs `npm run demo -- --ci` (15 bodies, the whole cycle through the HTTP API) and checks its
 * published ranking against the pure scoring functions applied to the raw verified points and panel
 * sheets in the database: no subtotal, no compiled scorer, no SQL aggregate in the expectation.
 */
describe('the demo: a whole monev cycle', () => {
  const env = baseTestEnv();
  const db = `monev_test_demo_${process.pid}`;
  const out = mkdtempSync(path.join(os.tmpdir(), 'monev-demo-'));

  afterAll(async () => {
    await dropDatabase(env, db);
    rmSync(out, { recursive: true, force: true });
  });

  it('runs end to end and its ranking equals the pure functions on the raw data', async () => {
    const port = String(3200 + (process.pid % 500));
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'seeds/demo.ts', '--ci', '--db', db, '--port', port, '--out', out], {
        cwd: path.join(__dirname, '..'),
        // As a newcomer runs it: no DB_*, REDIS_* or JWT_* variables and no .env, only the defaults.
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ENV_FILE: 'none' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      // Killed before jest's own limit, so a slow or stuck run still shows what it printed.
      const limit = setTimeout(() => child.kill('SIGTERM'), 220_000);
      child.on('exit', (c) => {
        clearTimeout(limit);
        if (c !== 0) console.log(log);
        resolve(c ?? 1);
      });
    });
    expect(code).toBe(0);
    for (const f of ['ranking.csv', 'ranking.xlsx', 'summary.md', 'results.json']) expect(existsSync(path.join(out, f))).toBe(true);
    const { periodId, runId, results } = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    const ranked = results.filter((r: { status: string }) => r.status === 'RANKED');
    expect(readdirSync(path.join(out, 'certificates')).length).toBe(ranked.length);
    expect(results.length).toBe(15);
    expect(results.filter((r: { status: string }) => r.status === 'NOT_PARTICIPATING').length).toBe(2);
    // Without SMTP the demo's mail is .eml files: an invitation per PPID (each activated from its link),
    // the verification notice per verified body, the two decided objections, the publication per ranked body.
    const { mails } = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    const emls = readdirSync(path.join(out, 'mail')).filter((n) => n.endsWith('.eml'));
    expect(emls.length).toBe(mails.total);
    expect(mails.byOccasion).toEqual({ INVITATION: 15, VERIFICATION_READY: 13, OBJECTION_DECIDED: 2, RANKING_PUBLISHED: ranked.length });
    const invitation = emls.map((n) => readFileSync(path.join(out, 'mail', n), 'utf8')).find((t) => t.includes('Subject: Undangan akun monev KIP'));
    expect(invitation).toContain('Komisi Informasi Provinsi Kalimantan Tengah');

    const conn = await createConnection({ host: env.DB_HOST, port: Number(env.DB_PORT), user: env.DB_USER, password: env.DB_PASSWORD, database: db });
    try {
      const q = async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as unknown as T[];
      const [period] = await q<{ weight_saq: string; weight_visitation: string; weight_presentation: string; bands: string }>('SELECT * FROM periods WHERE id = ?', [periodId]);
      const aspects = await q<{ id: number; code: string; weight: string }>('SELECT id, code, weight FROM aspects WHERE period_id = ? ORDER BY position', [periodId]);
      const questions = await q<{ id: number; aspect_id: number; max_points: string; category_codes: string | null }>(
        'SELECT id, aspect_id, max_points, category_codes FROM questions WHERE period_id = ?',
        [periodId],
      );
      const verifications = await q<{ participation_id: number; question_id: number; points: string; objection_points: string | null }>(
        'SELECT v.participation_id, v.question_id, v.points, v.objection_points FROM verifications v JOIN participations p ON p.id = v.participation_id WHERE p.period_id = ?',
        [periodId],
      );
      const parts = await q<{ id: number; public_body_id: number; body: string; category: string; status: string; submitted_at: Date | null }>(
        'SELECT p.id, p.public_body_id, b.name AS body, c.code AS category, p.status, p.submitted_at FROM participations p JOIN public_bodies b ON b.id = p.public_body_id JOIN categories c ON c.id = p.category_id WHERE p.period_id = ?',
        [periodId],
      );
      const [selection] = await q<{ participation_ids: string }>('SELECT participation_ids FROM finalist_selections WHERE period_id = ? ORDER BY id DESC LIMIT 1', [periodId]);
      const finalists = new Set<string>(JSON.parse(selection.participation_ids));
      const visits = await q<{ participation_id: number; score: string }>('SELECT participation_id, score FROM visitation_scores');
      const sheets = await q<{ participation_id: number; criteria: string }>('SELECT participation_id, criteria FROM presentation_sheets');
      const rubric = JSON.parse((await q<{ presentation_rubric: string }>('SELECT presentation_rubric FROM periods WHERE id = ?', [periodId]))[0].presentation_rubric) as {
        code: string;
        weight: string;
      }[];
      const aspectCode = new Map(aspects.map((a) => [a.id, a.code]));

      const inputs: RankingInput[] = parts.map((p) => {
        const participating = ['SUBMITTED', 'VERIFIED', 'FINALIST', 'RANKED'].includes(p.status);
        const applicable = questions.filter((qq) => {
          const cats = qq.category_codes ? (JSON.parse(qq.category_codes) as string[]) : [];
          return !cats.length || cats.includes(p.category);
        });
        const points = new Map(verifications.filter((v) => v.participation_id === p.id).map((v) => [v.question_id, v.objection_points ?? v.points]));
        const saq = participating
          ? saqScore(
              tallyAspects(
                aspects.map((a) => ({ code: a.code, weight: a.weight })),
                applicable.map((qq) => ({ aspectCode: aspectCode.get(qq.aspect_id)!, points: points.get(qq.id) ?? null, maxPoints: qq.max_points })),
              ),
            ).score
          : null;
        const finalist = finalists.has(String(p.id));
        // A panelist's presentation total by hand: sum(score * weight) / 100.
        const totals = sheets
          .filter((s) => s.participation_id === p.id)
          .map((s) =>
            (JSON.parse(s.criteria) as { code: string; score: string }[])
              .reduce((t, c) => t.plus(new Dec(c.score).times(rubric.find((r) => r.code === c.code)!.weight)), new Dec(0))
              .div(100),
          );
        return {
          participationId: String(p.id),
          publicBodyId: String(p.public_body_id),
          bodyName: p.body,
          categoryCode: p.category,
          categoryName: p.category,
          participating,
          finalist,
          saq,
          visitation: finalist ? mean(visits.filter((v) => v.participation_id === p.id).map((v) => v.score)) : null,
          presentation: finalist ? mean(totals) : null,
          submittedAt: p.submitted_at,
        };
      });
      const expected = assembleRanking(
        inputs,
        { saq: period.weight_saq, visitation: period.weight_visitation, presentation: period.weight_presentation },
        JSON.parse(period.bands),
      );
      const actual = results.map((r: Record<string, unknown>) => [r.participationId, r.finalScore, r.qualification, r.rankInCategory, r.rankOverall]);
      expect(actual).toEqual(expected.map((e) => [e.participationId, format2(e.finalRounded), e.qualification, e.rankInCategory, e.rankOverall]));
      // The demo exercised what it claims: adjustments, an inaccessible document, one accepted objection.
      const [facts] = await q<{ inaccessible: number; accepted: number; rejected: number }>(
        `SELECT (SELECT COUNT(*) FROM verifications WHERE status = 'EVIDENCE_INACCESSIBLE') AS inaccessible,
                (SELECT COUNT(*) FROM objections WHERE status = 'ACCEPTED') AS accepted, (SELECT COUNT(*) FROM objections WHERE status = 'REJECTED') AS rejected`,
      );
      expect(facts).toEqual({ inaccessible: 1, accepted: 1, rejected: 1 });
      expect(runId).toBeTruthy();
    } finally {
      await conn.end();
    }
  }, 240_000);
});
