import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { ParticipationAccess } from '../src/access/participation-access';
import { API, Factory, fillSmallInstrument, pdf, saqPeriod, SaqBody } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;

describe('SAQ: answers, evidence, submission, deadlines', () => {
  let t: TestApp;
  let f: Factory;
  let period: { id: string; schedule: { SAQ: { closesAt: string } } };
  let opd: SaqBody;
  let bumd: SaqBody;
  let third: SaqBody;
  const put = (b: SaqBody, code: string, body: object) => t.http().put(`${API}/participations/${b.participationId}/answers/${code}`).set(bearer(b.token)).send(body);
  const upload = (b: SaqBody, buf: Buffer, name = 'bukti.pdf') =>
    t.http().post(`${API}/participations/${b.participationId}/evidence`).set(bearer(b.token)).attach('file', buf, name);

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    const built = await saqPeriod(t, f, { count: 4, year: 2030 });
    period = built.period;
    [opd, bumd, third] = built.bodies;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the participation with its deadline and progress, INVITED until the first answer', async () => {
    const res = await t.http().get(`${API}/participations/${opd.participationId}`).set(bearer(opd.token)).expect(200);
    expect(res.body).toMatchObject({
      status: 'INVITED',
      deadline: period.schedule.SAQ.closesAt,
      progress: { answered: 0, total: 5, missingEvidence: 0 },
      publicBody: { id: opd.bodyId },
    });
    const b = await t.http().get(`${API}/participations/${bumd.participationId}`).set(bearer(bumd.token)).expect(200);
    expect(b.body.progress.total).toBe(6); // the BUMD-only question applies to it
  });

  it('computes selfPoints per question type and moves the body to IN_PROGRESS', async () => {
    const cases: [string, unknown, string][] = [
      ['1.1', true, '2.00'],
      ['1.2', ['permohonan', 'keberatan', 'register'], '3.00'], // 1.5 + 1.5 + 1 = 4, capped at 3
      ['2.1', 'lama', '2.00'],
      ['2.2', 49, '1.00'],
      ['2.2', 50, '2.50'],
      ['2.2', 0, '0.00'],
      ['2.3', 'Inovasi layanan', '0.00'],
    ];
    for (const [code, value, expected] of cases) {
      const body: Record<string, unknown> = { value };
      if (code === '1.2' || code === '2.1') body.url = 'https://ppid.example.go.id/x';
      const res = await put(third, code, body).expect(200);
      expect({ code, value, selfPoints: res.body.selfPoints }).toEqual({ code, value, selfPoints: expected });
    }
    const p = await t.http().get(`${API}/participations/${third.participationId}`).set(bearer(third.token)).expect(200);
    expect(p.body.status).toBe('IN_PROGRESS');
    expect(p.body.progress).toEqual({ answered: 5, total: 5, missingEvidence: 1 }); // 1.1 needs a file
  });

  it('gives the progress per aspect and the evidence limit, and lists a participation’s uploaded files for reuse', async () => {
    const p = await t.http().get(`${API}/participations/${third.participationId}`).set(bearer(third.token)).expect(200);
    expect(p.body.progressByAspect).toEqual([
      { aspectCode: 'A1', title: 'Sarana dan prasarana layanan', answered: 2, total: 2, missingEvidence: 1 },
      { aspectCode: 'A2', title: 'Pelayanan informasi', answered: 3, total: 3, missingEvidence: 0 },
    ]);
    expect(p.body.evidenceMaxBytes).toBe(2097152);
    const empty = await t.http().get(`${API}/participations/${third.participationId}/evidence`).set(bearer(third.token)).expect(200);
    expect(empty.body.items).toEqual([]);
    const a = (await upload(third, pdf('satu'), 'sk-ppid.pdf').expect(201)).body;
    const b = (await upload(third, pdf('dua'), 'sop.pdf').expect(201)).body;
    const listed = await t.http().get(`${API}/participations/${third.participationId}/evidence`).set(bearer(third.token)).expect(200);
    expect(listed.body.items.map((e: { id: string; fileName: string; size: number; sha256: string }) => [e.id, e.fileName, e.size, e.sha256])).toEqual([
      [a.id, 'sk-ppid.pdf', a.size, a.sha256],
      [b.id, 'sop.pdf', b.size, b.sha256],
    ]);
    await t.http().get(`${API}/participations/${third.participationId}/evidence`).set(bearer(t.adminToken)).expect(200);
    // Another body's list is not found, as everything of someone else is.
    await t.http().get(`${API}/participations/${third.participationId}/evidence`).set(bearer(opd.token)).expect(404);
    // The reused file counts: 1.1 now has its evidence.
    await put(third, '1.1', { value: true, evidenceIds: [a.id] }).expect(200);
    await put(third, '1.2', { value: ['register'], evidenceIds: [a.id] }).expect(200);
    const after = await t.http().get(`${API}/participations/${third.participationId}`).set(bearer(third.token)).expect(200);
    expect(after.body.progressByAspect[0]).toMatchObject({ aspectCode: 'A1', answered: 2, missingEvidence: 0 });
  });

  it('refuses values that do not fit the question type with 400 naming value', async () => {
    const bad: [string, unknown][] = [
      ['1.1', 'yes'],
      ['2.1', 'maybe'],
      ['1.2', ['register', 'register']],
      ['2.2', 'abc'],
      ['2.3', 42],
    ];
    for (const [code, value] of bad) {
      const res = await put(opd, code, { value, url: code === '2.1' || code === '1.2' ? 'https://x.go.id' : undefined }).expect(400);
      expect(res.body.details[0].field).toBe('value');
    }
    await put(opd, '2.1', { value: 'lama', url: 'javascript:alert(1)' }).expect(400);
    const noneKind = await put(opd, '2.2', { value: 5, url: 'https://x.go.id' }).expect(400);
    expect(noneKind.body.message).toMatch(/no evidence/);
    await put(opd, '9.9', { value: true }).expect(404);
    const na = await put(opd, '2.4', { value: true }).expect(422);
    expect(na.body.message).toMatch(/does not apply/);
    await put(opd, '1.1', { value: true, evidenceIds: ['999999'] }).expect(400);
  });

  it('resolves two writes with the same version: one wins, the other gets 409, the winner is stored', async () => {
    const first = await put(opd, '2.3', { value: 'awal' }).expect(200);
    expect(first.body.version).toBe(1);
    const [a, b] = await Promise.all([put(opd, '2.3', { value: 'versi A', version: 1 }), put(opd, '2.3', { value: 'versi B', version: 1 })]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? 'versi A' : 'versi B';
    const stored = await t.http().get(`${API}/participations/${opd.participationId}/answers`).set(bearer(opd.token)).expect(200);
    expect(stored.body.items.find((i: { questionCode: string }) => i.questionCode === '2.3')).toMatchObject({ value: winner, version: 2 });
    const stale = await put(opd, '2.3', { value: 'basi', version: 1 }).expect(409);
    expect(stale.body.details.currentVersion).toBe(2);
  });

  it('overwrites without a version, audits every save with before and after, and survives a period change between saves', async () => {
    const first = await put(opd, '2.2', { value: 49 }).expect(200);
    expect(first.body).toMatchObject({ version: 1, selfPoints: '1.00' });
    // A change of the period moves its version: the save after it must still go through.
    const current = await t.http().get(`${API}/periods/${period.id}`).set(bearer(t.adminToken)).expect(200);
    await t.http().patch(`${API}/periods/${period.id}`).set(bearer(t.adminToken)).send({ name: 'Monev 2030 (diperbarui)', version: current.body.version }).expect(200);
    const second = await put(opd, '2.2', { value: 50 }).set('X-Request-Id', 'save-audit-2').expect(200);
    expect(second.body).toMatchObject({ version: 2, selfPoints: '2.50' });
    await put(opd, '2.2', { value: 0, version: 1 }).expect(409);

    const audit = await t.http().get(`${API}/audit?entityType=answer&entityId=${opd.participationId}:2.2`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items).toHaveLength(2); // the refused write left none
    expect(audit.body.items[0]).toMatchObject({
      action: 'answer.save',
      before: { version: 1, selfPoints: '1.00' },
      after: { version: 2, selfPoints: '2.50' },
      requestId: 'save-audit-2',
    });
    expect(audit.body.items[1]).toMatchObject({ before: null, after: { version: 1, selfPoints: '1.00' } });
    const stored = await t.http().get(`${API}/participations/${opd.participationId}/answers`).set(bearer(opd.token)).expect(200);
    expect(stored.body.items.find((i: { questionCode: string }) => i.questionCode === '2.2')).toMatchObject({ value: 50, version: 2 });
  });

  it('gives each of many simultaneous overwrites its own version and audit row', async () => {
    const base = (await put(opd, '2.1', { value: 'lama', url: 'https://ppid.example.go.id/a' }).expect(200)).body.version;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => put(opd, '2.1', { value: 'lama', note: `catatan ${i}`, url: `https://ppid.example.go.id/${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    const versions = results.map((r) => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => base + 1 + i));
    const audit = await t.http().get(`${API}/audit?entityType=answer&entityId=${opd.participationId}:2.1&pageSize=50`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items.map((a: { after: { version: number } }) => a.after.version).sort((a: number, b: number) => a - b)).toEqual([base, ...versions]);
  });

  it('checks evidence by content and size, and never uses the client name as a path', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)]);
    const notPdf = await upload(opd, png, 'scan.pdf').expect(422);
    expect(notPdf.body.message).toMatch(/PDF/);
    const tooBig = await upload(opd, pdf('besar', 2_097_153)).expect(422);
    expect(tooBig.body.statusCode).toBe(422);
    const exact = await upload(opd, pdf('pas', 2_097_152), 'pas.pdf').expect(201);
    expect(exact.body.size).toBe(2_097_152);
    const sneaky = await upload(opd, pdf('sneaky'), '../../etc/passwd.pdf').set('X-Request-Id', 'upload-sneaky').expect(201);
    expect(sneaky.body.fileName).toBe('passwd.pdf');
    expect(sneaky.headers['x-request-id']).toBe('upload-sneaky');
    const uploadAudit = await t.http().get(`${API}/audit?entityType=evidence&entityId=${sneaky.body.id}`).set(bearer(t.adminToken)).expect(200);
    expect(uploadAudit.body.items[0]).toMatchObject({ action: 'evidence.upload', requestId: 'upload-sneaky' });
    expect(sneaky.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Every stored file sits under STORAGE_DIR/evidence with a generated name.
    const root = t.env.STORAGE_DIR;
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : files.push(path.relative(root, path.join(d, n)))));
    walk(root);
    expect(files.every((fp) => /^evidence\/\d+\/\d+\/[0-9a-f-]{36}\.pdf$/.test(fp))).toBe(true);
    const dl = await t
      .http()
      .get(`${API}/evidence/${sneaky.body.id}`)
      .set(bearer(opd.token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect((dl.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await t.http().get(`${API}/evidence/${sneaky.body.id}`).set(bearer(t.adminToken)).expect(200);
    // Another body cannot fetch it.
    await t.http().get(`${API}/evidence/${sneaky.body.id}`).set(bearer(bumd.token)).expect(404);
  });

  it('keeps one body out of another body\u2019s participation', async () => {
    await t.http().get(`${API}/participations/${opd.participationId}`).set(bearer(bumd.token)).expect(404);
    await t.http().get(`${API}/participations/${opd.participationId}/answers`).set(bearer(bumd.token)).expect(404);
    await put({ ...opd, token: bumd.token }, '1.1', { value: true }).expect(404);
    await upload({ ...opd, token: bumd.token }, pdf()).expect(404);
    await t.http().post(`${API}/participations/${opd.participationId}/submit`).set(bearer(bumd.token)).expect(404);
    const mine = await t.http().get(`${API}/participations/mine`).set(bearer(bumd.token)).expect(200);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([bumd.participationId]);
  });

  it('refuses submit with missing answers and evidence, listing each', async () => {
    const fresh = await t.http().post(`${API}/participations/${bumd.participationId}/submit`).set(bearer(bumd.token)).expect(422);
    const missing = fresh.body.details.missing;
    expect(missing.map((m: { questionCode: string; missing: string }) => `${m.questionCode}:${m.missing}`)).toEqual([
      '1.1:ANSWER',
      '1.2:ANSWER',
      '2.1:ANSWER',
      '2.2:ANSWER',
      '2.4:ANSWER',
    ]);
    await put(bumd, '1.1', { value: true }).expect(200);
    const partial = await t.http().post(`${API}/participations/${bumd.participationId}/submit`).set(bearer(bumd.token)).expect(422);
    expect(partial.body.details.missing[0]).toEqual({
      questionCode: '1.1',
      missing: 'EVIDENCE',
      code: 'SAQ_EVIDENCE_MISSING',
      message: 'question 1.1 needs a PDF file as evidence',
    });
  });

  it('fills and submits the whole SAQ, then it is read-only', async () => {
    await fillSmallInstrument(t, bumd);
    const res = await t.http().post(`${API}/participations/${bumd.participationId}/submit`).set(bearer(bumd.token)).expect(200);
    expect(res.body).toMatchObject({ status: 'SUBMITTED', writable: false, progress: { answered: 6, total: 6, missingEvidence: 0 } });
    expect(res.body.submittedAt).toBeTruthy();
    const after = await put(bumd, '2.3', { value: 'ubah' }).expect(422);
    expect(after.body.message).toMatch(/already submitted/);
    await upload(bumd, pdf()).expect(422);
    await t.http().post(`${API}/participations/${bumd.participationId}/submit`).set(bearer(bumd.token)).expect(422);
    const audit = await t.http().get(`${API}/audit?entityType=participation&entityId=${bumd.participationId}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'participation.submit', before: { status: 'IN_PROGRESS' }, after: { status: 'SUBMITTED' } });
  });

  it('keeps saving while another body\u2019s submit or deadline change holds its participation', async () => {
    // What submit and PUT /deadline lock, held open here: only that body's row, so other bodies' saves
    // (which share-lock the period row) do not wait behind it.
    const ds = t.get<DataSource>(DataSource);
    const access = t.get<ParticipationAccess>(ParticipationAccess);
    const admin = { id: '1', organizerId: t.defaultOrganizerId, role: 'admin' as const, publicBodyId: null, platformAdmin: true };
    await ds.transaction(async (em) => {
      await access.load(admin, third.participationId, 'admin', em, 'update');
      const started = Date.now();
      const res = await put(opd, '2.3', { value: 'tidak menunggu' }).expect(200);
      expect(res.body.value).toBe('tidak menunggu');
      expect(Date.now() - started).toBeLessThan(5_000); // the lock wait would be 50 s
    });
  });

  it('closes a body at once when an admin brings its deadline forward, right after a save', async () => {
    const closesAt = new Date(period.schedule.SAQ.closesAt);
    t.clock.set(new Date(closesAt.getTime() - 60_000));
    await put(third, '2.3', { value: 'sebelum dimajukan' }).expect(200);
    const deadline = (at: Date, reason: string) =>
      t.http().put(`${API}/participations/${third.participationId}/deadline`).set(bearer(t.adminToken)).send({ closesAt: at.toISOString(), reason }).expect(200);
    await deadline(new Date(closesAt.getTime() - 120_000), 'Dimajukan: uji');
    const refused = await put(third, '2.3', { value: 'sesudah dimajukan' }).expect(422);
    expect(refused.body.message).toMatch(/deadline passed/);
    const stored = await t.http().get(`${API}/participations/${third.participationId}/answers`).set(bearer(third.token)).expect(200);
    expect(stored.body.items.find((i: { questionCode: string }) => i.questionCode === '2.3').value).toBe('sebelum dimajukan');
    await deadline(closesAt, 'Dikembalikan');
    t.clock.reset();
  });

  it('closes at closesAt exactly; an extension lets one body in while the others stay closed', async () => {
    const closesAt = new Date(period.schedule.SAQ.closesAt);
    t.clock.set(new Date(closesAt.getTime() - 1));
    await put(opd, '2.3', { value: 'sebelum tenggat' }).expect(200);
    t.clock.set(closesAt);
    const atDeadline = await put(opd, '2.3', { value: 'tepat tenggat' }).expect(422);
    expect(atDeadline.body.message).toMatch(/deadline passed/);
    t.clock.set(new Date(closesAt.getTime() + DAY));
    await put(third, '2.3', { value: 'terlambat' }).expect(422);

    const ext = await t
      .http()
      .put(`${API}/participations/${opd.participationId}/deadline`)
      .set(bearer(t.adminToken))
      .send({ closesAt: new Date(closesAt.getTime() + 3 * DAY).toISOString(), reason: 'Gangguan server di kabupaten' })
      .expect(200);
    expect(ext.body).toMatchObject({ deadlineExtended: true, writable: true });
    await put(opd, '2.3', { value: 'dengan perpanjangan' }).expect(200);
    await put(third, '2.3', { value: 'masih tertutup' }).expect(422);
    await t.http().put(`${API}/participations/${opd.participationId}/deadline`).set(bearer(opd.token)).send({ closesAt: closesAt.toISOString(), reason: 'x' }).expect(403);
    const audit = await t.http().get(`${API}/audit?entityType=participation&entityId=${opd.participationId}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'participation.deadline', reason: 'Gangguan server di kabupaten', before: { deadline: closesAt.toISOString() } });

    // The running extension blocks SAQ -> VERIFICATION unless forced.
    const blocked = await t.http().post(`${API}/periods/${period.id}/advance`).set(bearer(t.adminToken)).send({ to: 'VERIFICATION' }).expect(422);
    expect(blocked.body.details.unmet[0].code).toBe('PERIOD_EXTENSION_RUNNING');
    t.clock.set(new Date(closesAt.getTime() + 4 * DAY));
    await put(opd, '2.3', { value: 'perpanjangan habis' }).expect(422);
    await f.advance(period.id, 'VERIFICATION');
    // Outside the SAQ stage nothing is written; bodies that never submitted are NOT_PARTICIPATING.
    const closed = await put(opd, '2.3', { value: 'tahap lain' }).expect(422);
    expect(closed.body.message).toMatch(/period is in VERIFICATION/);
    const list = await t.http().get(`${API}/periods/${period.id}/participants`).set(bearer(t.adminToken)).expect(200);
    const byId = Object.fromEntries(list.body.items.map((i: { id: string; status: string }) => [i.id, i.status]));
    expect(byId[bumd.participationId]).toBe('SUBMITTED');
    expect(byId[opd.participationId]).toBe('NOT_PARTICIPATING');
    t.clock.reset();
  });
});
