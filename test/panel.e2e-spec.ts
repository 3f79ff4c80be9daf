import { API, Factory, SaqBody, verifiedPeriod } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;
const ZERO_A2 = { '2.1': 0, '2.2': 0, '2.3': 0 };

describe('panel: finalists, visitation and presentation', () => {
  let t: TestApp;
  let f: Factory;
  let period: { id: string; schedule: Record<string, { opensAt: string; closesAt: string }> };
  let bodies: SaqBody[];
  let panelists: { id: string; token: string }[];
  const http = () => t.http();
  const finalists = async () => (await http().post(`${API}/periods/${period.id}/finalists`).set(bearer(t.adminToken)).expect(200)).body;
  const sheet = (token: string, pid: string, body: object) => http().put(`${API}/participations/${pid}/presentation-scores`).set(bearer(token)).send(body);
  const visit = (token: string, pid: string, body: object) => http().put(`${API}/participations/${pid}/visitation`).set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    const start = new Date(t.clock.now().getTime() + DAY);
    const built = await verifiedPeriod(t, f, {
      count: 4,
      year: 2028,
      categories: ['OPD', 'OPD', 'OPD', 'OPD'],
      overrides: {
        weights: { saq: 60, visitation: 10, presentation: 30 },
        finalistRule: { type: 'TOP_N', value: 1 },
        presentationRubric: [
          { code: 'VISI', title: 'Visi dan komitmen', weight: 30 },
          { code: 'INOVASI', title: 'Inovasi layanan', weight: 70 },
        ],
        schedule: Factory.schedule(start, 10, true),
      },
      // b0 and b1 tie at 100; b2 is exactly 40; b3 is 39.92.
      verified: [{}, {}, ZERO_A2, { ...ZERO_A2, '1.1': 1.99 }],
    });
    period = built.period;
    bodies = built.bodies;
    panelists = [];
    for (const affiliation of ['Akademisi', 'Jurnalis', 'LSM', bodies[0].name]) {
      const p = await f.user('panelist', { affiliation });
      panelists.push({ id: p.id, token: p.token });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('TOP_N includes every body tied with the N-th', async () => {
    const res = await finalists();
    expect(res.rule).toEqual({ type: 'TOP_N', value: 1 });
    expect(res.items.map((i: { participationId: string }) => i.participationId).sort()).toEqual([bodies[0].participationId, bodies[1].participationId].sort());
    expect(res.items[0]).toMatchObject({ saqScore: '100.00', saqScoreExact: '100' });
  });

  it('THRESHOLD includes a score exactly at the value and excludes one just below; re-selection is audited', async () => {
    await http()
      .patch(`${API}/periods/${period.id}`)
      .set(bearer(t.adminToken))
      .send({ finalistRule: { type: 'THRESHOLD', value: 40 } })
      .expect(200);
    const res = await finalists();
    const ids = res.items.map((i: { participationId: string }) => i.participationId);
    expect(ids).toContain(bodies[2].participationId);
    expect(ids).not.toContain(bodies[3].participationId);
    expect(res.items.find((i: { participationId: string }) => i.participationId === bodies[2].participationId).saqScoreExact).toBe('40');
    const list = await http().get(`${API}/periods/${period.id}/participants?status=FINALIST`).set(bearer(t.adminToken)).expect(200);
    expect(list.body.total).toBe(3);
    const audit = await http().get(`${API}/audit?entityType=period&entityId=${period.id}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'finalists.select', after: { rule: { type: 'THRESHOLD', value: '40.00' } } });
  });

  it('assigns the panel, refusing a conflict of interest (409) and non-finalists (422)', async () => {
    const [b0, b1, b2, b3] = bodies;
    const conflicted = await http()
      .post(`${API}/periods/${period.id}/panel`)
      .set(bearer(t.adminToken))
      .send({ panelistId: panelists[3].id, participationIds: [b0.participationId] })
      .expect(409);
    expect(conflicted.body.message).toMatch(/Conflict of interest/);
    await http()
      .post(`${API}/periods/${period.id}/panel`)
      .set(bearer(t.adminToken))
      .send({ panelistId: panelists[0].id, participationIds: [b3.participationId] })
      .expect(422);
    for (const p of panelists.slice(0, 3)) {
      await http()
        .post(`${API}/periods/${period.id}/panel`)
        .set(bearer(t.adminToken))
        .send({ panelistId: p.id, participationIds: [b0.participationId, b1.participationId, b2.participationId] })
        .expect(201);
    }
    const mine = await http().get(`${API}/panel/mine`).set(bearer(panelists[0].token)).expect(200);
    expect(mine.body.items.map((i: { participationId: string }) => i.participationId).sort()).toEqual([b0, b1, b2].map((b) => b.participationId).sort());
    const none = await http().get(`${API}/panel/mine`).set(bearer(panelists[3].token)).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('refuses presentation scores outside PRESENTATION and scoring by an unassigned panelist', async () => {
    await sheet(panelists[0].token, bodies[0].participationId, {
      criteria: [
        { code: 'VISI', score: 80 },
        { code: 'INOVASI', score: 90 },
      ],
    }).expect(422);
    await f.advance(period.id, 'VISITATION');
    await visit(panelists[3].token, bodies[1].participationId, { score: 80 }).expect(404);
    await visit(panelists[0].token, bodies[3].participationId, { score: 80 }).expect(404); // not a finalist, not assigned
    await visit(bodies[0].token, bodies[0].participationId, { score: 80 }).expect(403);
  });

  it('averages three visitation scores exactly, in the VISITATION window only', async () => {
    const pid = bodies[0].participationId;
    await visit(panelists[0].token, pid, { score: 100.01 }).expect(400);
    await visit(panelists[0].token, pid, { score: '80.123' }).expect(400);
    await visit(panelists[0].token, pid, { score: 80, findings: 'Meja layanan tersedia' }).expect(200);
    await visit(panelists[1].token, pid, { score: 85.5 }).expect(200);
    const last = await visit(panelists[2].token, pid, { score: '90.25' }).expect(200);
    expect(last.body.bodyVisitationScore).toBe('85.25');
    const again = await visit(panelists[0].token, pid, { score: 81, version: 1 }).expect(200);
    expect(again.body.version).toBe(2);
    await visit(panelists[0].token, pid, { score: 82, version: 1 }).expect(409);
    t.clock.set(period.schedule.VISITATION.closesAt);
    await visit(panelists[1].token, pid, { score: 70 }).expect(422);
    t.clock.reset();
    const audit = await http().get(`${API}/audit?entityType=visitation&entityId=${pid}:${panelists[0].id}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'visitation.save', before: { score: '80.00' }, after: { score: '81.00' } });
  });

  it('validates presentation sheets against the rubric and averages three panelists exactly', async () => {
    await f.advance(period.id, 'PRESENTATION');
    const pid = bodies[0].participationId;
    const bad: object[] = [
      { criteria: [{ code: 'VISI', score: 80 }] },
      {
        criteria: [
          { code: 'VISI', score: 80 },
          { code: 'INOVASI', score: 90 },
          { code: 'LAIN', score: 70 },
        ],
      },
      {
        criteria: [
          { code: 'VISI', score: 80 },
          { code: 'VISI', score: 80 },
        ],
      },
      {
        criteria: [
          { code: 'VISI', score: 101 },
          { code: 'INOVASI', score: 90 },
        ],
      },
      {
        criteria: [
          { code: 'VISI', score: -1 },
          { code: 'INOVASI', score: 90 },
        ],
      },
    ];
    for (const body of bad) {
      const res = await sheet(panelists[0].token, pid, body).expect(400);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    // Totals: 0.3*80 + 0.7*90 = 87; 0.3*85.5 + 0.7*70.25 = 74.825; 0.3*90 + 0.7*91.01 = 90.707.
    await sheet(panelists[0].token, pid, {
      criteria: [
        { code: 'VISI', score: 80 },
        { code: 'INOVASI', score: 90 },
      ],
    }).expect(200);
    await sheet(panelists[1].token, pid, {
      criteria: [
        { code: 'INOVASI', score: '70.25' },
        { code: 'VISI', score: 85.5 },
      ],
      note: 'Paparan jelas',
    }).expect(200);
    const last = await sheet(panelists[2].token, pid, {
      criteria: [
        { code: 'VISI', score: 90 },
        { code: 'INOVASI', score: 91.01 },
      ],
    }).expect(200);
    expect(last.body.totalExact).toBe('90.707');
    // (87 + 74.825 + 90.707) / 3 = 252.532 / 3 = 84.177333...
    expect(last.body.bodyPresentationScore).toBe('84.18');
    expect(last.body.bodyPresentationScoreExact.startsWith('84.17733333333333333333333333333333333333')).toBe(true);
    // Resubmitting replaces the sheet (versioned).
    const redo = await sheet(panelists[0].token, pid, {
      criteria: [
        { code: 'VISI', score: 80 },
        { code: 'INOVASI', score: 90 },
      ],
      version: 1,
    }).expect(200);
    expect(redo.body.version).toBe(2);
    await sheet(panelists[0].token, pid, {
      criteria: [
        { code: 'VISI', score: 80 },
        { code: 'INOVASI', score: 90 },
      ],
      version: 1,
    }).expect(409);
    const audit = await http().get(`${API}/audit?entityType=presentation_sheet&entityId=${pid}:${panelists[1].id}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'presentation.save', after: { total: '74.83', totalExact: '74.825' } });
  });

  it('shows the admin who has not scored whom, and requires every sheet before FINALIZATION', async () => {
    const overview = await http().get(`${API}/periods/${period.id}/panel`).set(bearer(t.adminToken)).expect(200);
    const b1 = overview.body.items.find((i: { participationId: string }) => i.participationId === bodies[1].participationId);
    expect(b1.missingPresentation).toHaveLength(3);
    const blocked = await http().post(`${API}/periods/${period.id}/advance`).set(bearer(t.adminToken)).send({ to: 'FINALIZATION' }).expect(422);
    expect(blocked.body.details.unmet[0]).toMatchObject({ code: 'PERIOD_MISSING_PRESENTATION_SHEETS', message: expect.stringMatching(/^2 finalist/) });
    for (const b of [bodies[1], bodies[2]]) {
      for (const p of panelists.slice(0, 3))
        await sheet(p.token, b.participationId, {
          criteria: [
            { code: 'VISI', score: 75 },
            { code: 'INOVASI', score: 80 },
          ],
        }).expect(200);
    }
    await f.advance(period.id, 'FINALIZATION');
  });
});
