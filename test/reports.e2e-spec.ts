import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { Dec } from '../src/scoring/decimal';
import { API, Factory, fillSmallInstrument, nextYearPeriod, publishedPeriod, rankAndWait, saqPeriod, verifiedPeriod } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const binary = (req: import('supertest').Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  'Peringkat Kategori',
  'Peringkat Umum',
  'Badan Publik',
  'Kode Kategori',
  'Kategori',
  'Nilai SAQ',
  'Nilai Visitasi',
  'Nilai Presentasi',
  'Nilai Akhir',
  'Kualifikasi',
];
const SCORE_COLUMNS = [6, 7, 8, 9]; // 1-based: SAQ, visitation, presentation, final

interface ResultItem {
  participationId: string;
  publicBodyId: string;
  publicBody: string;
  categoryCode: string;
  categoryName: string;
  status: string;
  saqScore: string | null;
  visitationScore: string | null;
  presentationScore: string | null;
  finalScore: string | null;
  qualification: string;
  qualificationLabel: string;
  rankInCategory: number | null;
  rankOverall: number | null;
}

/** The export row a result should become (CSV: strings, '' for null). */
const csvOf = (r: ResultItem) => [
  r.rankInCategory === null ? '' : String(r.rankInCategory),
  r.rankOverall === null ? '' : String(r.rankOverall),
  r.publicBody,
  r.categoryCode,
  r.categoryName,
  r.saqScore ?? '',
  r.visitationScore ?? '',
  r.presentationScore ?? '',
  r.finalScore ?? '',
  r.qualificationLabel,
];

describe('reports: ranking exports and period statistics', () => {
  let t: TestApp;
  let f: Factory;
  const http = () => t.http();
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const results = async (runId: string): Promise<ResultItem[]> => (await admin(http().get(`${API}/rankings/${runId}/results?pageSize=500`)).expect(200)).body.items;
  const stats = async (periodId: string, query = '') => (await admin(http().get(`${API}/periods/${periodId}/stats${query}`)).expect(200)).body;

  // Year N-1: the factory's published period (OPD x3, BUMD x2, the last BUMD never submits).
  let prev: Awaited<ReturnType<typeof publishedPeriod>>;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    prev = await publishedPeriod(t, f, { year: 2044 });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('ranking.csv and ranking.xlsx', () => {
    it('exports the published run as CSV (BOM, Indonesian header, DB score strings), equal to the results', async () => {
      const items = await results(prev.runId);
      expect(items).toHaveLength(5);
      const res = await binary(admin(http().get(`${API}/periods/${prev.period.id}/reports/ranking.csv`))).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="peringkat-2044.csv"; filename*=UTF-8''peringkat-2044.csv`);
      const buf: Buffer = res.body;
      expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const records: string[][] = parse(buf, { bom: true });
      expect(records[0]).toEqual(HEADERS);
      expect(records.slice(1)).toEqual(items.map(csvOf));
      // The hand-checked figures of the factory period, in the run's order.
      expect(records.slice(1).map((r) => [r[0], r[1], r[8], r[9]])).toEqual([
        ['1', '1', '97.00', 'Informatif'],
        ['2', '2', '94.00', 'Informatif'],
        ['1', '3', '91.00', 'Informatif'],
        ['3', '4', '40.00', 'Kurang Informatif'],
        ['', '', '', 'Tidak Mengikuti Monev'],
      ]);
    });

    it('exports XLSX: summary sheet, one sheet per category, numeric scores with 0.00, frozen bold header', async () => {
      const items = await results(prev.runId);
      const res = await binary(admin(http().get(`${API}/periods/${prev.period.id}/reports/ranking.xlsx`))).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="peringkat-2044.xlsx"; filename*=UTF-8''peringkat-2044.xlsx`);
      const wb = new Workbook();
      await wb.xlsx.load(res.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'BUMD', 'OPD']);
      for (const ws of wb.worksheets) {
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      }

      for (const code of ['OPD', 'BUMD']) {
        const ws = wb.getWorksheet(code)!;
        expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
        expect(ws.getColumn(3).width).toBe(50);
        const expected = items.filter((i) => i.categoryCode === code);
        expect(ws.rowCount).toBe(expected.length + 1);
        expected.forEach((item, i) => {
          const row = ws.getRow(i + 2);
          const cells = HEADERS.map((_, c) => row.getCell(c + 1).value ?? null);
          expect(cells).toEqual([
            item.rankInCategory,
            item.rankOverall,
            item.publicBody,
            item.categoryCode,
            item.categoryName,
            ...[item.saqScore, item.visitationScore, item.presentationScore, item.finalScore].map((s) => (s === null ? null : Number(s))),
            item.qualificationLabel,
          ]);
          for (const c of SCORE_COLUMNS) {
            const cell = row.getCell(c);
            expect(cell.numFmt).toBe('0.00');
            if (cell.value !== null) {
              expect(typeof cell.value).toBe('number');
              // what Excel shows is exactly the DB's two-decimal string
              expect((cell.value as number).toFixed(2)).toBe([item.saqScore, item.visitationScore, item.presentationScore, item.finalScore][c - 6]);
            }
          }
        });
      }

      const summary = wb.getWorksheet('Ringkasan')!;
      const values = (r: number) => (summary.getRow(r).values as unknown[]).slice(1);
      expect(values(1)).toEqual([
        'Kode Kategori',
        'Kategori',
        'Informatif',
        'Menuju Informatif',
        'Cukup Informatif',
        'Kurang Informatif',
        'Tidak Informatif',
        'Tidak Mengikuti Monev',
        'Jumlah',
      ]);
      expect(values(2)).toEqual(['BUMD', 'Badan Usaha Milik Daerah', 1, 0, 0, 0, 0, 1, 2]);
      expect(values(3)).toEqual(['OPD', 'Organisasi Perangkat Daerah', 2, 0, 0, 1, 0, 0, 3]);
      expect(values(4)).toEqual(['Jumlah', '', 3, 0, 0, 1, 0, 1, 5]);
    });

    it('takes ?runId= of a DONE run of this period only', async () => {
      const url = (q: string) => `${API}/periods/${prev.period.id}/reports/ranking.csv${q}`;
      await binary(admin(http().get(url(`?runId=${prev.runId}`)))).expect(200);
      await admin(http().get(url('?runId=abc'))).expect(400);
      await admin(http().get(url('?runId=999999'))).expect(404);
      // A failed run of the period (written directly: the worker never leaves one behind on demand).
      const ds = t.get<DataSource>(DataSource);
      const r = await ds.query(
        `INSERT INTO ranking_runs (organizer_id, period_id, inputs_hash, status, job_id, error, created_by, created_at) VALUES (?, ?, ?, 'FAILED', 'x', 'boom', 1, NOW(3))`,
        [t.defaultOrganizerId, prev.period.id, 'f'.repeat(64)],
      );
      const failed = await admin(http().get(url(`?runId=${r.insertId}`))).expect(422);
      expect(failed.body.message).toMatch(/FAILED/);
      await admin(http().get(`${API}/periods/${prev.period.id}/stats?runId=${r.insertId}`)).expect(422);
    });
  });

  describe('statistics of the published period', () => {
    it('counts participation, qualifications and deciles from the published run; averages aspects', async () => {
      const s = await stats(prev.period.id);
      expect(s).toMatchObject({ periodId: prev.period.id, year: 2044, runId: prev.runId, runSource: 'published', previousPeriod: null, yearOverYear: [] });
      expect(s.participation).toEqual([
        { categoryCode: 'BUMD', categoryName: 'Badan Usaha Milik Daerah', enrolled: 2, started: 1, submitted: 1, notParticipating: 1 },
        { categoryCode: 'OPD', categoryName: 'Organisasi Perangkat Daerah', enrolled: 3, started: 3, submitted: 3, notParticipating: 0 },
      ]);
      expect(s.participationTotals).toEqual({ enrolled: 5, started: 4, submitted: 4, notParticipating: 1 });
      for (const p of [...s.participation, s.participationTotals]) expect(p.submitted + p.notParticipating).toBe(p.enrolled);
      // TOP_N 1 per category: the two OPD bodies tied at SAQ 100 and the BUMD one; four ranked.
      expect(s.funnel).toEqual({ invited: 5, started: 4, submitted: 4, verified: 4, finalist: 3, ranked: 4 });

      expect(s.qualifications).toEqual([
        {
          categoryCode: 'BUMD',
          categoryName: 'Badan Usaha Milik Daerah',
          total: 2,
          counts: { INFORMATIF: 1, MENUJU_INFORMATIF: 0, CUKUP_INFORMATIF: 0, KURANG_INFORMATIF: 0, TIDAK_INFORMATIF: 0, NOT_PARTICIPATING: 1 },
        },
        {
          categoryCode: 'OPD',
          categoryName: 'Organisasi Perangkat Daerah',
          total: 3,
          counts: { INFORMATIF: 2, MENUJU_INFORMATIF: 0, CUKUP_INFORMATIF: 0, KURANG_INFORMATIF: 1, TIDAK_INFORMATIF: 0, NOT_PARTICIPATING: 0 },
        },
      ]);
      expect(s.qualificationTotals.total).toBe(s.participationTotals.enrolled);

      // Finals 97, 94, 91 in [90,100]; 40 in [40,50).
      expect(s.distribution).toHaveLength(10);
      expect(s.distribution[9]).toEqual({ from: '90.00', to: '100.00', count: 3 });
      expect(s.distribution[4]).toEqual({ from: '40.00', to: '50.00', count: 1 });
      expect(s.distribution.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(4);

      // Verified: all full except the third OPD body with 2.1, 2.2, 2.3 at 0 (A2 0/8.5).
      // A1: 4 bodies at 5/5 -> 1.0000. A2: (1 + 1 + 0 + 9.5/9.5) / 4 = 0.7500. Weakest first.
      expect(s.aspects.map((a: { code: string; averageShare: string; bodies: number }) => [a.code, a.averageShare, a.bodies])).toEqual([
        ['A2', '0.7500', 4],
        ['A1', '1.0000', 4],
      ]);
    });
  });

  describe('per-aspect averages on a hand-built period, and no run yet', () => {
    let period: { id: string; year: number };

    beforeAll(async () => {
      // Maxima: A1 = 1.1 (2) + 1.2 (3) = 5; A2 = 2.1 (4) + 2.2 (2.5) + 2.3 (2) = 8.5 for OPD, + 2.4 (1) = 9.5 for BUMD.
      const built = await verifiedPeriod(t, f, {
        count: 4,
        year: 2046,
        categories: ['OPD', 'OPD', 'BUMD', 'BUMD'],
        absent: [3],
        verified: [
          { '1.1': 2, '1.2': 1.5, '2.1': 4, '2.2': 1, '2.3': 0 }, // A1 3.5/5 = 0.7, A2 5/8.5
          { '1.1': 0, '1.2': 3, '2.1': 2, '2.2': 2.5, '2.3': 2 }, // A1 3/5 = 0.6, A2 6.5/8.5
          { '1.1': 2, '1.2': 3, '2.1': 0, '2.2': 0, '2.3': 0, '2.4': 1 }, // A1 5/5 = 1, A2 1/9.5
        ],
      });
      period = built.period;
    });

    it('computes the mean share per aspect exactly, weakest first', async () => {
      const s = await stats(period.id);
      // A1: (0.7 + 0.6 + 1) / 3 = 2.3 / 3 = 0.76666... -> 0.7667
      // A2: (5/8.5 + 6.5/8.5 + 1/9.5) / 3 = (23/17 + 2/19) / 3 = (471/323) / 3 = 157/323 = 0.486068... -> 0.4861
      expect(s.aspects).toEqual([
        {
          code: 'A2',
          title: 'Pelayanan informasi',
          averageShare: '0.4861',
          averageShareExact: expect.stringMatching(/^0\.4860681114551083591331269349845201238390092879/),
          bodies: 3,
          byCategory: [
            { categoryCode: 'BUMD', bodies: 1, maxPoints: '9.50', averageShare: '0.1053' }, // 1/9.5 = 0.105263...
            { categoryCode: 'OPD', bodies: 2, maxPoints: '8.50', averageShare: '0.6765' }, // 11.5/8.5/2 = 23/34 = 0.676470...
          ],
        },
        {
          code: 'A1',
          title: 'Sarana dan prasarana layanan',
          averageShare: '0.7667',
          averageShareExact: expect.stringMatching(/^0\.76666666666666666666666666666666666666666666666/),
          bodies: 3,
          byCategory: [
            { categoryCode: 'BUMD', bodies: 1, maxPoints: '5.00', averageShare: '1.0000' },
            { categoryCode: 'OPD', bodies: 2, maxPoints: '5.00', averageShare: '0.6500' },
          ],
        },
      ]);
      expect(new Dec(s.aspects[0].averageShareExact).minus(new Dec(157).div(323)).abs().lt('1e-40')).toBe(true);
    });

    it('reports participation without a run, and refuses the exports with 422', async () => {
      const s = await stats(period.id);
      expect(s).toMatchObject({ runId: null, runSource: null, qualifications: [], qualificationTotals: { total: 0 }, yearOverYear: [], previousPeriod: null });
      expect(s.distribution.every((b: { count: number }) => b.count === 0)).toBe(true);
      expect(s.participationTotals).toEqual({ enrolled: 4, started: 3, submitted: 3, notParticipating: 1 });
      for (const ext of ['csv', 'xlsx']) {
        const res = await admin(http().get(`${API}/periods/${period.id}/reports/ranking.${ext}`)).expect(422);
        expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', message: expect.stringMatching(/no ranking run yet/i) });
      }
    });
  });

  describe('participation during SAQ', () => {
    it('tells started (an answer saved) from submitted and counts the rest as not participating', async () => {
      const { period, bodies } = await saqPeriod(t, f, { count: 3, year: 2047 }); // OPD, BUMD, OPD
      await http().put(`${API}/participations/${bodies[0].participationId}/answers/2.2`).set(bearer(bodies[0].token)).send({ value: 3 }).expect(200);
      await fillSmallInstrument(t, bodies[1]);
      await http().post(`${API}/participations/${bodies[1].participationId}/submit`).set(bearer(bodies[1].token)).expect(200);
      const s = await stats(period.id);
      expect(s.participation).toEqual([
        { categoryCode: 'BUMD', categoryName: 'Badan Usaha Milik Daerah', enrolled: 1, started: 1, submitted: 1, notParticipating: 0 },
        { categoryCode: 'OPD', categoryName: 'Organisasi Perangkat Daerah', enrolled: 2, started: 1, submitted: 0, notParticipating: 2 },
      ]);
      expect(s.participationTotals).toEqual({ enrolled: 3, started: 2, submitted: 1, notParticipating: 2 });
      // Nobody verified yet: no aspect has bodies.
      expect(s.aspects.map((a: { code: string; averageShare: string | null; bodies: number }) => [a.code, a.averageShare, a.bodies])).toEqual([
        ['A1', null, 0],
        ['A2', null, 0],
      ]);
    });
  });

  describe('year over year', () => {
    let cur: { id: string; year: number };
    let curRun: string;

    beforeAll(async () => {
      // Year N, over the same five bodies (the last one again absent):
      //   b0 OPD full: SAQ 100, finalist, presentation 85 -> 70 + 25.5 = 95.50
      //   b1 OPD 2.1 = 2: SAQ 40 + 60 * 6.5/8.5 = 85.882352... -> 85.88 (Menuju Informatif)
      //   b2 OPD 2.3 = 1: SAQ 40 + 60 * 7.5/8.5 = 92.941176... -> 92.94
      //   b3 BUMD 1.2 = 1.5: SAQ 40 * 3.5/5 + 60 = 88, finalist, presentation 95 -> 61.6 + 28.5 = 90.10
      const built = await nextYearPeriod(t, f, 2045, prev.bodies, {
        verified: [{}, { '2.1': 2 }, { '2.3': 1 }, { '1.2': 1.5 }],
        absent: [4],
        presentation: { 0: 85, 3: 95 },
      });
      cur = built.period;
      curRun = await rankAndWait(t, f, cur.id);
    });

    it('compares with the published run of year N-1 for the bodies ranked in both, with exact changes', async () => {
      // Not published yet: the latest DONE run is used.
      const s = await stats(cur.id);
      expect(s).toMatchObject({ runId: curRun, runSource: 'latest', previousPeriod: { periodId: prev.period.id, year: 2044, runId: prev.runId } });
      const b = prev.bodies;
      // Year N-1: b0 94.00, b1 97.00, b2 40.00 (Kurang Informatif), b3 91.00; b4 never participated (left out).
      expect(s.yearOverYear).toEqual([
        {
          publicBodyId: b[0].bodyId,
          publicBody: b[0].name,
          categoryCode: 'OPD',
          previousFinalScore: '94.00',
          finalScore: '95.50',
          change: '+1.50',
          previousQualification: 'INFORMATIF',
          previousQualificationLabel: 'Informatif',
          qualification: 'INFORMATIF',
          qualificationLabel: 'Informatif',
        },
        {
          publicBodyId: b[2].bodyId,
          publicBody: b[2].name,
          categoryCode: 'OPD',
          previousFinalScore: '40.00',
          finalScore: '92.94',
          change: '+52.94',
          previousQualification: 'KURANG_INFORMATIF',
          previousQualificationLabel: 'Kurang Informatif',
          qualification: 'INFORMATIF',
          qualificationLabel: 'Informatif',
        },
        {
          publicBodyId: b[3].bodyId,
          publicBody: b[3].name,
          categoryCode: 'BUMD',
          previousFinalScore: '91.00',
          finalScore: '90.10',
          change: '-0.90',
          previousQualification: 'INFORMATIF',
          previousQualificationLabel: 'Informatif',
          qualification: 'INFORMATIF',
          qualificationLabel: 'Informatif',
        },
        {
          publicBodyId: b[1].bodyId,
          publicBody: b[1].name,
          categoryCode: 'OPD',
          previousFinalScore: '97.00',
          finalScore: '85.88',
          change: '-11.12',
          previousQualification: 'INFORMATIF',
          previousQualificationLabel: 'Informatif',
          qualification: 'MENUJU_INFORMATIF',
          qualificationLabel: 'Menuju Informatif',
        },
      ]);

      // The same figures from the two runs' results, subtracted exactly.
      const before = new Map((await results(prev.runId)).map((r) => [r.publicBodyId, r]));
      const now = (await results(curRun)).filter((r) => r.status === 'RANKED' && before.get(r.publicBodyId)?.status === 'RANKED');
      expect(s.yearOverYear.map((y: { publicBodyId: string; change: string }) => [y.publicBodyId, y.change])).toEqual(
        now.map((r) => {
          const d = new Dec(r.finalScore!).minus(before.get(r.publicBodyId)!.finalScore!);
          return [r.publicBodyId, `${d.gt(0) ? '+' : ''}${d.toFixed(2)}`];
        }),
      );

      // The exports fall back to the same latest run.
      const csv: string[][] = parse((await binary(admin(http().get(`${API}/periods/${cur.id}/reports/ranking.csv`))).expect(200)).body, { bom: true });
      expect(csv.slice(1)).toEqual((await results(curRun)).map(csvOf));
    });

    it('compares with the previous year per category (ranked, mean final score, qualifications) and per body', async () => {
      const c = (await admin(http().get(`${API}/periods/${cur.id}/reports/previous-year`)).expect(200)).body;
      expect(c).toMatchObject({ periodId: cur.id, year: 2045, runId: curRun, runSource: 'latest', previousPeriod: { periodId: prev.period.id, year: 2044, runId: prev.runId } });
      const zero = { INFORMATIF: 0, MENUJU_INFORMATIF: 0, CUKUP_INFORMATIF: 0, KURANG_INFORMATIF: 0, TIDAK_INFORMATIF: 0, NOT_PARTICIPATING: 0 };
      // BUMD: 91.00 -> 90.10. OPD: (94 + 97 + 40) / 3 = 77.00 -> (95.50 + 85.88 + 92.94) / 3 = 91.44.
      expect(c.categories).toEqual([
        {
          categoryCode: 'BUMD',
          categoryName: 'Badan Usaha Milik Daerah',
          previousRanked: 1,
          ranked: 1,
          previousAverage: '91.00',
          average: '90.10',
          change: '-0.90',
          previousCounts: { ...zero, INFORMATIF: 1, NOT_PARTICIPATING: 1 },
          counts: { ...zero, INFORMATIF: 1, NOT_PARTICIPATING: 1 },
        },
        {
          categoryCode: 'OPD',
          categoryName: 'Organisasi Perangkat Daerah',
          previousRanked: 3,
          ranked: 3,
          previousAverage: '77.00',
          average: '91.44',
          change: '+14.44',
          previousCounts: { ...zero, INFORMATIF: 2, KURANG_INFORMATIF: 1 },
          counts: { ...zero, INFORMATIF: 2, MENUJU_INFORMATIF: 1 },
        },
      ]);
      expect(c.bodies).toEqual((await stats(cur.id)).yearOverYear);
      expect(c.bodies.map((b: { change: string }) => b.change)).toEqual(['+1.50', '+52.94', '-0.90', '-11.12']);
      // The first year has nothing before it.
      expect((await admin(http().get(`${API}/periods/${prev.period.id}/reports/previous-year`)).expect(200)).body).toMatchObject({
        previousPeriod: null,
        categories: [],
        bodies: [],
      });
      await admin(http().get(`${API}/periods/${cur.id}/reports/previous-year?runId=x`)).expect(400);
    });

    it('uses the published run once there is one; a run of another period is 404', async () => {
      await admin(http().post(`${API}/periods/${cur.id}/publish`))
        .send({ runId: curRun })
        .expect(200);
      const s = await stats(cur.id);
      expect(s).toMatchObject({ runId: curRun, runSource: 'published' });
      expect(s.yearOverYear).toHaveLength(4);
      await admin(http().get(`${API}/periods/${cur.id}/stats?runId=${prev.runId}`)).expect(404);
      await admin(http().get(`${API}/periods/${cur.id}/reports/ranking.xlsx?runId=${prev.runId}`)).expect(404);
      // The previous year itself has no year before it.
      expect((await stats(prev.period.id)).yearOverYear).toEqual([]);
    });
  });

  describe('access', () => {
    it("is for admins (403 otherwise) of the period's organizer (404 for another organizer)", async () => {
      const paths = ['reports/ranking.csv', 'reports/ranking.xlsx', 'stats', 'reports/previous-year'].map((p) => `${API}/periods/${prev.period.id}/${p}`);
      const assessor = await f.user('assessor');
      for (const token of [prev.bodies[0].token, assessor.token]) {
        for (const p of paths) await http().get(p).set(bearer(token)).expect(403);
      }
      for (const p of paths) await http().get(p).expect(401);

      const org = await admin(http().post(`${API}/organizers`))
        .send({ slug: 'ki-lain', name: 'Komisi Informasi Provinsi Lain', level: 'PROVINSI' })
        .expect(201);
      await admin(http().post(`${API}/users`))
        .send({ email: 'admin@ki-lain.test', name: 'Admin Lain', role: 'admin', password: 'lain-admin-pass-1', organizerId: org.body.id })
        .expect(201);
      const other = await t.login('admin@ki-lain.test', 'lain-admin-pass-1');
      for (const p of paths) {
        const res = await http().get(p).set(bearer(other)).expect(404);
        expect(res.body.message).toMatch(/Period/);
      }
      await http().get(`${API}/periods/999999/stats`).set(bearer(t.adminToken)).expect(404);
    });
  });
});
