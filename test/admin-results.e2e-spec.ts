import { API, Factory, publishedPeriod, rankAndWait, verifiedPeriod } from './factories';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

/** The admin console's read models from verification to the piagam: open objections, runs, tie-breaks, corrections, batches, revoked codes. */
describe("the secretariat's views of verification, ranking and certificates", () => {
  let t: TestApp;
  let f: Factory;
  const http = () => t.http();
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const waitBatch = (batchId: string) =>
    eventually(async () => {
      const b = await admin(http().get(`${API}/certificate-batches/${batchId}`)).expect(200);
      return b.body.status !== 'RUNNING' ? b.body : null;
    }, 60000);

  beforeAll(async () => {
    t = await createTestApp({ env: { CERT_RENDER_THREADS: '1' } });
    f = new Factory(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the open objections of a period with the body, the question and the deciding assessors', async () => {
    const { period, bodies, assessor } = await verifiedPeriod(t, f, { count: 2, year: 2061 });
    const filed = await http()
      .post(`${API}/participations/${bodies[0].participationId}/objections`)
      .set(bearer(bodies[0].token))
      .send({ questionCode: '2.1', reason: 'DIP kami mutakhir', url: 'https://ppid.example.go.id/dip-2026' })
      .expect(201);
    const open = await admin(http().get(`${API}/periods/${period.id}/objections?status=OPEN`)).expect(200);
    expect(open.body.items).toEqual([
      expect.objectContaining({
        id: filed.body.id,
        participationId: bodies[0].participationId,
        publicBody: { id: bodies[0].bodyId, name: bodies[0].name },
        categoryCode: 'OPD',
        questionCode: '2.1',
        status: 'OPEN',
        reason: 'DIP kami mutakhir',
        pointsBefore: '4.00',
        pointsAfter: null,
        assessors: [assessor.name],
        decidedAt: null,
      }),
    ]);
    await admin(http().put(`${API}/objections/${filed.body.id}`))
      .send({ decision: 'REJECTED', note: 'Bukti tidak menunjukkan pemutakhiran' })
      .expect(200);
    expect((await admin(http().get(`${API}/periods/${period.id}/objections?status=OPEN`)).expect(200)).body.items).toEqual([]);
    const all = await admin(http().get(`${API}/periods/${period.id}/objections`)).expect(200);
    expect(all.body.items).toEqual([expect.objectContaining({ id: filed.body.id, status: 'REJECTED', decisionNote: 'Bukti tidak menunjukkan pemutakhiran' })]);
    const bad = await admin(http().get(`${API}/periods/${period.id}/objections?status=MAYBE`)).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
    await http().get(`${API}/periods/${period.id}/objections`).set(bearer(bodies[0].token)).expect(403);
    await http().get(`${API}/periods/${period.id}/objections`).set(bearer(assessor.token)).expect(403);
  });

  it('names the tie-break that ordered bodies with the same final score', async () => {
    // Three OPD bodies, no finalist (threshold 100): b0 and b1 verified alike (equal to the last digit), b2 lower.
    const { period, bodies } = await verifiedPeriod(t, f, {
      count: 3,
      year: 2062,
      categories: ['OPD', 'OPD', 'OPD'],
      verified: [{ '2.1': 2 }, { '2.1': 2 }, { '2.1': 1 }],
      overrides: { finalistRule: { type: 'THRESHOLD', value: 100 } },
    });
    await admin(http().post(`${API}/periods/${period.id}/finalists`)).expect(200);
    // No finalist by the rule: the committee forces on, with a reason.
    await f.advance(period.id, 'PRESENTATION', { force: true, reason: 'Tidak ada finalis tahun ini' });
    await f.advance(period.id, 'FINALIZATION', { force: true, reason: 'Tidak ada presentasi' });
    const runId = await rankAndWait(t, f, period.id);
    const res = await admin(http().get(`${API}/rankings/${runId}/results`)).expect(200);
    const byId = new Map(res.body.items.map((r: { participationId: string }) => [r.participationId, r]));
    // Same SAQ (exactly), no presentation: the earlier submission goes first.
    expect(byId.get(bodies[0].participationId)).toMatchObject({ rankInCategory: 1, tieBreak: 'SUBMITTED_AT' });
    expect(byId.get(bodies[1].participationId)).toMatchObject({ rankInCategory: 2, tieBreak: 'SUBMITTED_AT' });
    expect(byId.get(bodies[2].participationId)).toMatchObject({ rankInCategory: 3, tieBreak: null });
    // A one-row page still reads its peers beyond the page.
    const second = await admin(http().get(`${API}/rankings/${runId}/results?page=2&pageSize=1`)).expect(200);
    expect(second.body.items).toEqual([expect.objectContaining({ participationId: bodies[1].participationId, tieBreak: 'SUBMITTED_AT' })]);
  });

  it('lists runs, compares a correction with the published run, tracks batches and lists the revoked certificates', async () => {
    const { period, bodies, runId } = await publishedPeriod(t, f, { year: 2063 });
    const runs = await admin(http().get(`${API}/periods/${period.id}/rankings`)).expect(200);
    expect(runs.body).toMatchObject({ publishedRunId: runId, items: [{ id: runId, periodId: period.id, status: 'DONE', progress: 100 }] });

    const issued = await admin(http().post(`${API}/periods/${period.id}/certificates`)).expect(202);
    await waitBatch(issued.body.batchId);
    const batches = await admin(http().get(`${API}/periods/${period.id}/certificate-batches`)).expect(200);
    expect(batches.body.items).toEqual([expect.objectContaining({ id: issued.body.batchId, status: 'DONE', total: 4, done: 4, failed: 0 })]);
    expect((await admin(http().get(`${API}/periods/${period.id}/certificates/revoked`)).expect(200)).body).toMatchObject({ items: [], total: 0 });

    // A correction: b2's 2.1 verified again at full points, ranked again.
    await admin(http().put(`${API}/participations/${bodies[2].participationId}/verifications/2.1`))
      .send({ points: 4, status: 'ADJUSTED', note: 'Koreksi: bukti DIP diterima' })
      .expect(200);
    const second = await rankAndWait(t, f, period.id);
    const diff = await admin(http().get(`${API}/rankings/${second}/compare?against=${runId}`)).expect(200);
    // 40 + 60 * 4 / 8.5 = 68.2352... -> 68.24, Cukup Informatif; its rank stays 3.
    expect(diff.body).toEqual({
      runId: second,
      againstRunId: runId,
      compared: 5,
      items: [
        {
          participationId: bodies[2].participationId,
          publicBody: bodies[2].name,
          categoryCode: 'OPD',
          before: { status: 'RANKED', finalScore: '40.00', qualification: 'KURANG_INFORMATIF', qualificationLabel: 'Kurang Informatif', rankInCategory: 3 },
          after: { status: 'RANKED', finalScore: '68.24', qualification: 'CUKUP_INFORMATIF', qualificationLabel: 'Cukup Informatif', rankInCategory: 3 },
          change: '+28.24',
        },
      ],
    });
    expect((await admin(http().get(`${API}/rankings/${runId}/compare?against=${second}`)).expect(200)).body.items[0].change).toBe('-28.24');
    await admin(http().get(`${API}/rankings/${second}/compare`)).expect(400);
    await admin(http().get(`${API}/rankings/${second}/compare?against=abc`)).expect(400);
    await admin(http().get(`${API}/rankings/${second}/compare?against=999999`)).expect(404);

    // Runs of another period are not comparable.
    const other = await publishedPeriod(t, f, { year: 2064 });
    const refused = await admin(http().get(`${API}/rankings/${second}/compare?against=${other.runId}`)).expect(422);
    expect(refused.body.code).toBe('RANKING_COMPARE_OTHER_PERIOD');

    const old = await admin(http().get(`${API}/participations/${bodies[2].participationId}/certificate/meta`)).expect(200);
    await admin(http().post(`${API}/periods/${period.id}/publish`))
      .send({ runId: second })
      .expect(200);
    const revoked = await admin(http().get(`${API}/periods/${period.id}/certificates/revoked?pageSize=10`)).expect(200);
    expect(revoked.body).toMatchObject({ total: 4, page: 1, pageSize: 10 });
    expect(revoked.body.items.map((c: { runId: string }) => c.runId)).toEqual([runId, runId, runId, runId]);
    expect(revoked.body.items.find((c: { code: string }) => c.code === old.body.code)).toMatchObject({
      participationId: bodies[2].participationId,
      publicBody: bodies[2].name,
      categoryCode: 'OPD',
      qualificationLabel: 'Kurang Informatif',
      finalScore: '40.00',
      revokedAt: expect.any(String),
    });
    const listed = await admin(http().get(`${API}/periods/${period.id}/rankings`)).expect(200);
    expect(listed.body.publishedRunId).toBe(second);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([second, runId]);
    await http().get(`${API}/periods/${period.id}/certificates/revoked`).set(bearer(bodies[0].token)).expect(403);
    await http().get(`${API}/periods/${period.id}/rankings`).set(bearer(bodies[0].token)).expect(403);
  });
});
