import { API, Factory, fillSmallInstrument, pdf, publishedPeriod, saqPeriod, verifiedPeriod } from './factories';
import { SmtpCapture } from './support/smtp-capture';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

const DAY = 24 * 3600 * 1000;
const TICK_MS = 250;

/** Invitations, resets and notices against a real SMTP server in this process. */
describe('accounts and notices by e-mail', () => {
  let t: TestApp;
  let f: Factory;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { ...smtp.env(), MAIL_ATTEMPTS: '3', MAIL_RETRY_DELAY_MS: '100', NOTICE_TICK_MS: String(TICK_MS), PASSWORD_RESET_RATE_LIMIT: '3', ACTIVATION_LINK_TTL_HOURS: '48' },
    });
    f = new Factory(t);
    if (!(await t.http().get(`${API}/categories`).set(bearer(t.adminToken))).body.items.some((c: { code: string }) => c.code === 'OPD'))
      await f.category('OPD', 'Organisasi Perangkat Daerah');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });
  afterEach(() => {
    smtp.refuse(0);
    smtp.hold(0);
    t.clock.reset();
  });

  const admin = () => ({ get: (p: string) => t.http().get(`${API}${p}`).set(bearer(t.adminToken)), post: (p: string) => t.http().post(`${API}${p}`).set(bearer(t.adminToken)) });
  const mailTo = (address: string, n = 1) => eventually(async () => smtp.to(address).length >= n && smtp.to(address), 20000);
  const outbox = async (q = '') =>
    (await admin().get(`/notifications?pageSize=500${q}`).expect(200)).body.items as {
      recipientEmail: string;
      occasion: string;
      status: string;
      attempts: number;
      lastError: string | null;
    }[];
  const tokenOf = (link: string) => link.split('/').pop()!;

  it('invites a PPID at the registry e-mail; the link activates the account once, and a re-invitation replaces it', async () => {
    const body = await f.body('OPD', 'Dinas Komunikasi dan Informatika', { email: 'ppid@diskominfo.test' });
    const invited = await admin().post('/invitations').send({ publicBodyId: body.id }).expect(201);
    expect(invited.body).toMatchObject({ email: 'ppid@diskominfo.test', created: true });
    const [mail] = await mailTo('ppid@diskominfo.test');
    expect(mail.subject).toBe('Undangan akun monev KIP Komisi Informasi Provinsi Uji');
    expect(mail.text).toContain('Dinas Komunikasi dan Informatika');
    expect(mail.html).toContain('Aktifkan akun');
    const first = tokenOf(SmtpCapture.linkIn(mail));

    // Re-inviting: a new link; the first one no longer works.
    await admin().post(`/users/${invited.body.userId}/invitation`).expect(201);
    const second = tokenOf(SmtpCapture.linkIn((await mailTo('ppid@diskominfo.test', 2))[1]));
    expect(second).not.toBe(first);
    await t.http().get(`${API}/account/activation/${first}`).expect(404);
    const info = await t.http().get(`${API}/account/activation/${second}`).expect(200);
    expect(info.body).toMatchObject({ purpose: 'ACTIVATION', email: 'ppid@diskominfo.test', name: 'PPID Dinas Komunikasi dan Informatika' });

    await t.http().post(`${API}/auth/login`).send({ email: 'ppid@diskominfo.test', password: 'sandi-baru-yang-panjang' }).expect(401);
    await t.http().post(`${API}/account/activation`).send({ token: second, password: 'pendek' }).expect(400);
    await t.http().post(`${API}/account/activation`).send({ token: second, password: 'sandi-baru-yang-panjang' }).expect(200);
    const token = await t.login('ppid@diskominfo.test', 'sandi-baru-yang-panjang');
    expect((await t.http().get(`${API}/auth/me`).set(bearer(token)).expect(200)).body).toMatchObject({ role: 'public_body', publicBodyId: body.id });
    const again = await t.http().post(`${API}/account/activation`).send({ token: second, password: 'sandi-lain-yang-panjang' }).expect(422);
    expect(again.body.code).toBe('NOTIFICATION_LINK_USED');
    expect(await outbox('&occasion=INVITATION')).toEqual(
      expect.arrayContaining([expect.objectContaining({ recipientEmail: 'ppid@diskominfo.test', status: 'SENT', attempts: 1 })]),
    );
  });

  it('lets an activation link expire', async () => {
    const invited = await admin()
      .post('/invitations')
      .send({ email: 'verifikator@kampus.test', name: 'Dr. Verifikator', role: 'assessor', affiliation: 'Universitas Uji' })
      .expect(201);
    const link = tokenOf(SmtpCapture.linkIn((await mailTo('verifikator@kampus.test'))[0]));
    t.clock.set(new Date(Date.parse(invited.body.expiresAt) + 1000));
    const res = await t.http().post(`${API}/account/activation`).send({ token: link, password: 'sandi-verifikator-1' }).expect(422);
    expect(res.body.code).toBe('NOTIFICATION_LINK_EXPIRED');
    await t
      .http()
      .post(`${API}/account/activation`)
      .send({ token: 'x'.repeat(43), password: 'sandi-verifikator-1' })
      .expect(404);
  });

  it('invites every enrolled body of a period as a job with progress', async () => {
    const period = await f.period();
    const bodies = [];
    for (let i = 0; i < 4; i++) bodies.push(await f.body('OPD', `Kecamatan ${i}`, i === 3 ? {} : { email: `ppid${i}@kecamatan.test` }));
    await f.enroll(period.id, { publicBodyIds: bodies.map((b) => b.id) });
    const queued = await admin().post(`/periods/${period.id}/invitations`).expect(202);
    expect(queued.body.total).toBe(4);
    const batch = await eventually(async () => {
      const b = (await admin().get(`/invitation-batches/${queued.body.batchId}`).expect(200)).body;
      return b.status === 'DONE' && b;
    });
    expect(batch).toMatchObject({ total: 4, processed: 4, invited: 3, skipped: 0, failed: 1 });
    expect(batch.failures).toEqual([expect.objectContaining({ publicBodyId: bodies[3].id, publicBodyName: 'Kecamatan 3' })]);
    for (let i = 0; i < 3; i++) await mailTo(`ppid${i}@kecamatan.test`);
    const list = (await admin().get(`/periods/${period.id}/invitations`).expect(200)).body.items;
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ publicBodyName: 'Kecamatan 0', officialEmail: 'ppid0@kecamatan.test', activated: false, mailStatus: 'SENT' });
    expect(list[3]).toMatchObject({ officialEmail: null, userId: null });
    // Once a body activated, a second batch leaves it alone.
    const link = tokenOf(SmtpCapture.linkIn(smtp.to('ppid0@kecamatan.test')[0]));
    await t.http().post(`${API}/account/activation`).send({ token: link, password: 'sandi-kecamatan-0' }).expect(200);
    const again = await admin().post(`/periods/${period.id}/invitations`).expect(202);
    const second = await eventually(async () => {
      const b = (await admin().get(`/invitation-batches/${again.body.batchId}`).expect(200)).body;
      return b.status === 'DONE' && b;
    });
    expect(second).toMatchObject({ invited: 2, skipped: 1, failed: 1 });
    expect(smtp.to('ppid0@kecamatan.test')).toHaveLength(1);
  });

  it('resets a password by e-mail: the same answer for an unknown address, rate-limited, every session ended', async () => {
    const ppid = await f.user('assessor');
    const session = await t.http().post(`${API}/auth/login`).send({ email: ppid.email, password: ppid.password }).expect(200);
    const cookie = session.headers['set-cookie'];
    const unknown = await t.http().post(`${API}/account/password-reset`).send({ email: 'tidak-ada@nowhere.test' }).expect(202);
    const known = await t.http().post(`${API}/account/password-reset`).send({ email: ppid.email.toUpperCase() }).expect(202);
    expect(known.body).toEqual(unknown.body);
    const [mail] = await mailTo(ppid.email);
    expect(mail.subject).toContain('Atur ulang kata sandi');
    const link = tokenOf(SmtpCapture.linkIn(mail));
    await t.http().get(`${API}/account/password-reset/${link}`).expect(200);
    await t.http().get(`${API}/account/activation/${link}`).expect(404);
    await t.http().post(`${API}/account/password-reset/confirm`).send({ token: link, password: 'sandi-baru-setelah-reset' }).expect(200);
    await t.http().get(`${API}/auth/me`).set(bearer(ppid.token)).expect(401);
    await t.http().post(`${API}/auth/refresh`).set('Cookie', cookie).expect(401);
    await t.http().post(`${API}/auth/login`).send({ email: ppid.email, password: ppid.password }).expect(401);
    await t.login(ppid.email, 'sandi-baru-setelah-reset');
    await t.http().post(`${API}/account/password-reset/confirm`).send({ token: link, password: 'sandi-ketiga-kalinya' }).expect(422);
    // The limit (3 in this run, per address and per e-mail) holds whether or not the address exists.
    await t.http().post(`${API}/account/password-reset`).send({ email: 'tidak-ada@nowhere.test' }).expect(202);
    const limited = await t.http().post(`${API}/account/password-reset`).send({ email: 'tidak-ada@nowhere.test' }).expect(429);
    expect(limited.body.code).toBe('NOTIFICATION_TOO_MANY_RESET_REQUESTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.to('tidak-ada@nowhere.test')).toHaveLength(0);
  });

  it('retries a refusing SMTP server and shows the attempts and the error in the outbox', async () => {
    smtp.refuse(1);
    await admin().post('/invitations').send({ email: 'panelis1@akademisi.test', name: 'Panelis Satu', role: 'panelist' }).expect(201);
    await mailTo('panelis1@akademisi.test');
    const [recovered] = (await outbox()).filter((n) => n.recipientEmail === 'panelis1@akademisi.test');
    expect(recovered).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });

    smtp.refuse(Infinity);
    await admin().post('/invitations').send({ email: 'panelis2@akademisi.test', name: 'Panelis Dua', role: 'panelist' }).expect(201);
    const failed = await eventually(async () => (await outbox()).find((n) => n.recipientEmail === 'panelis2@akademisi.test' && n.status === 'FAILED'));
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/451/);
    // The worker kept working: the next message goes out.
    smtp.refuse(0);
    await admin().post('/invitations').send({ email: 'panelis3@akademisi.test', name: 'Panelis Tiga', role: 'panelist' }).expect(201);
    await mailTo('panelis3@akademisi.test');
  });

  it('reminds each body 7, 3 and 1 days before its own deadline, not once it submitted, and follows an extension', async () => {
    const { period, bodies } = await saqPeriod(t, f, { count: 3, year: 2031 });
    const emails: string[] = [];
    for (const b of bodies) emails.push((await t.http().get(`${API}/auth/me`).set(bearer(b.token)).expect(200)).body.email);
    await fillSmallInstrument(t, bodies[0]);
    await t.http().post(`${API}/participations/${bodies[0].participationId}/submit`).set(bearer(bodies[0].token)).expect(200);
    const deadline = Date.parse(period.schedule.SAQ.closesAt);
    await t
      .http()
      .put(`${API}/participations/${bodies[1].participationId}/deadline`)
      .set(bearer(t.adminToken))
      .send({ closesAt: new Date(deadline + 5 * DAY).toISOString(), reason: 'Perpanjangan' })
      .expect(200);
    const reminders = async (address: string) => smtp.to(address).filter((m) => m.subject.startsWith('Pengingat'));
    const settle = () => new Promise((r) => setTimeout(r, 4 * TICK_MS));

    t.clock.set(new Date(deadline - 8 * DAY));
    await settle();
    expect(await reminders(emails[2])).toHaveLength(0);

    t.clock.set(new Date(deadline - 7 * DAY + 60000));
    const [seven] = await eventually(async () => (await reminders(emails[2])).length === 1 && reminders(emails[2]));
    expect(seven.subject).toContain('dalam 7 hari');
    expect(seven.text).toMatch(/Terjawab: 0 dari \d+ pertanyaan/);
    expect(seven.text).toContain('Belum dijawab: 1.1');
    await settle();
    expect(await reminders(emails[2])).toHaveLength(1);
    expect(await reminders(emails[1])).toHaveLength(0); // its deadline is 5 days later

    t.clock.set(new Date(deadline - 3 * DAY + 60000));
    await eventually(async () => (await reminders(emails[2])).length === 2);
    expect((await reminders(emails[2]))[1].subject).toContain('dalam 3 hari');

    t.clock.set(new Date(deadline - 1 * DAY + 60000));
    await eventually(async () => (await reminders(emails[2])).length === 3 && (await reminders(emails[1])).length === 1);
    expect((await reminders(emails[2]))[2].subject).toContain('dalam 1 hari');
    expect((await reminders(emails[1]))[0].subject).toContain('dalam 7 hari');
    await settle();
    expect(await reminders(emails[0])).toHaveLength(0);
    expect(await reminders(emails[2])).toHaveLength(3);
    expect(await reminders(emails[1])).toHaveLength(1);
    const rows = await outbox(`&periodId=${period.id}&occasion=SAQ_REMINDER`);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
  });

  it('tells verified bodies when OBJECTION opens, with the sanggah window, and when a sanggah is decided', async () => {
    const { bodies, assessor } = await verifiedPeriod(t, f, { count: 2, year: 2032, verified: [{ '2.1': 1 }, {}] });
    const emails: string[] = [];
    for (const b of bodies) emails.push((await t.http().get(`${API}/auth/me`).set(bearer(b.token)).expect(200)).body.email);
    for (const e of emails) {
      const [ready] = await mailTo(e);
      expect(ready.subject).toContain('Hasil verifikasi SAQ');
      expect(ready.text).toMatch(/Masa sanggah: .* WIB sampai .* WIB/);
    }
    const up = await t
      .http()
      .post(`${API}/participations/${bodies[0].participationId}/evidence`)
      .set(bearer(bodies[0].token))
      .attach('file', pdf('DIP 2026'), 'dip.pdf')
      .expect(201);
    const filed = await t
      .http()
      .post(`${API}/participations/${bodies[0].participationId}/objections`)
      .set(bearer(bodies[0].token))
      .send({ questionCode: '2.1', reason: 'DIP sudah mutakhir', evidenceIds: [up.body.id] })
      .expect(201);
    await t.http().put(`${API}/objections/${filed.body.id}`).set(bearer(assessor.token)).send({ decision: 'ACCEPTED', points: 4, note: 'Bukti baru sah' }).expect(200);
    const [, decided] = await mailTo(emails[0], 2);
    expect(decided.subject).toBe('Sanggah pertanyaan 2.1 diterima');
    expect(decided.text).toContain('Nilai sebelum sanggah: 1,00');
    expect(decided.text).toContain('Nilai setelah sanggah: 4,00');
    await new Promise((r) => setTimeout(r, 4 * TICK_MS));
    expect(smtp.to(emails[1])).toHaveLength(1);
  });

  it('tells each ranked body that the ranking is published and the piagam can be downloaded, once', async () => {
    const { bodies, period } = await publishedPeriod(t, f, { year: 2033 });
    const emails: string[] = [];
    for (const b of bodies) emails.push((await t.http().get(`${API}/auth/me`).set(bearer(b.token)).expect(200)).body.email);
    const published = (address: string) => smtp.to(address).filter((m) => m.subject.startsWith('Hasil pemeringkatan'));
    await eventually(async () => emails.slice(0, 4).every((e) => published(e).length === 1));
    const [mail] = published(emails[0]);
    expect(mail.subject).toBe(`Hasil pemeringkatan ${period.name} 2033 telah terbit`);
    expect(mail.text).toContain('http://monev.test/peringkat/ki-test/2033');
    expect(mail.text).toContain('Unduh piagam');
    await new Promise((r) => setTimeout(r, 4 * TICK_MS));
    expect(published(emails[4])).toHaveLength(0); // never submitted: not ranked
    expect(published(emails[0])).toHaveLength(1);
  });
});
