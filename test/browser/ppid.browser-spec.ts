import { mkdirSync } from 'fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PPID_PAGE_BUDGET_BYTES, pageBudgets } from '../../scripts/web-budget';
import { API, Factory, pdf, publishedPeriod, saqPeriod, verifiedPeriod } from '../factories';
import { freePort } from '../support/private-servers';
import { bearer, createTestApp, eventually, TestApp } from '../support/test-app';
import { chromiumFound, launchChromium } from './chromium';
import { checkPage, SCREENSHOTS } from './page-checks';

// The first bytes of a PNG: a picture renamed .pdf is still a picture.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

/** A PPID's year in Debian's Chromium against the real API, MySQL and Redis. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: the PPID', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let saq: { participationId: string; bodyId: string; email: string; password: string };
  let objection: { participationId: string; email: string; password: string; assessorToken: string };
  /** A published period with certificates: `owner` holds one; `other` is another body's PPID (with its own). */
  let piagam: { participationId: string; code: string; owner: { email: string; password: string }; other: { email: string; password: string } };

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000', CERT_RENDER_THREADS: '1' } });
    await t.app.listen(port, '127.0.0.1');
    const f = new Factory(t);
    const open = await saqPeriod(t, f, { count: 1, year: 2027, categories: ['OPD'] });
    const ppid = await f.user('public_body', { publicBodyId: open.bodies[0].bodyId });
    saq = { participationId: open.bodies[0].participationId, bodyId: open.bodies[0].bodyId, email: ppid.email, password: ppid.password };
    const verified = await verifiedPeriod(t, f, { count: 1, year: 2028, categories: ['OPD'], verified: [{ '2.1': 2 }] });
    const ppid2 = await f.user('public_body', { publicBodyId: verified.bodies[0].bodyId });
    objection = { participationId: verified.bodies[0].participationId, email: ppid2.email, password: ppid2.password, assessorToken: verified.assessor.token };
    const published = await publishedPeriod(t, f, { year: 2029 });
    const batch = await t.http().post(`${API}/periods/${published.period.id}/certificates`).set(bearer(t.adminToken)).expect(202);
    await eventually(async () => (await t.http().get(`${API}/certificate-batches/${batch.body.batchId}`).set(bearer(t.adminToken))).body.status !== 'RUNNING', 60000);
    const holder = published.bodies[1];
    const meta = (await t.http().get(`${API}/participations/${holder.participationId}/certificate/meta`).set(bearer(t.adminToken)).expect(200)).body;
    piagam = {
      participationId: holder.participationId,
      code: meta.code,
      owner: await f.user('public_body', { publicBodyId: holder.bodyId }),
      other: await f.user('public_body', { publicBodyId: published.bodies[0].bodyId }),
    };
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (width: number, who: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 780 : 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await page.goto(base + '/masuk');
    await page.getByLabel('E-mail').fill(who.email);
    await page.locator('#login-password').fill(who.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Beranda PPID badan publik' }).waitFor();
    return { context, page };
  };

  const question = (page: Page, code: string): Locator => page.locator(`[data-testid="question"][data-code="${code}"]`);
  const saved = (q: Locator) => q.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 10000 });
  const asOwner = (req: import('supertest').Test) => req.set(bearer(t.adminToken));
  const storedAnswers = async () =>
    (await asOwner(t.http().get(`${API}/participations/${saq.participationId}/answers`)).expect(200)).body.items as {
      questionCode: string;
      value: unknown;
      evidenceIds: string[];
      url: string | null;
    }[];
  const storedFiles = async () =>
    (await asOwner(t.http().get(`${API}/participations/${saq.participationId}/evidence`)).expect(200)).body.items as { id: string; fileName: string }[];

  it('fills the whole questionnaire: every type, uploads with checks, reuse, a link, a conflict from a second browser, gaps, submit, read-only', async () => {
    const { context, page } = await signedIn(1280, saq);
    const card = page.getByTestId('participation');
    await expect(card.getByTestId('stage').textContent()).resolves.toBe('Tahap: Pengisian kuesioner (SAQ)');
    await expect(card.getByTestId('deadline').textContent()).resolves.toMatch(/Batas waktu pengisian Anda: \d{1,2} \w{3} 2\d{3} \d{2}\.\d{2} WIB/);
    const first = await card.getByTestId('countdown').textContent();
    await page.waitForTimeout(1100);
    expect(await card.getByTestId('countdown').textContent()).not.toBe(first); // it runs
    expect(await card.getByTestId('aspect-progress').locator('tbody tr').allInnerTexts()).toEqual([
      'Sarana dan prasarana layanan\t0 / 2\t0',
      'Pelayanan informasi\t0 / 3\t0',
      'Jumlah\t0 / 5\t0',
    ]);
    await checkPage(page, 'ppid-beranda', 1280);

    await page.getByRole('link', { name: 'Isi kuesioner' }).click();
    await question(page, '1.1').waitFor();

    // Submit with nothing answered: every gap listed, each a link that takes the focus to its question.
    await page.getByRole('button', { name: 'Kirim kuesioner' }).click();
    await page.getByRole('button', { name: 'Ya, kirim' }).click();
    const gaps = page.getByTestId('submit-error');
    await gaps.waitFor();
    expect(await gaps.getByRole('link').allTextContents()).toEqual([
      'Pertanyaan 1.1: belum dijawab',
      'Pertanyaan 1.2: belum dijawab',
      'Pertanyaan 2.1: belum dijawab',
      'Pertanyaan 2.2: belum dijawab',
    ]);
    await gaps.getByRole('link', { name: 'Pertanyaan 2.2: belum dijawab' }).click();
    await expect(page.evaluate(() => document.activeElement?.closest('[data-testid="question"]')?.getAttribute('data-code'))).resolves.toBe('2.2');

    // YES_NO with a PDF: a PNG renamed .pdf and a file one byte over the limit are refused in the browser.
    const q11 = question(page, '1.1');
    await q11.getByRole('radio', { name: 'Ya', exact: true }).check();
    const file11 = q11.getByLabel(/Unggah PDF untuk 1\.1/);
    await file11.setInputFiles({ name: 'foto.pdf', mimeType: 'application/pdf', buffer: PNG });
    await expect(q11.getByTestId('upload-problem').textContent()).resolves.toBe('Berkas "foto.pdf" bukan PDF: isinya tidak diawali %PDF-. Unggah dokumen PDF.');
    await file11.setInputFiles({ name: 'besar.pdf', mimeType: 'application/pdf', buffer: pdf('besar', 2097153) });
    await expect(q11.getByTestId('upload-problem').textContent()).resolves.toBe('Berkas "besar.pdf" berukuran 2.097.153 byte, melebihi batas 2.097.152 byte (2 MB).');
    expect(await storedFiles()).toEqual([]);
    await file11.setInputFiles({ name: 'sk-ppid.pdf', mimeType: 'application/pdf', buffer: pdf('SK PPID') });
    await q11.getByTestId('attached-file').filter({ hasText: 'sk-ppid.pdf' }).waitFor();
    await saved(q11);
    // The refusal's list follows the page: 1.1 has left it.
    await eventually(async () => (await gaps.getByRole('link').count()) === 3, 10000);
    expect(await gaps.getByRole('link').allTextContents()).toEqual(['Pertanyaan 1.2: belum dijawab', 'Pertanyaan 2.1: belum dijawab', 'Pertanyaan 2.2: belum dijawab']);

    // MULTI_CHOICE reusing the uploaded PDF.
    const q12 = question(page, '1.2');
    await q12.getByRole('checkbox', { name: 'Formulir permohonan' }).check();
    await q12.getByRole('checkbox', { name: 'Formulir keberatan' }).check();
    await q12.getByLabel('Pakai berkas yang sudah diunggah untuk 1.2').selectOption({ label: 'sk-ppid.pdf' });
    await q12.getByTestId('attached-file').filter({ hasText: 'sk-ppid.pdf' }).waitFor();
    await saved(q12);
    // CHOICE with a link, NUMBER, TEXT.
    const q21 = question(page, '2.1');
    await q21.getByRole('radio', { name: 'Ada dan mutakhir' }).check();
    await q21.getByLabel('Tautan data dukung untuk 2.1').fill('https://ppid.example.go.id/dip');
    await saved(q21);
    const q22 = question(page, '2.2');
    await q22.getByLabel('Jawaban (angka) untuk 2.2').fill('120');
    await saved(q22);
    // Every gap filled: the refusal gives way to a note to send again.
    await page.getByTestId('submit-gaps-filled').waitFor();
    expect(await gaps.count()).toBe(0);
    await checkPage(page, 'ppid-kekurangan-dilengkapi', 1280);
    const q23 = question(page, '2.3');
    await q23.getByLabel('Jawaban untuk 2.3').fill('Layanan melalui WhatsApp');
    await saved(q23);
    await eventually(async () => (await page.getByTestId('aspect-progress-A1').textContent()) === 'Terjawab 2 dari 2 · data dukung lengkap', 10000);

    const files = await storedFiles();
    expect(files.map((x) => x.fileName)).toEqual(['sk-ppid.pdf']);
    const byCode = new Map((await storedAnswers()).map((a) => [a.questionCode, a]));
    expect(byCode.get('1.1')).toMatchObject({ value: true, evidenceIds: [files[0].id] });
    expect(byCode.get('1.2')).toMatchObject({ value: ['permohonan', 'keberatan'], evidenceIds: [files[0].id] });
    expect(byCode.get('2.1')).toMatchObject({ value: 'mutakhir', url: 'https://ppid.example.go.id/dip' });
    expect(byCode.get('2.2')).toMatchObject({ value: 120 });
    expect(byCode.get('2.3')).toMatchObject({ value: 'Layanan melalui WhatsApp' });
    await checkPage(page, 'ppid-kuesioner', 1280);

    // The same answers changed in a second browser (at 360 px, checked there too).
    const second = await signedIn(360, saq);
    await checkPage(second.page, 'ppid-beranda', 360);
    await second.page.getByRole('link', { name: 'Isi kuesioner' }).click();
    await question(second.page, '2.3').getByLabel('Jawaban untuk 2.3').fill('Versi dari perangkat lain');
    await saved(question(second.page, '2.3'));
    await question(second.page, '2.2').getByLabel('Jawaban (angka) untuk 2.2').fill('7');
    await saved(question(second.page, '2.2'));
    await checkPage(second.page, 'ppid-kuesioner', 360);

    // Keep mine: re-saved on the server's new version.
    await q23.getByLabel('Jawaban untuk 2.3').fill('Versi saya');
    const conflict = q23.getByTestId('conflict');
    await conflict.waitFor();
    await expect(conflict.getByTestId('conflict-theirs').textContent()).resolves.toBe('Versi dari perangkat lain');
    await expect(conflict.getByTestId('conflict-mine').textContent()).resolves.toBe('Versi saya');
    await expect(q23.getByTestId('save-state').textContent()).resolves.toBe('Diubah di tempat lain');
    await checkPage(page, 'ppid-konflik', 1280);
    await conflict.getByRole('button', { name: 'Pakai jawaban saya' }).click();
    await saved(q23);
    // Take theirs: the field shows the other device's answer and nothing of mine is sent.
    await q22.getByLabel('Jawaban (angka) untuk 2.2').fill('99');
    await q22.getByTestId('conflict').waitFor();
    await q22.getByRole('button', { name: 'Pakai jawaban di server' }).click();
    await expect(q22.getByLabel('Jawaban (angka) untuk 2.2').inputValue()).resolves.toBe('7');
    const after = new Map((await storedAnswers()).map((a) => [a.questionCode, a]));
    expect(after.get('2.3')!.value).toBe('Versi saya');
    expect(after.get('2.2')!.value).toBe(7);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('monev-draft:')))).toEqual([]);
    await second.context.close();

    // Submit: confirmed, then everything is read-only.
    await page.getByRole('button', { name: 'Kirim kuesioner' }).click();
    await page.getByRole('dialog', { name: 'Kirim kuesioner?' }).waitFor();
    await page.getByRole('button', { name: 'Ya, kirim' }).click();
    await page.getByTestId('read-only').waitFor();
    await expect(q11.getByRole('radio', { name: 'Ya', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(q23.getByLabel('Jawaban untuk 2.3').getAttribute('readonly')).resolves.not.toBeNull();
    expect(await q11.getByLabel(/Unggah PDF/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Kirim kuesioner' }).count()).toBe(0);
    await checkPage(page, 'ppid-terkirim', 1280);
    const p = (await asOwner(t.http().get(`${API}/participations/${saq.participationId}`)).expect(200)).body;
    expect(p.status).toBe('SUBMITTED');
    await context.close();
  });

  it.each([1280, 360])('in OBJECTION sees its verification per question and files a sanggah, then its decision, at %i px', async (width) => {
    const { context, page } = await signedIn(width, objection);
    await expect(page.getByTestId('stage').textContent()).resolves.toBe('Tahap: Masa sanggah');
    await page.getByRole('link', { name: 'Hasil verifikasi dan sanggah' }).click();
    const v21 = page.locator('[data-testid="verification"][data-code="2.1"]');
    await v21.waitFor();
    await expect(v21.getByTestId('self-points').textContent()).resolves.toBe('4,00');
    await expect(v21.getByTestId('verified-points').textContent()).resolves.toBe('2,00');
    await expect(v21.getByTestId('assessor-note').textContent()).resolves.toBe('Catatan verifikator: Diverifikasi');
    await checkPage(page, 'ppid-verifikasi', width);
    if (width === 360) {
      await context.close();
      return;
    }
    await v21.getByRole('button', { name: 'Ajukan sanggah untuk 2.1' }).click();
    await v21.getByRole('button', { name: 'Kirim sanggah' }).click();
    await v21.getByText('Isi alasan sanggah.').waitFor();
    await v21.getByLabel('Alasan sanggah untuk 2.1').fill('DIP kami mutakhir per Juni; lihat tautan.');
    await v21.getByLabel(/Unggah PDF untuk 2\.1/).setInputFiles({ name: 'dip-baru.pdf', mimeType: 'application/pdf', buffer: pdf('DIP baru') });
    await v21.getByTestId('attached-file').filter({ hasText: 'dip-baru.pdf' }).waitFor();
    await v21.getByLabel('Tautan data dukung untuk 2.1').fill('https://ppid.example.go.id/dip-2028');
    await checkPage(page, 'ppid-sanggah', width);
    await v21.getByRole('button', { name: 'Kirim sanggah' }).click();
    await v21.locator('[data-testid="objection"][data-status="OPEN"]').waitFor();
    const listed = (await t.http().get(`${API}/participations/${objection.participationId}/verifications`).set(bearer(objection.assessorToken)).expect(200)).body;
    const o = listed.items.find((i: { questionCode: string }) => i.questionCode === '2.1').objection;
    expect(o).toMatchObject({ status: 'OPEN', reason: 'DIP kami mutakhir per Juni; lihat tautan.' });
    await t.http().put(`${API}/objections/${o.id}`).set(bearer(objection.assessorToken)).send({ decision: 'ACCEPTED', points: 4, note: 'DIP mutakhir terbukti' }).expect(200);
    await page.getByRole('link', { name: '← Beranda' }).click();
    await page.getByRole('link', { name: 'Hasil verifikasi dan sanggah' }).click();
    const decided = page.locator('[data-testid="verification"][data-code="2.1"] [data-testid="objection"][data-status="ACCEPTED"]');
    await decided.waitFor();
    await expect(decided.textContent()).resolves.toMatch(/Sanggah diterima.*Nilai baru: 4,00.*Catatan keputusan: DIP mutakhir terbukti/);
    await checkPage(page, 'ppid-sanggah-diputus', width);
    await context.close();
  });

  /** The certificate PDF as the page's session fetches it: an access token from the session's refresh cookie. */
  const fetchWithSession = (page: Page, participationId: string) =>
    page.evaluate(async (url) => {
      const refreshed = await fetch('/api/v1/auth/refresh', { method: 'POST', credentials: 'same-origin' });
      const { accessToken } = await refreshed.json();
      const res = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
      return { status: res.status, type: res.headers.get('content-type') };
    }, `/api/v1/participations/${participationId}/certificate`);

  it.each([1280, 360])('after publication shows its piagam and downloads the PDF; another body’s PPID cannot fetch it, at %i px', async (width) => {
    const { context, page } = await signedIn(width, piagam.owner);
    const card = page.getByTestId('participation').filter({ hasText: '2029' });
    await expect(card.getByTestId('stage').textContent()).resolves.toBe('Tahap: Diumumkan');
    const certificate = card.getByTestId('certificate');
    await certificate.getByText(/^Piagam diterbitkan \d{1,2} \w{3} 2\d{3} \d{2}\.\d{2} WIB\.$/).waitFor();
    await checkPage(page, 'ppid-piagam', width);
    const [download] = await Promise.all([page.waitForEvent('download'), certificate.getByRole('button', { name: 'Unduh piagam (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`piagam-${piagam.code}.pdf`);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
    // The same request the other PPID makes below, answered here: so its 404 is the refusal, not a wrong path.
    await expect(fetchWithSession(page, piagam.participationId)).resolves.toEqual({ status: 200, type: 'application/pdf' });
    await context.close();

    const other = await signedIn(width, piagam.other);
    await other.page.getByTestId('certificate').first().waitFor(); // its own piagam is there
    await expect(fetchWithSession(other.page, piagam.participationId)).resolves.toMatchObject({ status: 404 });
    await other.context.close();
  });

  it('keeps the PPID’s pages within their budget, and the public pages load none of them', () => {
    const ppid = pageBudgets().find((b) => b.page.includes('PPID'))!;
    console.log(`[budget] ${ppid.page}: ${(ppid.gzipBytes / 1024).toFixed(1)} KB gzip JS`);
    expect(ppid.gzipBytes).toBeLessThanOrEqual(PPID_PAGE_BUDGET_BYTES);
  });
});
