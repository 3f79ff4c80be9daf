import { DataSource } from 'typeorm';
import { API, Factory, fillSmallInstrument, pdf, saqPeriod, SaqBody } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;

describe('verification and objections', () => {
  let t: TestApp;
  let f: Factory;
  let period: { id: string; schedule: Record<string, { opensAt: string; closesAt: string }> };
  let bodies: SaqBody[];
  let assessors: { id: string; token: string; affiliation: string }[];
  const assignedTo = new Map<string, string>(); // participationId -> assessor token
  const http = () => t.http();
  const verify = (token: string, pid: string, code: string, body: object) => http().put(`${API}/participations/${pid}/verifications/${code}`).set(bearer(token)).send(body);
  const explain = (token: string, pid: string) => http().get(`${API}/participations/${pid}/verifications`).set(bearer(token));
  const auditOf = async (entityType: string, entityId: string) =>
    (await http().get(`${API}/audit?entityType=${entityType}&entityId=${entityId}`).set(bearer(t.adminToken)).expect(200)).body.items;

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    const built = await saqPeriod(t, f, { count: 5, year: 2029 });
    period = built.period;
    bodies = built.bodies;
    for (const b of bodies.slice(0, 4)) {
      await fillSmallInstrument(t, b);
      await http().post(`${API}/participations/${b.participationId}/submit`).set(bearer(b.token)).expect(200);
    }
    // bodies[4] never submits.
    assessors = [];
    for (const affiliation of [bodies[0].name.toUpperCase().replace(/ /g, '  '), 'Universitas Palangka Raya', 'LSM Suara Informasi']) {
      const a = await f.user('assessor', { affiliation });
      assessors.push({ id: a.id, token: a.token, affiliation });
    }
    // An explicit conflict: assessor 2 with body 1.
    await http().post(`${API}/users/${assessors[1].id}/conflicts`).set(bearer(t.adminToken)).send({ publicBodyId: bodies[1].bodyId, reason: 'Mantan pegawai' }).expect(201);
    await http().post(`${API}/users/${assessors[1].id}/conflicts`).set(bearer(t.adminToken)).send({ publicBodyId: bodies[1].bodyId }).expect(409);
    await f.advance(period.id, 'VERIFICATION');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('auto-assigns every submitted SAQ, balanced, never to a conflicted assessor, and keeps assignments on re-run', async () => {
    const res = await http().post(`${API}/periods/${period.id}/assignments/auto`).set(bearer(t.adminToken)).send({}).expect(200);
    expect(res.body.assigned).toBe(4);
    expect(res.body.unassigned).toEqual([]);
    expect(res.body.skippedForConflict).toBe(2); // body 0 (affiliation) and body 1 (declared)
    const mine = await Promise.all(assessors.map((a) => http().get(`${API}/assignments/mine`).set(bearer(a.token)).expect(200)));
    const loads = mine.map((m) => m.body.items.length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    mine.forEach((m, i) =>
      m.body.items.forEach((it: { participationId: string; progress: { total: number } }) => {
        assignedTo.set(it.participationId, assessors[i].token);
        expect(it.progress.total).toBeGreaterThan(0);
      }),
    );
    expect(mine[0].body.items.map((i: { participationId: string }) => i.participationId)).not.toContain(bodies[0].participationId);
    expect(mine[1].body.items.map((i: { participationId: string }) => i.participationId)).not.toContain(bodies[1].participationId);
    expect(assignedTo.has(bodies[4].participationId)).toBe(false); // never submitted
    const again = await http().post(`${API}/periods/${period.id}/assignments/auto`).set(bearer(t.adminToken)).send({}).expect(200);
    expect(again.body.assigned).toBe(0);
    const progress = await http().get(`${API}/periods/${period.id}/assignments`).set(bearer(t.adminToken)).expect(200);
    expect(progress.body.items.reduce((n: number, i: { assigned: number }) => n + i.assigned, 0)).toBe(4);
  });

  it('refuses a manual assignment with a conflict of interest (409)', async () => {
    const res = await http()
      .post(`${API}/periods/${period.id}/assignments`)
      .set(bearer(t.adminToken))
      .send({ assessorId: assessors[0].id, participationId: bodies[0].participationId })
      .expect(409);
    expect(res.body.message).toMatch(/Conflict of interest/);
  });

  it('keeps an assessor to its own assignments', async () => {
    const pid = bodies[0].participationId;
    const outsider = assessors.find((a) => a.token !== assignedTo.get(pid))!;
    await http().get(`${API}/participations/${pid}`).set(bearer(outsider.token)).expect(404);
    await explain(outsider.token, pid).expect(404);
    await verify(outsider.token, pid, '1.1', { points: 2, status: 'ACCEPTED' }).expect(404);
    await verify(bodies[0].token, pid, '1.1', { points: 2, status: 'ACCEPTED' }).expect(403);
    // Its own assessor may read the SAQ and its evidence.
    await http()
      .get(`${API}/participations/${pid}/answers`)
      .set(bearer(assignedTo.get(pid)!))
      .expect(200);
  });

  it('validates points and notes, stores 0 for inaccessible evidence, versions writes', async () => {
    const pid = bodies[0].participationId;
    const token = assignedTo.get(pid)!;
    expect((await verify(token, pid, '1.1', { points: 2.01, status: 'ADJUSTED', note: 'x' }).expect(400)).body.details[0].field).toBe('points');
    expect((await verify(token, pid, '1.1', { points: -1, status: 'ADJUSTED', note: 'x' }).expect(400)).body.details[0].field).toBe('points');
    expect((await verify(token, pid, '1.1', { points: '1.005', status: 'ADJUSTED', note: 'x' }).expect(400)).body.details[0].field).toBe('points');
    expect((await verify(token, pid, '1.1', { points: 1, status: 'ADJUSTED' }).expect(400)).body.details[0].field).toBe('note');
    const ok = await verify(token, pid, '1.1', { points: 2, status: 'ACCEPTED' }).expect(200);
    expect(ok.body).toMatchObject({ verifiedPoints: '2.00', version: 1 });
    const inaccessible = await verify(token, pid, '1.1', { points: 2, status: 'EVIDENCE_INACCESSIBLE', note: 'Dokumen tidak dapat dibuka', version: 1 }).expect(200);
    expect(inaccessible.body).toMatchObject({ verifiedPoints: '0.00', version: 2 });
    await verify(token, pid, '1.1', { points: 2, status: 'ACCEPTED', version: 1 }).expect(409);
    await verify(token, pid, '2.4', { points: 1, status: 'ACCEPTED' }).expect(422); // BUMD-only question, body 0 is OPD
    const rows = await auditOf('verification', `${pid}:1.1`);
    expect(rows[0]).toMatchObject({ action: 'verification.save', before: { points: '2.00', status: 'ACCEPTED' }, after: { points: '0.00', status: 'EVIDENCE_INACCESSIBLE' } });
  });

  it('refuses completion with gaps (422 listing them) and OBJECTION while SAQs are unverified', async () => {
    const pid = bodies[0].participationId;
    const res = await http()
      .post(`${API}/participations/${pid}/verification/complete`)
      .set(bearer(assignedTo.get(pid)!))
      .expect(422);
    expect(res.body.details.unverified).toEqual(['1.2', '2.1', '2.2', '2.3']);
    const blocked = await http().post(`${API}/periods/${period.id}/advance`).set(bearer(t.adminToken)).send({ to: 'OBJECTION' }).expect(422);
    expect(blocked.body.details.unmet[0]).toMatchObject({ code: 'PERIOD_UNVERIFIED_SAQ' });
    // The owner does not see results before OBJECTION.
    await explain(bodies[0].token, pid).expect(422);
  });

  it('verifies every SAQ, completes, and opens objections', async () => {
    for (const b of bodies.slice(0, 4)) {
      const token = assignedTo.get(b.participationId)!;
      const v = (code: string, body: object) => verify(token, b.participationId, code, body).expect(200);
      await v('1.1', { points: 2, status: 'ACCEPTED', version: b === bodies[0] ? 2 : undefined });
      await v('1.2', { points: 3, status: 'ACCEPTED' });
      await v('2.1', { points: 2, status: 'ADJUSTED', note: 'DIP belum dimutakhirkan tahun ini' });
      await v('2.2', { points: 2.5, status: 'ACCEPTED' });
      await v('2.3', { points: 0, status: 'ACCEPTED' });
      if (b.categoryCode === 'BUMD') await v('2.4', { points: 1, status: 'ACCEPTED' });
      const done = await http().post(`${API}/participations/${b.participationId}/verification/complete`).set(bearer(token)).expect(200);
      expect(done.body.status).toBe('VERIFIED');
    }
    expect((await auditOf('participation', bodies[0].participationId))[0]).toMatchObject({ action: 'verification.complete', after: { status: 'VERIFIED' } });
    await f.advance(period.id, 'OBJECTION');
  });

  it('shows the owner its verification question by question with an exact SAQ score', async () => {
    const res = await explain(bodies[0].token, bodies[0].participationId).expect(200);
    // 40 * 5/5 + 60 * (2 + 2.5 + 0)/8.5 = 71.7647058823529411764705882352941176...
    expect(res.body.saqScore).toBe('71.76');
    expect(res.body.saqScoreExact.startsWith('71.76470588235294117647058823529411764705')).toBe(true);
    expect(res.body.items.find((i: { questionCode: string }) => i.questionCode === '2.1')).toMatchObject({
      selfPoints: '4.00',
      verifiedPoints: '2.00',
      effectivePoints: '2.00',
      status: 'ADJUSTED',
      note: 'DIP belum dimutakhirkan tahun ini',
    });
  });

  it('files objections within the window, one open per question, only by the owner', async () => {
    const [b0, b1] = bodies;
    const up = await http().post(`${API}/participations/${b0.participationId}/evidence`).set(bearer(b0.token)).attach('file', pdf('DIP mutakhir 2029'), 'dip.pdf').expect(201);
    const filed = await http()
      .post(`${API}/participations/${b0.participationId}/objections`)
      .set(bearer(b0.token))
      .send({ questionCode: '2.1', reason: 'DIP sudah dimutakhirkan, lihat lampiran', evidenceIds: [up.body.id] })
      .expect(201);
    expect(filed.body).toMatchObject({ status: 'OPEN', pointsBefore: '2.00' });
    await http().post(`${API}/participations/${b0.participationId}/objections`).set(bearer(b0.token)).send({ questionCode: '2.1', reason: 'lagi' }).expect(409);
    await http().post(`${API}/participations/${b0.participationId}/objections`).set(bearer(b1.token)).send({ questionCode: '2.2', reason: 'bukan milik saya' }).expect(404);
    await http().post(`${API}/participations/${b1.participationId}/objections`).set(bearer(b1.token)).send({ questionCode: '2.1', reason: 'Mohon ditinjau ulang' }).expect(201);
    // An open objection blocks leaving OBJECTION.
    const blocked = await http().post(`${API}/periods/${period.id}/advance`).set(bearer(t.adminToken)).send({ to: 'PRESENTATION' }).expect(422);
    expect(blocked.body.details.unmet[0].code).toBe('PERIOD_OPEN_OBJECTIONS');
    expect((await auditOf('objection', filed.body.id))[0]).toMatchObject({ action: 'objection.file' });
    // Its assessor sees the objection's new evidence beside the original answer, and the open count on its list.
    const seen = (await explain(assignedTo.get(b0.participationId)!, b0.participationId).expect(200)).body;
    expect(seen.items.find((i: { questionCode: string }) => i.questionCode === '2.1').objection).toMatchObject({
      id: filed.body.id,
      evidenceIds: [up.body.id],
      url: null,
      status: 'OPEN',
    });
    const list = (
      await http()
        .get(`${API}/assignments/mine`)
        .set(bearer(assignedTo.get(b0.participationId)!))
        .expect(200)
    ).body.items;
    expect(list.find((i: { participationId: string }) => i.participationId === b0.participationId)).toMatchObject({
      stage: 'OBJECTION',
      timezone: 'Asia/Jakarta',
      objections: { open: 1, total: 1 },
      verificationClosesAt: expect.stringMatching(/Z$/),
      objectionClosesAt: expect.stringMatching(/Z$/),
    });
  });

  it('changes the verified SAQ score by exactly the accepted difference; a rejection changes nothing', async () => {
    const [b0, b1] = bodies;
    const before0 = (await explain(t.adminToken, b0.participationId).expect(200)).body;
    const before1 = (await explain(t.adminToken, b1.participationId).expect(200)).body;
    const o0 = before0.items.find((i: { questionCode: string }) => i.questionCode === '2.1').objection.id;
    const o1 = before1.items.find((i: { questionCode: string }) => i.questionCode === '2.1').objection.id;
    await http()
      .put(`${API}/objections/${o0}`)
      .set(bearer(assignedTo.get(b0.participationId)!))
      .send({ decision: 'ACCEPTED', note: 'Bukti baru valid' })
      .expect(400);
    await http()
      .put(`${API}/objections/${o0}`)
      .set(bearer(assignedTo.get(b0.participationId)!))
      .send({ decision: 'ACCEPTED', points: 4.5, note: 'x' })
      .expect(400);
    const outsider = assessors.find((a) => a.token !== assignedTo.get(b0.participationId))!;
    await http().put(`${API}/objections/${o0}`).set(bearer(outsider.token)).send({ decision: 'REJECTED', note: 'x' }).expect(404);
    const accepted = await http()
      .put(`${API}/objections/${o0}`)
      .set(bearer(assignedTo.get(b0.participationId)!))
      .send({ decision: 'ACCEPTED', points: 4, note: 'Bukti baru valid' })
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', pointsBefore: '2.00', pointsAfter: '4.00' });
    await http().put(`${API}/objections/${o0}`).set(bearer(t.adminToken)).send({ decision: 'REJECTED', note: 'x' }).expect(409);
    await http().put(`${API}/objections/${o1}`).set(bearer(t.adminToken)).send({ decision: 'REJECTED', note: 'Bukti tidak relevan' }).expect(200);

    const after0 = (await explain(b0.token, b0.participationId).expect(200)).body;
    const after1 = (await explain(b1.token, b1.participationId).expect(200)).body;
    // 60 * 2 / 8.5 = 14.117647058823529411764705882352941176470588...
    const { Dec } = await import('../src/scoring/decimal');
    expect(new Dec(after0.saqScoreExact).minus(before0.saqScoreExact).toSignificantDigits(40).toString()).toBe('14.11764705882352941176470588235294117647');
    expect(after0.saqScore).toBe('85.88');
    expect(after0.items.find((i: { questionCode: string }) => i.questionCode === '2.1')).toMatchObject({
      verifiedPoints: '2.00',
      effectivePoints: '4.00',
      objection: { status: 'ACCEPTED' },
    });
    expect(after1.saqScoreExact).toBe(before1.saqScoreExact);
    expect((await auditOf('objection', o0))[0]).toMatchObject({
      action: 'objection.decide',
      before: { status: 'OPEN', points: '2.00' },
      after: { status: 'ACCEPTED', pointsAfter: '4.00' },
    });
  });

  it('closes objections at the window end and stops decisions once the period moves on', async () => {
    const [, , b2] = bodies;
    t.clock.set(new Date(new Date(period.schedule.OBJECTION.closesAt).getTime()));
    const late = await http().post(`${API}/participations/${b2.participationId}/objections`).set(bearer(b2.token)).send({ questionCode: '1.1', reason: 'terlambat' }).expect(422);
    expect(late.body.message).toMatch(/window has closed/);
    t.clock.set(new Date(new Date(period.schedule.OBJECTION.closesAt).getTime() - DAY));
    const filed = await http().post(`${API}/participations/${b2.participationId}/objections`).set(bearer(b2.token)).send({ questionCode: '1.1', reason: 'tinjau' }).expect(201);
    await f.advance(period.id, 'PRESENTATION', { force: true, reason: 'Jadwal presentasi tidak dapat digeser' });
    const closed = await http().put(`${API}/objections/${filed.body.id}`).set(bearer(t.adminToken)).send({ decision: 'REJECTED', note: 'x' }).expect(422);
    expect(closed.body.message).toMatch(/leaves OBJECTION/);
    t.clock.reset();
  });
  it('keeps the aspect subtotals equal to the effective points when an admin corrects a question whose objection was accepted', async () => {
    const [b0] = bodies;
    await f.advance(period.id, 'FINALIZATION', { force: true, reason: 'Uji koreksi setelah keberatan' });
    // 2.1 of b0: verified 2.00, objection accepted at 4.00. The correction changes the verified points; the accepted objection still governs.
    await http()
      .put(`${API}/participations/${b0.participationId}/verifications/2.1`)
      .set(bearer(t.adminToken))
      .send({ points: 1, status: 'ADJUSTED', note: 'Koreksi administrasi' })
      .expect(200);
    const ex = (await explain(t.adminToken, b0.participationId).expect(200)).body;
    expect(ex.items.find((i: { questionCode: string }) => i.questionCode === '2.1')).toMatchObject({ verifiedPoints: '1.00', effectivePoints: '4.00' });
    expect(ex.saqScore).toBe('85.88');
    const effectiveByAspect = new Map<string, number>();
    for (const i of ex.items as { aspectCode: string; effectivePoints: string | null }[])
      effectiveByAspect.set(i.aspectCode, (effectiveByAspect.get(i.aspectCode) ?? 0) + Number(i.effectivePoints ?? 0));
    const subtotals: { code: string; points: string }[] = await t
      .get<DataSource>(DataSource)
      .query('SELECT a.code, s.points FROM aspect_subtotals s JOIN aspects a ON a.id = s.aspect_id WHERE s.participation_id = ? ORDER BY a.code', [b0.participationId]);
    expect(subtotals.map((r) => [r.code, Number(r.points)])).toEqual([...effectiveByAspect].sort(([a], [b]) => a.localeCompare(b)));
  });
});
