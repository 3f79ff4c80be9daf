import { API, Factory, rankAndWait, SaqBody, verifiedPeriod } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;

/** Visits by assessors: an assessor assigned as a visitor scores a finalist's visitation beside the panelists. */
describe('panel: assessors as visitors', () => {
  let t: TestApp;
  let f: Factory;
  let period: { id: string };
  let bodies: SaqBody[];
  let verifier: { id: string; token: string };
  let visitor: { id: string; token: string };
  let conflicted: { id: string; token: string };
  let panelist: { id: string; token: string };
  const http = () => t.http();
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const visit = (token: string, pid: string, body: object) => http().put(`${API}/participations/${pid}/visitation`).set(bearer(token)).send(body);
  const assignVisitors = (body: object) => admin(http().post(`${API}/periods/${period.id}/visitors`)).send(body);

  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    f = new Factory(t);
    const start = new Date(t.clock.now().getTime() + DAY);
    const built = await verifiedPeriod(t, f, {
      count: 3,
      year: 2031,
      categories: ['OPD', 'OPD', 'OPD'],
      overrides: { weights: { saq: 60, visitation: 10, presentation: 30 }, finalistRule: { type: 'TOP_N', value: 2 }, schedule: Factory.schedule(start, 10, true) },
      verified: [{}, { '2.1': 2 }, { '2.1': 0, '2.2': 0 }],
    });
    period = built.period;
    bodies = built.bodies;
    verifier = built.assessor;
    visitor = await f.user('assessor', { affiliation: 'Universitas Sriwijaya' });
    conflicted = await f.user('assessor', { affiliation: bodies[0].name });
    panelist = await f.user('panelist', { affiliation: 'Akademisi' });
    await admin(http().post(`${API}/periods/${period.id}/finalists`)).expect(200);
    await admin(http().post(`${API}/periods/${period.id}/panel`))
      .send({ panelistId: panelist.id, participationIds: [bodies[0].participationId, bodies[1].participationId] })
      .expect(201);
  }, 120000);
  afterAll(async () => {
    await t?.close();
  });

  it('assigns an assessor as a visitor, refusing a conflict of interest (409), a non-finalist (422), a non-assessor (404) and a non-admin (403)', async () => {
    const conflict = await assignVisitors({ assessorId: conflicted.id, participationIds: [bodies[0].participationId] }).expect(409);
    expect(conflict.body.code).toBe('USER_CONFLICT_OF_INTEREST');
    await assignVisitors({ assessorId: visitor.id, participationIds: [bodies[2].participationId] }).expect(422);
    const notAssessor = await assignVisitors({ assessorId: panelist.id, participationIds: [bodies[0].participationId] }).expect(404);
    expect(notAssessor.body.code).toBe('PANEL_VISITOR_NOT_FOUND');
    await http()
      .post(`${API}/periods/${period.id}/visitors`)
      .set(bearer(visitor.token))
      .send({ assessorId: visitor.id, participationIds: [bodies[0].participationId] })
      .expect(403);
    const ok = await assignVisitors({ assessorId: visitor.id, participationIds: [bodies[0].participationId, bodies[1].participationId] }).expect(201);
    expect(ok.body).toEqual({ assessorId: visitor.id, participationIds: [bodies[0].participationId, bodies[1].participationId], added: 2 });
    const again = await assignVisitors({ assessorId: visitor.id, participationIds: [bodies[0].participationId] }).expect(201);
    expect(again.body.added).toBe(0);
    // The conflicted assessor may still visit a body it has no conflict with.
    await assignVisitors({ assessorId: conflicted.id, participationIds: [bodies[1].participationId] }).expect(201);
  });

  it("lists the visitor's finalists on visits/mine; other roles and unassigned assessors see none", async () => {
    const mine = await http().get(`${API}/visits/mine`).set(bearer(visitor.token)).expect(200);
    expect(mine.body.items.map((i: { participationId: string }) => i.participationId).sort()).toEqual([bodies[0].participationId, bodies[1].participationId].sort());
    expect(mine.body.items[0]).toMatchObject({ visitation: null, presentation: null, bodyVisitationScore: null, status: 'FINALIST' });
    expect((await http().get(`${API}/visits/mine`).set(bearer(verifier.token)).expect(200)).body.items).toEqual([]);
    await http().get(`${API}/visits/mine`).set(bearer(panelist.token)).expect(403);
  });

  it("combines an assessor's and a panelist's visitation scores as their exact mean", async () => {
    await f.advance(period.id, 'VISITATION');
    const pid = bodies[0].participationId;
    await visit(verifier.token, pid, { score: 90 }).expect(404); // verified it, but is not its visitor
    await visit(conflicted.token, pid, { score: 90 }).expect(404);
    await visit(visitor.token, bodies[2].participationId, { score: 90 }).expect(404);
    await visit(visitor.token, pid, { score: 100.5 }).expect(400);
    const first = await visit(visitor.token, pid, { score: 85.25, findings: 'Meja layanan dan papan informasi tersedia' }).expect(200);
    expect(first.body).toMatchObject({ score: '85.25', version: 1, bodyVisitationScore: '85.25' });
    const second = await visit(panelist.token, pid, { score: '80.50' }).expect(200);
    expect(second.body.bodyVisitationScore).toBe('82.88'); // (85.25 + 80.50) / 2 = 82.875
    await visit(visitor.token, pid, { score: 86, version: 0 }).expect(409);
    await visit(visitor.token, pid, { score: 86, version: 1 }).expect(200);
    const mine = await http().get(`${API}/visits/mine`).set(bearer(visitor.token)).expect(200);
    expect(mine.body.items.find((i: { participationId: string }) => i.participationId === pid)).toMatchObject({
      visitation: { score: '86.00', findings: null, version: 2 },
      bodyVisitationScore: '83.25',
    });
    const panel = await http().get(`${API}/panel/mine`).set(bearer(panelist.token)).expect(200);
    expect(panel.body.items.find((i: { participationId: string }) => i.participationId === pid)).toMatchObject({ bodyVisitationScore: '83.25', presentation: null });
    const audit = await admin(http().get(`${API}/audit?entityType=visitation&entityId=${pid}:${visitor.id}`)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'visitation.save', after: { score: '86.00', version: 2 } });
  });

  it("lists each finalist's assessor visitors on the admin's panel overview, and whether they scored, beside the panelists", async () => {
    const overview = (await admin(http().get(`${API}/periods/${period.id}/panel`)).expect(200)).body.items;
    const of = (pid: string) => overview.find((i: { participationId: string }) => i.participationId === pid);
    expect(of(bodies[0].participationId).visitors).toEqual([{ id: visitor.id, name: expect.any(String), visitation: '86.00', scored: true }]);
    expect(of(bodies[0].participationId).panelists).toEqual([{ id: panelist.id, name: expect.any(String), visitation: '80.50', presentation: null }]);
    const second = of(bodies[1].participationId).visitors;
    expect(second).toHaveLength(2);
    expect(second).toEqual(
      expect.arrayContaining([
        { id: visitor.id, name: expect.any(String), visitation: null, scored: false },
        { id: conflicted.id, name: expect.any(String), visitation: null, scored: false },
      ]),
    );
    expect(of(bodies[1].participationId).missingVisitation).toEqual([of(bodies[1].participationId).panelists[0].name]);
    await http().get(`${API}/periods/${period.id}/panel`).set(bearer(visitor.token)).expect(403);
  });

  it('ranks with the mean of every visitor, and a visitor blocks no presentation precondition', async () => {
    await visit(panelist.token, bodies[1].participationId, { score: 70 }).expect(200);
    await visit(conflicted.token, bodies[1].participationId, { score: 75 }).expect(200);
    await f.advance(period.id, 'PRESENTATION');
    for (const b of [bodies[0], bodies[1]]) {
      await http()
        .put(`${API}/participations/${b.participationId}/presentation-scores`)
        .set(bearer(panelist.token))
        .send({ criteria: [{ code: 'OVERALL', score: 80 }] })
        .expect(200);
    }
    await visit(visitor.token, bodies[0].participationId, { score: 99 }).expect(422); // the window has passed
    await f.advance(period.id, 'FINALIZATION');
    const runId = await rankAndWait(t, f, period.id);
    const results = (await admin(http().get(`${API}/rankings/${runId}/results`)).expect(200)).body.items;
    const of = (pid: string) => results.find((r: { participationId: string }) => r.participationId === pid);
    expect(of(bodies[0].participationId).visitationScore).toBe('83.25');
    expect(of(bodies[1].participationId).visitationScore).toBe('72.50');
  });
});
