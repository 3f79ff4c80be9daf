import { mkdirSync } from 'fs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { ASSESSOR_PAGE_BUDGET_BYTES, pageBudgets } from '../../scripts/web-budget';
import { API, Factory, pdf, saqPeriod, SaqBody, verifiedPeriod } from '../factories';
import { freePort } from '../support/private-servers';
import { bearer, createTestApp, eventually, TestApp } from '../support/test-app';
import { chromiumFound, launchChromium } from './chromium';
import { checkPageAtBothWidths as checkPage, SCREENSHOTS } from './page-checks';

const DAY = 24 * 3600 * 1000;
/** The desk shows the next question with its PDF within this (the next question's evidence is prefetched). */
// The desk's target for N (next question, its PDF shown): reported, not asserted (a timed assertion
// fails on a busy machine); the spec asserts what makes it fast, the standby frame shown without a fetch.
const NEXT_QUESTION_BUDGET_MS = 300;

interface Person {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** The assessor's and the panelist's year in Debian's Chromium against the real API, MySQL and Redis. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: the assessor and the panelist', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let f: Factory;
  let periodId: string;
  let bodies: SaqBody[];
  let assessor: Person;
  let otherAssessor: Person;
  const timings: number[] = [];
  const http = () => t.http();
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));

  /** Answers the small instrument with a PDF on 1.1 and another on 1.2 (so two questions in a row have documents), and submits. */
  const fillAndSubmit = async (b: SaqBody) => {
    const up = async (name: string) =>
      (
        await http()
          .post(`${API}/participations/${b.participationId}/evidence`)
          .set(bearer(b.token))
          .attach('file', pdf(`${name} ${b.name}`), `${name}.pdf`)
          .expect(201)
      ).body.id;
    const sk = await up('sk-ppid');
    const form = await up('formulir');
    const answers: [string, object][] = [
      ['1.1', { value: true, evidenceIds: [sk] }],
      ['1.2', { value: ['permohonan', 'keberatan', 'register'], evidenceIds: [form], url: 'https://ppid.example.go.id/formulir' }],
      ['2.1', { value: 'mutakhir', url: 'https://ppid.example.go.id/dip' }],
      ['2.2', { value: 120 }],
      ['2.3', { value: 'Layanan informasi melalui WhatsApp' }],
    ];
    for (const [code, body] of answers) await http().put(`${API}/participations/${b.participationId}/answers/${code}`).set(bearer(b.token)).send(body).expect(200);
    await http().post(`${API}/participations/${b.participationId}/submit`).set(bearer(b.token)).expect(200);
  };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' } });
    await t.app.listen(port, '127.0.0.1');
    f = new Factory(t);
    const built = await saqPeriod(t, f, { count: 2, year: 2030, categories: ['OPD', 'OPD'] });
    periodId = built.period.id;
    bodies = built.bodies;
    for (const b of bodies) await fillAndSubmit(b);
    await f.advance(periodId, 'VERIFICATION');
    assessor = await f.user('assessor', { affiliation: 'Tim Penilai Independen' });
    otherAssessor = await f.user('assessor', { affiliation: 'Universitas Lain' });
    for (const b of bodies)
      await admin(http().post(`${API}/periods/${periodId}/assignments`))
        .send({ assessorId: assessor.id, participationId: b.participationId })
        .expect(201);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180000);

  afterAll(async () => {
    if (timings.length) console.log(`desk: next question with its PDF shown in ${timings.map((ms) => `${ms} ms`).join(', ')} (target ${NEXT_QUESTION_BUDGET_MS} ms)`);
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (who: { email: string; password: string }, heading: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await page.goto(base + '/masuk');
    await page.getByLabel('E-mail').fill(who.email);
    await page.locator('#login-password').fill(who.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
    return { context, page };
  };

  const desk = (page: Page) => page.getByTestId('desk-question');
  const onQuestion = (page: Page, code: string) => page.locator(`[data-testid="desk-question"][data-code="${code}"]`).waitFor();
  const savedState = (page: Page) => desk(page).locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 10000 });
  const stored = async (pid: string) =>
    new Map(
      (
        (await admin(http().get(`${API}/participations/${pid}/verifications`)).expect(200)).body.items as {
          questionCode: string;
          verifiedPoints: string;
          status: string;
          note: string | null;
        }[]
      ).map((i) => [i.questionCode, i]),
    );

  it('keeps the assessor pages within the JS budget', () => {
    const page = pageBudgets().find((b) => b.page.includes('(assessor)'))!;
    console.log(`assessor pages: ${(page.gzipBytes / 1024).toFixed(1)} KB JS gzip (budget ${ASSESSOR_PAGE_BUDGET_BYTES / 1024} KB)`);
    expect(page.gzipBytes).toBeLessThanOrEqual(ASSESSOR_PAGE_BUDGET_BYTES);
  });

  it('verifies a whole SAQ with the mouse: accept, adjust (above the maximum refused), inaccessible, notes; completing too early lists what is left', async () => {
    const { context, page } = await signedIn(assessor, 'Beranda verifikator');
    const row = page.locator(`[data-testid="assignment"][data-id="${bodies[0].participationId}"]`);
    await expect(row.getByTestId('progress').textContent()).resolves.toBe('0 / 5 terverifikasi');
    await expect(row.getByTestId('closing').textContent()).resolves.toMatch(/^Batas verifikasi: \d{1,2} \w{3} 2\d{3} \d{2}\.\d{2} WIB · Sisa waktu/);
    await checkPage(page, 'assessor-beranda');
    await row.getByRole('link', { name: `Verifikasi ${bodies[0].name}` }).click();
    await onQuestion(page, '1.1');
    // The body's answer, its self points and its PDF inline beside it.
    await expect(desk(page).getByTestId('answer-value').textContent()).resolves.toBe('Ya');
    await expect(desk(page).getByTestId('self-points').textContent()).resolves.toBe('2,00');
    await page.locator('[data-current="true"] iframe[data-testid="pdf-frame"][data-loaded="true"]').waitFor();
    await checkPage(page, 'assessor-meja');

    await desk(page).getByRole('radio', { name: 'Terima' }).check();
    await savedState(page);
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await onQuestion(page, '1.2');
    // A link is shown with its address and opens in a new tab.
    const link = page.getByTestId('evidence-url').getByRole('link');
    await expect(link.textContent()).resolves.toBe('https://ppid.example.go.id/formulir');
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    await desk(page).getByRole('radio', { name: 'Sesuaikan' }).check();
    await desk(page)
      .getByLabel(/Nilai verifikasi/)
      .fill('5');
    await desk(page).getByLabel('Catatan verifikator').fill('Formulir register tidak dilampirkan');
    await desk(page).getByText('Nilai harus antara 0 dan 3,00 (nilai maksimal pertanyaan ini).').waitFor({ timeout: 10000 });
    expect((await stored(bodies[0].participationId)).get('1.2')).toMatchObject({ verifiedPoints: null });
    await checkPage(page, 'assessor-meja-ditolak');
    await desk(page)
      .getByLabel(/Nilai verifikasi/)
      .fill('1,5');
    await savedState(page);
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await onQuestion(page, '2.1');
    await desk(page).getByRole('radio', { name: 'Bukti tidak dapat diakses' }).check();
    await desk(page).getByLabel('Catatan verifikator').fill('Tautan DIP tidak dapat dibuka');
    await savedState(page);
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await onQuestion(page, '2.2');
    // Meanwhile an admin verified 2.2 elsewhere: the desk's save is stale (409) and the assessor chooses.
    await admin(http().put(`${API}/participations/${bodies[0].participationId}/verifications/2.2`))
      .send({ points: 1, status: 'ADJUSTED', note: 'Dari admin', version: 0 })
      .expect(200);
    await desk(page).getByRole('radio', { name: 'Terima' }).check();
    const conflict = desk(page).getByTestId('conflict');
    await conflict.waitFor({ timeout: 10000 });
    await expect(conflict.textContent()).resolves.toContain('Tersimpan di server (versi 1): Sesuaikan, nilai 1,00');
    await checkPage(page, 'assessor-meja-konflik');
    await conflict.getByRole('button', { name: 'Pakai keputusan saya' }).click();
    await savedState(page);

    // Too early: 2.3 is still open, and its link takes the desk there.
    await page.getByRole('button', { name: 'Selesaikan verifikasi' }).click();
    const left = page.getByTestId('complete-error');
    await left.waitFor();
    expect(await left.getByRole('link').allTextContents()).toEqual(['Pertanyaan 2.3 belum diverifikasi']);
    await checkPage(page, 'assessor-belum-lengkap');
    await left.getByRole('link', { name: 'Pertanyaan 2.3 belum diverifikasi' }).click();
    await onQuestion(page, '2.3');
    await desk(page).getByRole('radio', { name: 'Terima' }).check();
    await savedState(page);
    await page.getByRole('button', { name: 'Selesaikan verifikasi' }).click();
    await page.getByTestId('complete-done').waitFor();
    await expect(page.getByTestId('status').textContent()).resolves.toBe('Terverifikasi');

    const v = await stored(bodies[0].participationId);
    expect(v.get('1.1')).toMatchObject({ verifiedPoints: '2.00', status: 'ACCEPTED' });
    expect(v.get('1.2')).toMatchObject({ verifiedPoints: '1.50', status: 'ADJUSTED', note: 'Formulir register tidak dilampirkan' });
    expect(v.get('2.1')).toMatchObject({ verifiedPoints: '0.00', status: 'EVIDENCE_INACCESSIBLE', note: 'Tautan DIP tidak dapat dibuka' });
    expect(v.get('2.2')).toMatchObject({ verifiedPoints: '2.50', status: 'ACCEPTED' });
    expect(v.get('2.3')).toMatchObject({ verifiedPoints: '0.00', status: 'ACCEPTED' });
    await context.close();
  });

  it('verifies a second body by keyboard alone, the next PDF shown at once from its standby frame (no fetch on the key)', async () => {
    const { context, page } = await signedIn(assessor, 'Beranda verifikator');
    await page.goto(`${base}/beranda/verifikasi/${bodies[1].participationId}`);
    await onQuestion(page, '1.1');
    await page.locator('[data-current="true"] iframe[data-testid="pdf-frame"][data-loaded="true"]').waitFor();
    await page.getByText('pertanyaan berikutnya').waitFor(); // the shortcuts are shown
    await page.keyboard.press('t');
    await savedState(page);
    // N: the next question with its (prefetched) PDF.
    const nextPdf = (
      (await admin(http().get(`${API}/participations/${bodies[1].participationId}/answers`)).expect(200)).body.items as { questionCode: string; evidenceIds: string[] }[]
    ).find((a) => a.questionCode === '1.2')!.evidenceIds[0];
    // The next question's document already stands by, loaded, in its own (hidden) frame; marked here so
    // that after N the shown frame can be told to be that one, not a new frame loading it again.
    const standby = page.locator(`[data-current="false"] iframe[data-evidence="${nextPdf}"][data-loaded="true"]`);
    await standby.waitFor({ state: 'attached' });
    await standby.evaluate((el) => el.setAttribute('data-standby-mark', 'yes'));
    const evidenceFetches: string[] = [];
    const onRequest = (r: Request) => {
      if (r.url().includes('/evidence/')) evidenceFetches.push(r.url());
    };
    page.on('request', onRequest);
    // Measured in the page: from the key press to the next question's PDF loaded and shown.
    await page.evaluate(() =>
      window.addEventListener('keydown', () => ((window as unknown as { pressedAt: number }).pressedAt = performance.now()), { capture: true, once: true }),
    );
    await page.keyboard.press('n');
    const shownAfter = await (
      await page.waitForFunction(
        (eid) => {
          const frame = document.querySelector(`[data-current="true"] iframe[data-evidence="${eid}"][data-loaded="true"]`);
          return frame && document.querySelector('[data-testid="desk-question"][data-code="1.2"]')
            ? performance.now() - (window as unknown as { pressedAt: number }).pressedAt
            : null;
        },
        nextPdf,
        { polling: 'raf' },
      )
    ).jsonValue();
    timings.push(Math.round(shownAfter as number));
    await onQuestion(page, '1.2');
    // Shown at once because nothing was loaded on the key press: the standby frame itself, no fetch.
    expect(await page.locator(`[data-current="true"] iframe[data-evidence="${nextPdf}"]`).getAttribute('data-standby-mark')).toBe('yes');
    page.off('request', onRequest);
    expect(evidenceFetches).toEqual([]);
    // S: adjust and type the points; C: the note; Esc back to the desk.
    await page.keyboard.press('s');
    await page.keyboard.type('2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await page.keyboard.type('Register permohonan belum diperbarui');
    await page.keyboard.press('Escape');
    await savedState(page);
    await page.keyboard.press('n');
    await onQuestion(page, '2.1');
    await page.keyboard.press('x');
    await page.keyboard.press('c');
    await page.keyboard.type('Tautan tidak dapat dibuka');
    await page.keyboard.press('Escape');
    await savedState(page);
    await page.keyboard.press('n');
    await onQuestion(page, '2.2');
    await page.keyboard.press('t');
    await savedState(page);
    await page.keyboard.press('n');
    await onQuestion(page, '2.3');
    await page.keyboard.press('t');
    await savedState(page);
    // P goes back: the previous question with its PDF.
    await page.keyboard.press('p');
    await onQuestion(page, '2.2');
    await page.getByRole('button', { name: 'Selesaikan verifikasi' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('complete-done').waitFor();
    const v = await stored(bodies[1].participationId);
    expect([...v.values()].map((i) => [i.questionCode, i.verifiedPoints, i.status])).toEqual([
      ['1.1', '2.00', 'ACCEPTED'],
      ['1.2', '2.00', 'ADJUSTED'],
      ['2.1', '0.00', 'EVIDENCE_INACCESSIBLE'],
      ['2.2', '2.50', 'ACCEPTED'],
      ['2.3', '0.00', 'ACCEPTED'],
    ]);
    expect((await admin(http().get(`${API}/participations/${bodies[1].participationId}`)).expect(200)).body.status).toBe('VERIFIED');
    await context.close();
  });

  it('shows another assessor the not-found page for a participation it was not given', async () => {
    const { context, page } = await signedIn(otherAssessor, 'Beranda verifikator');
    await expect(page.getByText('Belum ada kuesioner yang ditugaskan kepada Anda.').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('link', { name: /Verifikasi|Sanggah/ }).count()).toBe(0);
    for (const where of ['verifikasi', 'sanggah']) {
      await page.goto(`${base}/beranda/${where}/${bodies[0].participationId}`);
      await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
      expect(await page.getByText(bodies[0].name).count()).toBe(0);
    }
    await checkPage(page, 'assessor-tidak-ditemukan');
    await context.close();
  });

  it('decides two sanggah: one accepted with new points moves the score as the API computes, one rejected; the PPID sees the same scores', async () => {
    await f.advance(periodId, 'OBJECTION');
    const [b0, b1] = bodies;
    const explain = async (pid: string) => (await admin(http().get(`${API}/participations/${pid}/verifications`)).expect(200)).body;
    const before0 = await explain(b0.participationId);
    const fresh = (await http().post(`${API}/participations/${b0.participationId}/evidence`).set(bearer(b0.token)).attach('file', pdf('DIP 2030'), 'dip-baru.pdf').expect(201)).body
      .id;
    await http()
      .post(`${API}/participations/${b0.participationId}/objections`)
      .set(bearer(b0.token))
      .send({ questionCode: '2.1', reason: 'Tautan DIP sudah dipulihkan; lihat dokumen DIP terlampir', evidenceIds: [fresh], url: 'https://ppid.example.go.id/dip-2030' })
      .expect(201);
    await http().post(`${API}/participations/${b0.participationId}/objections`).set(bearer(b0.token)).send({ questionCode: '1.2', reason: 'Register sudah ada' }).expect(201);

    const { context, page } = await signedIn(assessor, 'Beranda verifikator');
    const row = page.locator(`[data-testid="assignment"][data-id="${b0.participationId}"]`);
    await expect(row.getByTestId('open-objections').textContent()).resolves.toBe('2 sanggah menunggu');
    await row.getByRole('link', { name: `Sanggah ${b0.name}` }).click();
    const o21 = page.locator('[data-testid="objection"][data-code="2.1"]');
    await o21.waitFor();
    await expect(o21.getByTestId('objection-reason').textContent()).resolves.toBe('Tautan DIP sudah dipulihkan; lihat dokumen DIP terlampir');
    await expect(o21.getByTestId('evidence-url').allTextContents()).resolves.toEqual([
      'Tautan: https://ppid.example.go.id/dip (dibuka di tab baru)',
      'Tautan: https://ppid.example.go.id/dip-2030 (dibuka di tab baru)',
    ]);
    await o21.locator(`iframe[data-evidence="${fresh}"][data-loaded="true"]`).waitFor();
    await expect(page.getByTestId('saq-score').textContent()).resolves.toContain(before0.saqScore.replace('.', ','));
    await checkPage(page, 'assessor-sanggah');

    await o21.getByRole('radio', { name: 'Diterima' }).check();
    await o21.getByLabel(/Nilai baru/).fill('4,5');
    await o21.getByLabel('Catatan keputusan').fill('DIP dapat diakses');
    await o21.getByRole('button', { name: 'Simpan keputusan' }).click();
    await o21.getByText('Nilai baru wajib diisi, antara 0 dan 4,00.').waitFor(); // above the maximum: refused
    await o21.getByLabel(/Nilai baru/).fill('4');
    await o21.getByRole('button', { name: 'Simpan keputusan' }).click();
    await o21.getByTestId('objection-decision').waitFor();
    const o12 = page.locator('[data-testid="objection"][data-code="1.2"]');
    await o12.getByRole('radio', { name: 'Ditolak' }).check();
    await o12.getByLabel('Catatan keputusan').fill('Register tidak terlampir pada bukti');
    await o12.getByRole('button', { name: 'Simpan keputusan' }).click();
    await expect(o12.getByTestId('objection-decision').textContent()).resolves.toBe('Keputusan: Ditolak. Catatan: Register tidak terlampir pada bukti');

    const after0 = await explain(b0.participationId);
    expect(after0.saqScore).not.toBe(before0.saqScore);
    expect(after0.items.find((i: { questionCode: string }) => i.questionCode === '2.1')).toMatchObject({
      effectivePoints: '4.00',
      objection: { status: 'ACCEPTED', pointsAfter: '4.00' },
    });
    expect(after0.items.find((i: { questionCode: string }) => i.questionCode === '1.2')).toMatchObject({ effectivePoints: '1.50', objection: { status: 'REJECTED' } });
    const shown = (score: string) => score.replace('.', ',');
    await eventually(async () => (await page.getByTestId('saq-score').textContent())!.includes(shown(after0.saqScore)));
    await context.close();

    // The PPIDs read the same scores the API gives.
    for (const [b, explained] of [
      [b0, after0],
      [b1, await explain(b1.participationId)],
    ] as const) {
      const ppid = await f.user('public_body', { publicBodyId: b.bodyId });
      const p = await signedIn(ppid, 'Beranda PPID badan publik');
      await p.page.goto(`${base}/beranda/verifikasi/${b.participationId}`);
      await expect(p.page.getByTestId('saq-score').textContent()).resolves.toBe(`Nilai SAQ setelah verifikasi: ${shown(explained.saqScore)}`);
      await p.context.close();
    }
  });

  describe('the panel and visits by assessors', () => {
    let finals: SaqBody[];
    let panelPeriod: string;
    let panelist: Person;
    let otherPanelist: Person;
    let conflicted: SaqBody;
    let visitor: Person;

    beforeAll(async () => {
      const start = new Date(t.clock.now().getTime() + DAY);
      const built = await verifiedPeriod(t, f, {
        count: 3,
        year: 2031,
        categories: ['OPD', 'OPD', 'OPD'],
        overrides: {
          weights: { saq: 60, visitation: 10, presentation: 30 },
          finalistRule: { type: 'THRESHOLD', value: 50 },
          presentationRubric: [
            { code: 'VISI', title: 'Visi dan komitmen pimpinan', weight: 30 },
            { code: 'INOVASI', title: 'Inovasi layanan informasi', weight: 70 },
          ],
          schedule: Factory.schedule(start, 10, true),
        },
      });
      panelPeriod = built.period.id;
      finals = built.bodies;
      visitor = built.assessor;
      await admin(http().post(`${API}/periods/${panelPeriod}/finalists`)).expect(200);
      conflicted = finals[2];
      panelist = await f.user('panelist', { affiliation: conflicted.name });
      otherPanelist = await f.user('panelist', { affiliation: 'Jurnalis' });
      // The API refuses the conflicted finalist; the others are assigned.
      await admin(http().post(`${API}/periods/${panelPeriod}/panel`))
        .send({ panelistId: panelist.id, participationIds: finals.map((b) => b.participationId) })
        .expect(409);
      await admin(http().post(`${API}/periods/${panelPeriod}/panel`))
        .send({ panelistId: panelist.id, participationIds: [finals[0].participationId, finals[1].participationId] })
        .expect(201);
      await admin(http().post(`${API}/periods/${panelPeriod}/panel`))
        .send({ panelistId: otherPanelist.id, participationIds: [finals[0].participationId] })
        .expect(201);
      await admin(http().post(`${API}/periods/${panelPeriod}/visitors`))
        .send({ assessorId: visitor.id, participationIds: [finals[0].participationId] })
        .expect(201);
      await f.advance(panelPeriod, 'VISITATION');
    }, 120000);

    it("a panelist scores a visitation, an assessor visits its assigned finalist too; the shown score is the API's mean; a conflicted finalist is not listed", async () => {
      const { context, page } = await signedIn(panelist, 'Beranda panelis');
      const listed = await page.getByTestId('finalist').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      expect(listed.sort()).toEqual([finals[0].participationId, finals[1].participationId].sort());
      expect(await page.getByText(conflicted.name).count()).toBe(0);
      await checkPage(page, 'panel-beranda');
      await page.getByRole('link', { name: `Nilai ${finals[0].name}` }).click();
      const visit = page.getByTestId('visitation');
      await visit.getByLabel(/Nilai visitasi/).fill('101');
      await visit.getByRole('button', { name: 'Simpan visitasi' }).click();
      await visit.getByText('Nilai visitasi harus antara 0 dan 100, paling banyak dua desimal.').waitFor();
      await visit.getByLabel(/Nilai visitasi/).fill('85,5');
      await visit.getByLabel('Temuan visitasi').fill('Meja layanan dan papan informasi elektronik tersedia');
      await visit.getByRole('button', { name: 'Simpan visitasi' }).click();
      await visit.getByTestId('visitation-saved').waitFor();
      await expect(visit.getByTestId('body-visitation').textContent()).resolves.toBe('Nilai visitasi finalis (rata-rata semua pengunjung): 85,50');
      await checkPage(page, 'panel-finalis-visitasi');
      // Another finalist's URL that is not its: the not-found page.
      await page.goto(`${base}/beranda/finalis/${conflicted.participationId}`);
      await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
      await context.close();

      // The assessor who verified the body visits it as well: the visitation form of its assigned finalist only.
      const a = await signedIn(visitor, 'Beranda verifikator');
      const visits = a.page.getByTestId('visits');
      await visits.getByRole('link').first().waitFor();
      expect(await visits.getByRole('link').allTextContents()).toEqual([`Isi visitasi ${finals[0].name}`]);
      await visits.getByRole('link', { name: `Isi visitasi ${finals[0].name}` }).click();
      await a.page.getByRole('heading', { name: `Visitasi: ${finals[0].name}` }).waitFor();
      const form = a.page.getByTestId('visitation');
      await form.getByLabel(/Nilai visitasi/).fill('80');
      await form.getByRole('button', { name: 'Simpan visitasi' }).click();
      await form.getByTestId('visitation-saved').waitFor();
      const api = (await http().get(`${API}/visits/mine`).set(bearer(visitor.token)).expect(200)).body.items[0];
      expect(api.bodyVisitationScore).toBe('82.75'); // (85.50 + 80) / 2
      await expect(form.getByTestId('body-visitation').textContent()).resolves.toBe('Nilai visitasi finalis (rata-rata semua pengunjung): 82,75');
      await checkPage(a.page, 'assessor-visitasi');
      await a.page.goto(`${base}/beranda/visitasi/${finals[1].participationId}`);
      await a.page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
      await a.context.close();
    });

    it("a panelist fills the presentation sheet; the weighted total and the finalist's score are the API's", async () => {
      await f.advance(panelPeriod, 'PRESENTATION');
      await http()
        .put(`${API}/participations/${finals[0].participationId}/presentation-scores`)
        .set(bearer(otherPanelist.token))
        .send({
          criteria: [
            { code: 'VISI', score: 70 },
            { code: 'INOVASI', score: '77.33' },
          ],
        })
        .expect(200);
      const { context, page } = await signedIn(panelist, 'Beranda panelis');
      await page.goto(`${base}/beranda/finalis/${finals[0].participationId}`);
      const sheet = page.getByTestId('presentation');
      await sheet.getByLabel(/Visi dan komitmen pimpinan \(bobot 30,00%\)/).fill('90');
      await sheet.getByLabel(/Inovasi layanan informasi \(bobot 70,00%\)/).fill('80,25');
      await sheet.getByRole('button', { name: 'Simpan lembar presentasi' }).click();
      await sheet.getByTestId('own-total').getByText('83,18').waitFor(); // 0.3 * 90 + 0.7 * 80.25 = 83.175
      const mine = (await http().get(`${API}/panel/mine`).set(bearer(panelist.token)).expect(200)).body.items.find(
        (i: { participationId: string }) => i.participationId === finals[0].participationId,
      );
      expect(mine.presentation.total).toBe('83.18');
      expect(mine.bodyPresentationScore).toBe('79.15'); // (83.175 + 75.131) / 2 = 79.153
      await expect(sheet.getByTestId('body-presentation').textContent()).resolves.toBe('Nilai presentasi finalis (rata-rata panelis): 79,15');
      await checkPage(page, 'panel-finalis-presentasi');
      await context.close();
    });
  });
});
