import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { API, Factory, pdf, saqPeriod, SaqBody } from './factories';
import { pdfkitDocument } from './support/pdf';
import { bearer, createTestApp, TestApp } from './support/test-app';

const MiB = 1024 * 1024;

/** Every 400 detail's field, for asserting that each bad field is named. */
const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

/** The file name a Content-Disposition header carries in its RFC 5987 `filename*` parameter. */
function extendedFileName(header: string | undefined): string | null {
  const m = /filename\*=UTF-8''([^;\s]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]) : null;
}

describe('Input hardening (issue 15): body limits, nested validation, real PDFs, UTF-8 file names', () => {
  let t: TestApp;
  let f: Factory;
  let body: SaqBody;
  let saqPeriodId: string;
  let draftPeriodId: string;
  const upload = (buf: Buffer, name = 'bukti.pdf') => t.http().post(`${API}/participations/${body.participationId}/evidence`).set(bearer(body.token)).attach('file', buf, name);

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    const built = await saqPeriod(t, f, { count: 1, year: 2031 });
    saqPeriodId = built.period.id;
    body = built.bodies[0];
    draftPeriodId = (await f.period({ year: 2032 })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('oversized bodies answer 413 naming the limit, never 500', () => {
    it('a JSON body over 1 MB to the anonymous login', async () => {
      const res = await t
        .http()
        .post(`${API}/auth/login`)
        .send({ email: 'a@test.local', password: 'x'.repeat(MiB + 16) })
        .expect(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(res.body.message).toMatch(/larger than 1 MB/);
    });

    it('a CSV over 10 MB to the import, as a text/csv body and as a multipart file', async () => {
      const csv = `name,categoryCode,region,website,email\n${'Badan Publik,OPD,,,\n'.repeat(Math.ceil((10 * MiB) / 20) + 10)}`;
      const asText = await t.http().post(`${API}/public-bodies/import`).set(bearer(t.adminToken)).set('Content-Type', 'text/csv').send(csv).expect(413);
      expect(asText.body.message).toMatch(/larger than 10 MB/);
      const asFile = await t.http().post(`${API}/public-bodies/import`).set(bearer(t.adminToken)).attach('file', Buffer.from(csv), 'bodies.csv').expect(413);
      expect(asFile.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(asFile.body.message).toMatch(/10 MB/);
    });

    it('an evidence file over EVIDENCE_MAX_BYTES keeps its 422 (api.md)', async () => {
      const res = await upload(pdf('besar', 2 * MiB + 1)).expect(422);
      expect(res.body.message).toMatch(/larger than the evidence limit/);
    });
  });

  describe('malformed nested input and impossible dates answer 400 naming the field', () => {
    const post = (b: object) => t.http().post(`${API}/periods`).set(bearer(t.adminToken)).send(b);
    const patch = (b: object) => t.http().patch(`${API}/periods/${draftPeriodId}`).set(bearer(t.adminToken)).send(b);
    const instrument = (b: object) => t.http().put(`${API}/periods/${draftPeriodId}/instrument`).set(bearer(t.adminToken)).send(b);
    const question = { code: '1.1', text: 'Ada meja layanan?', type: 'YES_NO', maxPoints: 2, evidence: 'NONE' };
    const aspect = { code: 'A1', title: 'Sarana', weight: 100, questions: [question] };

    it.each<[string, () => ReturnType<typeof post>, string]>([
      ['POST /periods without weights', () => post(omit(f.periodBody({ year: 2040 }), 'weights')), 'weights'],
      ['POST /periods with weights: []', () => post(f.periodBody({ year: 2041, weights: [] })), 'weights'],
      ['POST /periods with weights as a string', () => post(f.periodBody({ year: 2042, weights: '100' })), 'weights'],
      ['POST /periods without finalistRule', () => post(omit(f.periodBody({ year: 2043 }), 'finalistRule')), 'finalistRule'],
      ['POST /periods without schedule', () => post(omit(f.periodBody({ year: 2044 }), 'schedule')), 'schedule'],
      ['POST /periods with schedule.SAQ: []', () => post(f.periodBody({ year: 2045, schedule: { ...f.periodBody().schedule, SAQ: [] } })), 'schedule.SAQ'],
      ['POST /periods with bands: [[]]', () => post(f.periodBody({ year: 2046, bands: [[]] })), 'bands'],
      ['POST /periods with presentationRubric: [[]]', () => post(f.periodBody({ year: 2047, presentationRubric: [[]] })), 'presentationRubric'],
      [
        'POST /periods with month 13 in a window',
        () => post(f.periodBody({ year: 2048, schedule: { ...f.periodBody().schedule, SAQ: { opensAt: '2026-13-45T99:99:99Z', closesAt: '2026-12-01T00:00:00Z' } } })),
        'schedule.SAQ.opensAt',
      ],
      [
        'POST /periods with 30 February in a window',
        () => post(f.periodBody({ year: 2049, schedule: { ...f.periodBody().schedule, SAQ: { opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-30T00:00:00+07:00' } } })),
        'schedule.SAQ.closesAt',
      ],
      ['PATCH /periods/:id with weights: []', () => patch({ weights: [] }), 'weights'],
      ['PATCH /periods/:id with finalistRule: []', () => patch({ finalistRule: [] }), 'finalistRule'],
      ['PATCH /periods/:id with certificate: []', () => patch({ certificate: [] }), 'certificate'],
      [
        'PATCH /periods/:id with an impossible window date',
        () => patch({ schedule: { SAQ: { opensAt: '2026-02-29T00:00:00Z', closesAt: '2026-03-10T00:00:00Z' } } }),
        'schedule.SAQ.opensAt',
      ],
      ['PUT /periods/:id/instrument with aspects: [[]]', () => instrument({ aspects: [[]] }), 'aspects'],
      ['PUT /periods/:id/instrument with aspects: [null]', () => instrument({ aspects: [null] }), 'aspects'],
      ['PUT /periods/:id/instrument with questions: [[]]', () => instrument({ aspects: [{ ...aspect, questions: [[]] }] }), 'aspects[0].questions'],
      [
        'PUT /periods/:id/instrument with options: [[]]',
        () => instrument({ aspects: [{ ...aspect, questions: [{ ...question, type: 'CHOICE', options: [[]] }] }] }),
        'aspects[0].questions[0].options',
      ],
      [
        'PUT /periods/:id/instrument with thresholds: [[]]',
        () => instrument({ aspects: [{ ...aspect, questions: [{ ...question, type: 'NUMBER', thresholds: [[]] }] }] }),
        'aspects[0].questions[0].thresholds',
      ],
      [
        'PUT /participations/:id/deadline with month 13',
        () => t.http().put(`${API}/participations/${body.participationId}/deadline`).set(bearer(t.adminToken)).send({ closesAt: '2026-13-45T99:99:99Z', reason: 'x' }),
        'closesAt',
      ],
      [
        'PUT /participations/:id/deadline with 31 April',
        () => t.http().put(`${API}/participations/${body.participationId}/deadline`).set(bearer(t.adminToken)).send({ closesAt: '2031-04-31T10:00:00+07:00', reason: 'x' }),
        'closesAt',
      ],
    ])('%s', async (_, send, field) => {
      const res = await send();
      expect({ status: res.status, fields: fields(res.body) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
      expect(res.body.details.find((d: { field: string }) => d.field === field).message).toEqual(expect.any(String));
    });

    it('presentation scores with criteria: [[]] (a panelist route)', async () => {
      const panelist = await f.user('panelist');
      const res = await t
        .http()
        .put(`${API}/participations/${body.participationId}/presentation-scores`)
        .set(bearer(panelist.token))
        .send({ criteria: [[]] });
      expect({ status: res.status, fields: fields(res.body) }).toEqual({ status: 400, fields: expect.arrayContaining(['criteria']) });
    });

    it('still accepts a valid deadline and a valid settings change afterwards', async () => {
      const p = await t.http().get(`${API}/periods/${saqPeriodId}`).set(bearer(t.adminToken)).expect(200);
      const later = new Date(Date.parse(p.body.schedule.SAQ.closesAt) + 86400000).toISOString();
      const res = await t
        .http()
        .put(`${API}/participations/${body.participationId}/deadline`)
        .set(bearer(t.adminToken))
        .send({ closesAt: later, reason: 'Perpanjangan' })
        .expect(200);
      expect(res.body.deadline).toBe(later);
      await t
        .http()
        .patch(`${API}/periods/${draftPeriodId}`)
        .set(bearer(t.adminToken))
        .send({ weights: { saq: 60, presentation: 40 } })
        .expect(200);
    });
  });

  describe('evidence must be a readable PDF', () => {
    it('refuses %PDF- alone and %PDF- followed by random bytes with 422, and stores nothing', async () => {
      for (const garbage of [Buffer.from('%PDF-'), Buffer.concat([Buffer.from('%PDF-'), randomBytes(4000)])]) {
        const res = await upload(garbage, 'palsu.pdf').expect(422);
        expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', message: 'The file is not a readable PDF' });
      }
      const stored = await t.get<DataSource>(DataSource).query('SELECT COUNT(*) AS n FROM evidence WHERE file_name = ?', ['palsu.pdf']);
      expect(Number(stored[0].n)).toBe(0);
    });

    it('refuses a PDF that needs a password to open with 422', async () => {
      const locked = pdfkitDocument({ pages: 2, userPassword: 'rahasia' });
      const res = await upload(locked, 'terkunci.pdf').expect(422);
      expect(res.body.message).toBe('The PDF is password-protected');
    });

    it('accepts a real PDF of several pages made by pdfkit', async () => {
      const real = pdfkitDocument({ pages: 3 });
      const res = await upload(real, 'sk-ppid.pdf').expect(201);
      expect(res.body).toMatchObject({ fileName: 'sk-ppid.pdf', size: real.length });
    });
  });

  describe('non-ASCII file names', () => {
    it('keeps `laporan akhir 🙂 ñ.pdf` intact in the response, the stored row and the download header', async () => {
      const name = 'laporan akhir 🙂 ñ.pdf';
      const up = await upload(pdf('laporan'), name).expect(201);
      expect(up.body.fileName).toBe(name);
      const [row] = await t.get<DataSource>(DataSource).query('SELECT file_name FROM evidence WHERE id = ?', [up.body.id]);
      expect(row.file_name).toBe(name);
      const audit = await t.http().get(`${API}/audit?entityType=evidence&entityId=${up.body.id}`).set(bearer(t.adminToken)).expect(200);
      expect(audit.body.items[0].after.fileName).toBe(name);
      const dl = await t.http().get(`${API}/evidence/${up.body.id}`).set(bearer(body.token)).expect(200);
      const header = dl.headers['content-disposition'];
      expect(extendedFileName(header)).toBe(name);
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(header).not.toMatch(/[^\x20-\x7e]/);
    });
  });
});

function omit<T extends Record<string, unknown>>(o: T, key: keyof T): Partial<T> {
  const copy = { ...o };
  delete copy[key];
  return copy;
}
