import { parse } from 'csv-parse/sync';
import { API, Factory, publishedPeriod, saqPeriod } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const binary = (req: import('supertest').Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** What the public portal reads besides the ranking: published years, the ranking as CSV, the certificate's zone, the portal itself at /. */
describe('public portal endpoints', () => {
  let t: TestApp;
  let published: Awaited<ReturnType<typeof publishedPeriod>>;
  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    published = await publishedPeriod(t, f, { year: 2026 });
    await saqPeriod(t, f, { count: 1, year: 2027 }); // not published: never listed
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists an organizer’s published years with their name, zone and publication instant, newest first, cached', async () => {
    const res = await http().get(`${API}/public/organizers/ki-test/periods`).expect(200);
    const ranking = (await http().get(`${API}/public/periods/2026/ranking?organizer=ki-test`).expect(200)).body;
    expect(res.body).toEqual({
      organizer: { slug: 'ki-test', name: 'Komisi Informasi Provinsi Uji' },
      items: [{ year: 2026, name: 'Monev Keterbukaan Informasi Publik', timezone: 'Asia/Jakarta', publishedAt: ranking.publishedAt }],
    });
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    await http().get(`${API}/public/organizers/ki-test/periods`).set('If-None-Match', res.headers.etag).expect(304);
  });

  it('answers 404 for an unknown organizer', async () => {
    const res = await http().get(`${API}/public/organizers/tidak-ada/periods`).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('serves the published ranking as CSV: the organizers’ export columns, rows in the public ranking’s order', async () => {
    const res = await binary(http().get(`${API}/public/periods/2026/ranking.csv?organizer=ki-test`)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="peringkat-ki-test-2026.csv"');
    const records: string[][] = parse(res.body, { bom: true });
    expect(records[0]).toEqual([
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
    ]);
    const items = (await http().get(`${API}/public/periods/2026/ranking?organizer=ki-test`).expect(200)).body.items;
    expect(records.slice(1).map((r) => [r[2], r[8], r[9]])).toEqual(
      items.map((i: { publicBody: string; finalScore: string | null; qualificationLabel: string }) => [i.publicBody, i.finalScore ?? '', i.qualificationLabel]),
    );
    expect(records).toHaveLength(1 + published.bodies.length);
  });

  it('answers the CSV of an unpublished year or unknown organizer with the JSON 404, and a bad year with 400', async () => {
    expect((await http().get(`${API}/public/periods/2027/ranking.csv?organizer=ki-test`).expect(404)).body).toMatchObject({
      statusCode: 404,
      message: 'Published ranking for 2027 not found',
    });
    await http().get(`${API}/public/periods/2026/ranking.csv?organizer=tidak-ada`).expect(404);
    expect((await http().get(`${API}/public/periods/dua-ribu/ranking.csv`).expect(400)).body).toMatchObject({ statusCode: 400 });
  });

  it('gives a certificate’s period zone in its public verification', async () => {
    const issue = await http().post(`${API}/periods/${published.period.id}/certificates`).set(bearer(t.adminToken)).expect(202);
    for (const until = Date.now() + 60000; ;) {
      const b = await http().get(`${API}/certificate-batches/${issue.body.batchId}`).set(bearer(t.adminToken)).expect(200);
      if (b.body.status !== 'RUNNING') break;
      if (Date.now() > until) throw new Error('certificates not issued in time');
      await new Promise((r) => setTimeout(r, 100));
    }
    const meta = await http().get(`${API}/participations/${published.bodies[0].participationId}/certificate/meta`).set(bearer(t.adminToken)).expect(200);
    const v = await http().get(`${API}/public/certificates/${meta.body.code}`).expect(200);
    expect(v.body).toMatchObject({ valid: true, timezone: 'Asia/Jakarta', year: 2026 });
  });

  it('keeps /api paths for the API: an unknown one is the JSON 404, while other paths get the portal (or the build hint)', async () => {
    const api = await http().get('/api/v1/tidak-ada').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const page = await http().get('/peringkat/ki-test/2026');
    expect([200, 503]).toContain(page.status);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toMatch(page.status === 200 ? /<div id="root">/ : /npm run build/);
  });
});
