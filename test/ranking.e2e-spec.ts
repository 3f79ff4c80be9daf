import { assembleRanking } from '../src/rankings/assemble';
import { DEFAULT_BANDS } from '../src/scoring/bands';
import { Dec, format2 } from '../src/scoring/decimal';
import { API, Factory, SaqBody, verifiedPeriod } from './factories';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

const ZERO_A2 = { '2.1': 0, '2.2': 0, '2.3': 0 };

describe('ranking as a queued job, publication and the public ranking', () => {
  let t: TestApp;
  let f: Factory;
  let period: { id: string; year: number };
  let bodies: SaqBody[];
  let firstRun: string;
  const http = () => t.http();
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const runUntilDone = async (runId: string) =>
    eventually(async () => {
      const r = await admin(http().get(`${API}/rankings/${runId}`)).expect(200);
      if (r.body.status === 'FAILED') throw new Error(`run failed: ${r.body.error}`);
      return r.body.status === 'DONE' ? r.body : null;
    });
  const results = async (runId: string, query = '') => (await admin(http().get(`${API}/rankings/${runId}/results?pageSize=500${query}`)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const built = await verifiedPeriod(t, f, {
      count: 5,
      year: 2027,
      categories: ['OPD', 'OPD', 'OPD', 'BUMD', 'BUMD'],
      absent: [4],
      verified: [{}, {}, ZERO_A2, {}],
      overrides: { weights: { saq: 70, presentation: 30 }, finalistRule: { type: 'TOP_N', value: 1 } },
    });
    period = built.period;
    bodies = built.bodies;
    const fin = await admin(http().post(`${API}/periods/${period.id}/finalists`)).expect(200);
    expect(fin.body.total).toBe(3);
    const panelist = await f.user('panelist', { affiliation: 'Akademisi' });
    await admin(http().post(`${API}/periods/${period.id}/panel`))
      .send({ panelistId: panelist.id, participationIds: [0, 1, 3].map((i) => bodies[i].participationId) })
      .expect(201);
    await f.advance(period.id, 'PRESENTATION');
    for (const [i, score] of [
      [0, 80],
      [1, 90],
      [3, 70],
    ] as const) {
      await http()
        .put(`${API}/participations/${bodies[i].participationId}/presentation-scores`)
        .set(bearer(panelist.token))
        .send({ criteria: [{ code: 'OVERALL', score }] })
        .expect(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to rank before FINALIZATION and to non-admins', async () => {
    const early = await admin(http().post(`${API}/periods/${period.id}/rankings`)).expect(422);
    expect(early.body.message).toMatch(/FINALIZATION/);
    await f.advance(period.id, 'FINALIZATION');
    await http().post(`${API}/periods/${period.id}/rankings`).set(bearer(bodies[0].token)).expect(403);
  });

  it('computes once for two clicks on the same inputs', async () => {
    const [a, b] = await Promise.all([admin(http().post(`${API}/periods/${period.id}/rankings`)), admin(http().post(`${API}/periods/${period.id}/rankings`))]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.runId).toBe(b.body.runId);
    expect(a.body.jobId).toMatch(new RegExp(`^ranking-${period.id}-${a.body.runId}-[0-9a-f]{12}$`));
    firstRun = a.body.runId;
    const run = await runUntilDone(firstRun);
    expect(run).toMatchObject({ progress: 100, attempts: 1, rankedCount: 4, notParticipatingCount: 1 });
    const again = await admin(http().post(`${API}/periods/${period.id}/rankings`)).expect(202);
    expect(again.body).toMatchObject({ runId: firstRun, reused: true, status: 'DONE' });
    // The job's state is readable through the jobs endpoint too.
    const job = await admin(http().get(`${API}/jobs/ranking/${a.body.jobId}`)).expect(200);
    expect(job.body.state).toBe('completed');
  });

  it('gives exact final scores, qualifications and ranks with the tie chain; non-participants unranked', async () => {
    const res = await results(firstRun);
    const byIndex = (i: number) => res.items.find((r: { participationId: string }) => r.participationId === bodies[i].participationId);
    // Finalists: 70% SAQ + 30% presentation. b1 = 70 + 27, b0 = 70 + 24, b3 = 70 + 21; b2 is not a finalist: its SAQ, 40.
    expect(res.items.map((r: { participationId: string }) => r.participationId)).toEqual([1, 0, 3, 2, 4].map((i) => bodies[i].participationId));
    expect(byIndex(1)).toMatchObject({
      finalScore: '97.00',
      saqScore: '100.00',
      presentationScore: '90.00',
      rankOverall: 1,
      rankInCategory: 1,
      qualification: 'INFORMATIF',
      qualificationLabel: 'Informatif',
      finalist: true,
    });
    expect(byIndex(0)).toMatchObject({ finalScore: '94.00', rankOverall: 2, rankInCategory: 2 });
    expect(byIndex(3)).toMatchObject({ finalScore: '91.00', rankOverall: 3, rankInCategory: 1, categoryCode: 'BUMD' });
    expect(byIndex(2)).toMatchObject({
      finalScore: '40.00',
      saqScore: '40.00',
      presentationScore: null,
      finalist: false,
      rankOverall: 4,
      rankInCategory: 3,
      qualification: 'KURANG_INFORMATIF',
    });
    expect(byIndex(4)).toMatchObject({
      status: 'NOT_PARTICIPATING',
      qualificationLabel: 'Tidak Mengikuti Monev',
      finalScore: null,
      saqScore: null,
      rankOverall: null,
      rankInCategory: null,
    });
    const bumd = await results(firstRun, '&categoryCode=BUMD');
    expect(bumd.items.map((r: { participationId: string }) => r.participationId)).toEqual([bodies[3].participationId, bodies[4].participationId]);

    // The same rows come out of the pure functions fed with the exact sub-scores the API explains.
    const inputs = [];
    for (const [i, b] of bodies.entries()) {
      const ex = i === 4 ? null : (await admin(http().get(`${API}/participations/${b.participationId}/verifications`)).expect(200)).body;
      const presentation = ({ 0: '80', 1: '90', 3: '70' } as Record<number, string>)[i];
      inputs.push({
        participationId: b.participationId,
        publicBodyId: b.bodyId,
        bodyName: b.name,
        categoryCode: b.categoryCode,
        categoryName: '',
        participating: i !== 4,
        finalist: presentation !== undefined,
        saq: ex ? new Dec(ex.saqScoreExact) : null,
        visitation: null,
        presentation: presentation ? new Dec(presentation) : null,
        submittedAt: null,
      });
    }
    const expected = assembleRanking(inputs, { saq: 70, visitation: 0, presentation: 30 }, DEFAULT_BANDS);
    expect(res.items.map((r: Record<string, unknown>) => [r.participationId, r.finalScore, r.qualification, r.rankOverall, r.rankInCategory])).toEqual(
      expected.map((e) => [e.participationId, format2(e.finalRounded), e.qualification, e.rankOverall, e.rankInCategory]),
    );
  });

  it('publishes, serves the public ranking without a token (ETag, 304), and moves it to a corrected run', async () => {
    await admin(http().post(`${API}/periods/${period.id}/publish`))
      .send({ runId: '999999' })
      .expect(404);
    const published = await admin(http().post(`${API}/periods/${period.id}/publish`))
      .send({ runId: firstRun })
      .expect(200);
    expect(published.body).toMatchObject({ stage: 'PUBLISHED', publishedRunId: firstRun });
    await admin(http().post(`${API}/periods/${period.id}/publish`))
      .send({ runId: firstRun })
      .expect(422);

    const pub = await http().get(`${API}/public/periods/${period.year}/ranking?organizer=ki-test`).expect(200);
    expect(pub.body).toMatchObject({ year: period.year, organizer: { slug: 'ki-test' }, total: 5 });
    expect(pub.body.items[0]).toMatchObject({ publicBody: bodies[1].name, finalScore: '97.00', qualificationLabel: 'Informatif', rankOverall: 1 });
    expect(pub.body.items[4]).toMatchObject({ qualificationLabel: 'Tidak Mengikuti Monev', rankOverall: null });
    const etag = pub.headers.etag;
    expect(etag).toBeTruthy();
    await http().get(`${API}/public/periods/${period.year}/ranking?organizer=ki-test`).set('If-None-Match', etag).expect(304);
    const def = await http().get(`${API}/public/periods/${period.year}/ranking?categoryCode=BUMD`).expect(200);
    expect(def.body.items.map((i: { publicBody: string }) => i.publicBody)).toEqual([bodies[3].name, bodies[4].name]);
    await http().get(`${API}/public/periods/1999/ranking`).expect(400);
    await http().get(`${API}/public/periods/2099/ranking`).expect(404);

    // A correction after publication: the admin changes a verified point (with a note), ranks again, re-publishes.
    await admin(http().put(`${API}/participations/${bodies[2].participationId}/verifications/2.1`))
      .send({ points: 4, status: 'ADJUSTED' })
      .expect(400);
    await admin(http().put(`${API}/participations/${bodies[2].participationId}/verifications/2.1`))
      .send({ points: 4, status: 'ADJUSTED', note: 'Koreksi: bukti DIP diterima' })
      .expect(200);
    const second = await admin(http().post(`${API}/periods/${period.id}/rankings`)).expect(202);
    expect(second.body.runId).not.toBe(firstRun);
    await runUntilDone(second.body.runId);
    await admin(http().post(`${API}/periods/${period.id}/publish`))
      .send({ runId: second.body.runId })
      .expect(200);
    const after = await http().get(`${API}/public/periods/${period.year}/ranking`).set('If-None-Match', etag).expect(200);
    // 40 + 60 * 4 / 8.5 = 68.2352941... -> 68.24, Cukup Informatif
    expect(after.body.items.find((i: { publicBody: string }) => i.publicBody === bodies[2].name)).toMatchObject({ finalScore: '68.24', qualification: 'CUKUP_INFORMATIF' });
    expect(after.headers.etag).not.toBe(etag);
    const audit = await admin(http().get(`${API}/audit?entityType=period&entityId=${period.id}`)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'ranking.republish', before: { publishedRunId: firstRun }, after: { publishedRunId: second.body.runId } });
    const parts = await admin(http().get(`${API}/periods/${period.id}/participants?status=RANKED`)).expect(200);
    expect(parts.body.total).toBe(4);
  });
});
