import { createConnection, Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { buildSyntheticPeriod } from '../seeds/synthetic';
import { foldRows } from '../src/rankings/ranking-inputs';
import { mean } from '../src/scoring/panel-scores';
import { API } from './factories';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

describe('the ranking inputs fingerprint is exact and order-independent', () => {
  let t: TestApp;
  let db: Connection;
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));

  beforeAll(async () => {
    t = await createTestApp();
    db = await createConnection({ host: t.env.DB_HOST, port: Number(t.env.DB_PORT), user: t.env.DB_USER, password: t.env.DB_PASSWORD, database: t.dbName });
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('folds the same rows to the same value in any order', async () => {
    // 20,000 rows shaped like aspect subtotals, read in ascending and in descending order.
    await db.query('CREATE TABLE fold_rows (a INT UNSIGNED NOT NULL, b INT UNSIGNED NOT NULL, points DECIMAL(11,2) NOT NULL, PRIMARY KEY (a, b))');
    const rows = Array.from({ length: 20000 }, (_, i) => [Math.floor(i / 6) + 1, (i % 6) + 1, ((i * 7919) % 10000) / 100]);
    for (let i = 0; i < rows.length; i += 5000) await db.query('INSERT INTO fold_rows (a, b, points) VALUES ?', [rows.slice(i, i + 5000)]);
    const ds = t.get<DataSource>(DataSource);
    const fold = async (order: 'ASC' | 'DESC') => {
      const [r] = await ds.query(foldRows(`SELECT CONCAT_WS('|', a, b, points) AS r FROM fold_rows ORDER BY a ${order}, b ${order} LIMIT 1000000`));
      return `${r.n}:${r.h}`;
    };
    const asc = await fold('ASC');
    expect(await fold('DESC')).toBe(asc);
    expect(asc).toMatch(/^20000:\d+\.\d+$/); // integers, not a rounded floating-point number
  });

  it('a ranking requested again after publication with unchanged inputs answers the published run, every time', async () => {
    const synthetic = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2026, bodies: 3000, questions: 6 });
    const rank = await admin(t.http().post(`${API}/periods/${synthetic.periodId}/rankings`)).expect(202);
    await eventually(async () => (await admin(t.http().get(`${API}/rankings/${rank.body.runId}`)).expect(200)).body.status === 'DONE', 60000);
    await admin(t.http().post(`${API}/periods/${synthetic.periodId}/publish`))
      .send({ runId: rank.body.runId })
      .expect(200);
    for (let i = 0; i < 5; i++) {
      // Fresh statistics each time, as the server's own sampling would give after publication's writes.
      await db.query('ANALYZE TABLE participations, aspect_subtotals');
      const again = await admin(t.http().post(`${API}/periods/${synthetic.periodId}/rankings`)).expect(202);
      expect(again.body).toMatchObject({ runId: rank.body.runId, reused: true, status: 'DONE' });
    }
    const [[{ runs }]] = (await db.query('SELECT COUNT(*) AS runs FROM ranking_runs WHERE period_id = ?', [synthetic.periodId])) as unknown as [{ runs: number }[]];
    expect(Number(runs)).toBe(1);
  });

  it('ranks a finalist with more panel sheets than fit in GROUP_CONCAT (1,024 bytes on MySQL, 1 MiB on MariaDB) on all of them', async () => {
    const synthetic = await buildSyntheticPeriod(db, { organizerId: t.defaultOrganizerId, year: 2027, bodies: 60, questions: 6 });
    const [[selection]] = (await db.query('SELECT participation_ids FROM finalist_selections WHERE period_id = ?', [synthetic.periodId])) as unknown as [
      { participation_ids: string }[],
    ];
    const finalist = String(JSON.parse(selection.participation_ids)[0]);
    // group_concat_max_len defaults to 1,024 bytes on MySQL and to 1 MiB on MariaDB: 120,000 sheets of
    // nine characters make a 1.2 MB list, longer than either.
    const totals = Array.from({ length: 120000 }, (_, i) => (50 + (i % 4000) * 0.012347).toFixed(6));
    await db.query('DELETE FROM presentation_sheets WHERE participation_id = ?', [finalist]);
    for (let i = 0; i < totals.length; i += 10000) {
      await db.query('INSERT INTO presentation_sheets (participation_id, panelist_id, criteria, total, version, updated_at) VALUES ?', [
        totals.slice(i, i + 10000).map((total, j) => [finalist, 100000 + i + j, '[]', total, 1, new Date()]),
      ]);
    }
    expect(totals.join(',').length).toBeGreaterThan(1024 * 1024);
    const rank = await admin(t.http().post(`${API}/periods/${synthetic.periodId}/rankings`)).expect(202);
    await eventually(async () => (await admin(t.http().get(`${API}/rankings/${rank.body.runId}`)).expect(200)).body.status === 'DONE', 60000);
    const [[row]] = (await db.query('SELECT presentation_exact FROM ranking_results WHERE run_id = ? AND participation_id = ?', [rank.body.runId, finalist])) as unknown as [
      { presentation_exact: string }[],
    ];
    expect(row.presentation_exact).toBe(mean(totals)!.toString());
  });
});
