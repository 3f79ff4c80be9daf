import { API, Factory, publishedPeriod, rankAndWait, SaqBody } from './factories';
import { decodeQrFromPdf, pdfText } from './support/pdf';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

const binary = (req: import('supertest').Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('certificates (piagam): bulk generation, verification, revocation', () => {
  let t: TestApp;
  let f: Factory;
  let period: { id: string; year: number };
  let bodies: SaqBody[];
  let runId: string;
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const waitBatch = (batchId: string) =>
    eventually(async () => {
      const b = await admin(t.http().get(`${API}/certificate-batches/${batchId}`)).expect(200);
      return b.body.status !== 'RUNNING' ? b.body : null;
    }, 60000);

  beforeAll(async () => {
    t = await createTestApp({ env: { CERT_RENDER_THREADS: '2' } });
    f = new Factory(t);
    const built = await publishedPeriod(t, f, { year: 2026 });
    period = built.period;
    bodies = built.bodies;
    runId = built.runId;
    await admin(t.http().patch(`${API}/periods/${period.id}`))
      .send({ certificate: { signatoryName: 'Dr. Rahmat Hidayat', signatoryTitle: 'Ketua Komisi Informasi', place: 'Palangka Raya' } })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('issues one certificate per ranked body and none for non-participants, with one call', async () => {
    const res = await admin(t.http().post(`${API}/periods/${period.id}/certificates`)).expect(202);
    expect(res.body.total).toBe(4);
    const batch = await waitBatch(res.body.batchId);
    expect(batch).toMatchObject({ status: 'DONE', total: 4, done: 4, failed: 0, failures: [] });
    await admin(t.http().get(`${API}/participations/${bodies[4].participationId}/certificate/meta`)).expect(404);
  });

  it('renders a correct PDF: name, qualification, code in the text and a QR code to the verification URL', async () => {
    const b = bodies[1]; // rank 1 of OPD, Informatif
    const meta = await t.http().get(`${API}/participations/${b.participationId}/certificate/meta`).set(bearer(b.token)).expect(200);
    expect(meta.body).toMatchObject({ revoked: false, runId, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(meta.body.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const pdf = (await binary(t.http().get(`${API}/participations/${b.participationId}/certificate`).set(bearer(b.token))).expect(200)).body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(pages).toBe(1);
    expect(flat).toContain(b.name);
    expect(flat).toContain('INFORMATIF');
    expect(flat).toContain(meta.body.code);
    expect(flat).toContain('97,00');
    expect(flat).toMatch(/Peringkat 1/);
    expect(flat).toContain('Dr. Rahmat Hidayat');
    expect(decodeQrFromPdf(pdf)).toBe(`http://monev.test/verify/${meta.body.code}`);
    const { createHash } = await import('crypto');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(meta.body.sha256);
  });

  it('keeps a PPID to its own certificate', async () => {
    await t.http().get(`${API}/participations/${bodies[0].participationId}/certificate`).set(bearer(bodies[1].token)).expect(404);
    await t.http().get(`${API}/participations/${bodies[0].participationId}/certificate/meta`).set(bearer(bodies[1].token)).expect(404);
    await admin(t.http().get(`${API}/participations/${bodies[0].participationId}/certificate/meta`)).expect(200);
  });

  it('verifies codes publicly: valid, unknown (404)', async () => {
    const meta = await admin(t.http().get(`${API}/participations/${bodies[3].participationId}/certificate/meta`)).expect(200);
    const v = await t.http().get(`${API}/public/certificates/${meta.body.code}`).expect(200);
    expect(v.body).toMatchObject({ valid: true, revoked: false, publicBody: bodies[3].name, categoryCode: 'BUMD', year: 2026, qualification: 'INFORMATIF', finalScore: '91.00' });
    await t.http().get(`${API}/public/certificates/AAAAAAAAAAAAAAAAAAAAAA`).expect(404);
    await t.http().get(`${API}/public/certificates/not%20a%20code`).expect(404);
  });

  it('creates no duplicates when the batch is run again', async () => {
    const again = await admin(t.http().post(`${API}/periods/${period.id}/certificates`)).expect(202);
    expect(again.body.total).toBe(0);
    const batch = await waitBatch(again.body.batchId);
    expect(batch).toMatchObject({ status: 'DONE', total: 0 });
    const meta = await admin(t.http().get(`${API}/participations/${bodies[0].participationId}/certificate/meta`)).expect(200);
    expect(meta.body.runId).toBe(runId);
  });

  it('revokes the old codes when another run is published, and a new batch issues new ones', async () => {
    const old = await admin(t.http().get(`${API}/participations/${bodies[2].participationId}/certificate/meta`)).expect(200);
    await admin(t.http().put(`${API}/participations/${bodies[2].participationId}/verifications/2.2`))
      .send({ points: 2.5, status: 'ADJUSTED', note: 'Koreksi setelah pengumuman' })
      .expect(200);
    const second = await rankAndWait(t, f, period.id);
    await admin(t.http().post(`${API}/periods/${period.id}/publish`))
      .send({ runId: second })
      .expect(200);
    const revoked = await t.http().get(`${API}/public/certificates/${old.body.code}`).expect(200);
    expect(revoked.body).toMatchObject({ valid: false, revoked: true });
    const res = await admin(t.http().post(`${API}/periods/${period.id}/certificates`)).expect(202);
    expect(res.body.total).toBe(4);
    await waitBatch(res.body.batchId);
    const fresh = await admin(t.http().get(`${API}/participations/${bodies[2].participationId}/certificate/meta`)).expect(200);
    expect(fresh.body).toMatchObject({ runId: second, revoked: false });
    expect(fresh.body.code).not.toBe(old.body.code);
    const v = await t.http().get(`${API}/public/certificates/${fresh.body.code}`).expect(200);
    // 40 + 60 * 2.5 / 8.5 = 57.647... -> 57.65, Kurang Informatif
    expect(v.body).toMatchObject({ valid: true, finalScore: '57.65', qualification: 'KURANG_INFORMATIF' });
  });
});
