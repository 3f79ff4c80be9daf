import { DataSource } from 'typeorm';
import { API, Factory, fillSmallInstrument, otherOrganizerAdmin, pdf, saqPeriod, SaqBody } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;

/** GET /periods/:id/monitoring: the secretariat's view of a running SAQ. */
describe('SAQ monitoring', () => {
  let t: TestApp;
  let f: Factory;
  let ds: DataSource;
  let period: { id: string; schedule: { SAQ: { opensAt: string; closesAt: string } } };
  let bodies: SaqBody[];
  const monitoring = (query: Record<string, string | number> = {}) => t.http().get(`${API}/periods/${period.id}/monitoring`).query(query).set(bearer(t.adminToken));

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    ds = t.get<DataSource>(DataSource);
    // 0, 2, 4, 6 OPD; 1, 3, 5, 7 BUMD.
    ({ period, bodies } = await saqPeriod(t, f, { count: 8, year: 2031 }));
    await fillSmallInstrument(t, bodies[0]);
    await t.http().post(`${API}/participations/${bodies[0].participationId}/submit`).set(bearer(bodies[0].token)).expect(200);
    await fillSmallInstrument(t, bodies[1]);
    await t.http().post(`${API}/participations/${bodies[1].participationId}/submit`).set(bearer(bodies[1].token)).expect(200);
    t.clock.advance(60_000);
    await t
      .http()
      .put(`${API}/participations/${bodies[2].participationId}/answers/1.2`)
      .set(bearer(bodies[2].token))
      .send({ value: ['register'], url: 'https://x.example/f' })
      .expect(200);
    t.clock.advance(60_000);
    await t.http().put(`${API}/participations/${bodies[3].participationId}/answers/2.2`).set(bearer(bodies[3].token)).send({ value: 4 }).expect(200);
    await t.http().put(`${API}/participations/${bodies[3].participationId}/answers/2.3`).set(bearer(bodies[3].token)).send({ value: 'teks' }).expect(200);
    t.clock.advance(60_000);
    await t.http().post(`${API}/participations/${bodies[3].participationId}/evidence`).set(bearer(bodies[3].token)).attach('file', pdf('x'), 'x.pdf').expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts per category and overall, and lists every body with progress, last activity and its deadline', async () => {
    const res = await monitoring({ sort: 'progress', order: 'desc', pageSize: 100 }).expect(200);
    expect(res.body).toMatchObject({
      periodId: period.id,
      stage: 'SAQ',
      timezone: 'Asia/Jakarta',
      saqWindow: period.schedule.SAQ,
      overall: { notStarted: 4, inProgress: 2, submitted: 2, notParticipating: 0, total: 8, submittedPercent: '25.00' },
      categories: [
        { categoryCode: 'BUMD', categoryName: 'Badan Usaha Milik Daerah', notStarted: 2, inProgress: 1, submitted: 1, total: 4, submittedPercent: '25.00' },
        { categoryCode: 'OPD', notStarted: 2, inProgress: 1, submitted: 1, total: 4, submittedPercent: '25.00' },
      ],
      total: 8,
    });
    const rows = res.body.items as {
      participationId: string;
      progress: { answered: number; total: number; percent: string };
      state: string;
      lastActivityAt: string | null;
      deadline: string;
    }[];
    // Progress as GET /participations/:id defines it, for every row.
    for (const r of rows) {
      const p = (await t.http().get(`${API}/participations/${r.participationId}`).set(bearer(t.adminToken)).expect(200)).body;
      expect({ answered: r.progress.answered, total: r.progress.total, deadline: r.deadline }).toEqual({
        answered: p.progress.answered,
        total: p.progress.total,
        deadline: p.deadline,
      });
    }
    expect(
      rows
        .map((r) => r.participationId)
        .slice(0, 2)
        .sort(),
    ).toEqual([bodies[0].participationId, bodies[1].participationId].sort());
    const b3 = rows.find((r) => r.participationId === bodies[3].participationId)!;
    expect(b3).toMatchObject({ state: 'IN_PROGRESS', progress: { answered: 2, total: 6, percent: '33.33' }, lastActivityAt: t.clock.now().toISOString() });
    expect(rows.find((r) => r.participationId === bodies[4].participationId)).toMatchObject({
      state: 'NOT_STARTED',
      progress: { answered: 0, total: 5, percent: '0.00' },
      lastActivityAt: null,
    });
  });

  it('filters by state, category and days left, sorts by last activity and deadline, pages', async () => {
    const notStarted = (await monitoring({ state: 'NOT_STARTED', categoryCode: 'OPD' }).expect(200)).body;
    expect(notStarted.items.map((r: { participationId: string }) => r.participationId)).toEqual([bodies[4].participationId, bodies[6].participationId]);
    expect(notStarted.total).toBe(2);
    expect(notStarted.overall.total).toBe(8); // the counts stay the period's

    const lastActive = (await monitoring({ sort: 'lastActivity', order: 'desc', pageSize: 2 }).expect(200)).body;
    expect(lastActive.items.map((r: { participationId: string }) => r.participationId)).toEqual([bodies[3].participationId, bodies[2].participationId]);
    expect(lastActive).toMatchObject({ total: 8, page: 1, pageSize: 2 });

    // "Not started, 3 days left": the SAQ closes in 11 days; one body's own deadline is in 2.
    expect((await monitoring({ state: 'NOT_STARTED', deadlineWithinDays: 3 }).expect(200)).body.total).toBe(0);
    const soon = new Date(t.clock.now().getTime() + 2 * DAY).toISOString();
    await t
      .http()
      .put(`${API}/participations/${bodies[5].participationId}/deadline`)
      .set(bearer(t.adminToken))
      .send({ closesAt: new Date(Date.parse(period.schedule.SAQ.closesAt) + DAY).toISOString(), reason: 'Gangguan jaringan' })
      .expect(200);
    await t.http().put(`${API}/participations/${bodies[7].participationId}/deadline`).set(bearer(t.adminToken)).send({ closesAt: soon, reason: 'Batas dipercepat' }).expect(200);
    const threeDays = (await monitoring({ state: 'NOT_STARTED', deadlineWithinDays: 3 }).expect(200)).body;
    expect(threeDays.items).toEqual([expect.objectContaining({ participationId: bodies[7].participationId, deadline: soon, deadlineExtended: true })]);
    const byDeadline = (await monitoring({ sort: 'deadline', order: 'desc', pageSize: 1 }).expect(200)).body;
    expect(byDeadline.items[0]).toMatchObject({ participationId: bodies[5].participationId, deadlineExtended: true });
  });

  it('counts equal the participations in the database with bodies in every status', async () => {
    // Statuses the SAQ stage cannot reach yet (verified, finalist, ranked, out of the monev), set in the database.
    const set = (b: SaqBody, status: string) => ds.query('UPDATE participations SET status = ? WHERE id = ?', [status, b.participationId]);
    await set(bodies[1], 'VERIFIED');
    await set(bodies[4], 'FINALIST');
    await set(bodies[5], 'RANKED');
    await set(bodies[6], 'NOT_PARTICIPATING');
    const rows: { code: string; status: string; n: string }[] = await ds.query(
      `SELECT c.code, p.status, COUNT(*) AS n FROM participations p JOIN categories c ON c.id = p.category_id WHERE p.period_id = ? GROUP BY c.code, p.status`,
      [period.id],
    );
    const expected: Record<string, Record<string, number>> = {};
    const bucket = {
      INVITED: 'notStarted',
      IN_PROGRESS: 'inProgress',
      SUBMITTED: 'submitted',
      VERIFIED: 'submitted',
      FINALIST: 'submitted',
      RANKED: 'submitted',
      NOT_PARTICIPATING: 'notParticipating',
    } as Record<string, string>;
    for (const r of rows) {
      const c = (expected[r.code] ??= { notStarted: 0, inProgress: 0, submitted: 0, notParticipating: 0, total: 0 });
      c[bucket[r.status]] += Number(r.n);
      c.total += Number(r.n);
    }
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['INVITED', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'FINALIST', 'RANKED', 'NOT_PARTICIPATING']));
    const res = (await monitoring().expect(200)).body;
    const got = Object.fromEntries(
      res.categories.map((c: Record<string, number | string>) => [
        c.categoryCode,
        { notStarted: c.notStarted, inProgress: c.inProgress, submitted: c.submitted, notParticipating: c.notParticipating, total: c.total },
      ]),
    );
    expect(got).toEqual(expected);
    expect(res.overall).toMatchObject({ notStarted: 1, inProgress: 2, submitted: 4, notParticipating: 1, total: 8, submittedPercent: '50.00' });
  });

  it('answers 400 naming the field for a bad filter, 404 for another organizer, 403 for a PPID', async () => {
    const bad = await monitoring({ state: 'DONE' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'state' })]);
    const unknown = await monitoring({ categoryCode: 'NOPE' }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'PUBLIC_BODY_UNKNOWN_CATEGORY', details: [expect.objectContaining({ field: 'categoryCode' })] });
    expect((await monitoring({ sort: 'name' }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'sort' })]);
    expect((await monitoring({ deadlineWithinDays: -1 }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'deadlineWithinDays' })]);
    const other = await otherOrganizerAdmin(t);
    expect((await t.http().get(`${API}/periods/${period.id}/monitoring`).set(bearer(other.token)).expect(404)).body.code).toBe('PERIOD_NOT_FOUND');
    await t.http().get(`${API}/periods/${period.id}/monitoring`).set(bearer(bodies[0].token)).expect(403);
  });
});
