import { mkdirSync } from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PUBLIC_PAGE_BUDGET_BYTES, pageBudgets } from '../../scripts/web-budget';
import { API, Factory, publishedPeriod, rankAndWait } from '../factories';
import { decodeQrFromPdf } from '../support/pdf';
import { freePort } from '../support/private-servers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, bearer, createTestApp, eventually, TestApp } from '../support/test-app';
import { chromiumFound, launchChromium } from './chromium';
import { checkPage, SCREENSHOTS } from './page-checks';

const WIDTHS = [1280, 360] as const;

interface ApiRankingItem {
  publicBody: string;
  categoryCode: string;
  finalScore: string | null;
  qualification: string;
  qualificationLabel: string;
  rankInCategory: number | null;
  rankOverall: number | null;
}

/** The portal in Debian's Chromium against the real API (served by it), MySQL and Redis. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: public pages', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let built: Awaited<ReturnType<typeof publishedPeriod>>;
  let validCode: string;
  let revokedCode: string;
  let certificatePdf: Buffer;
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));

  const issueCertificates = async (periodId: string) => {
    const res = await admin(t.http().post(`${API}/periods/${periodId}/certificates`)).expect(202);
    await eventually(async () => (await admin(t.http().get(`${API}/certificate-batches/${res.body.batchId}`))).body.status !== 'RUNNING', 60000);
  };
  const certificateMeta = async (participationId: string) => (await admin(t.http().get(`${API}/participations/${participationId}/certificate/meta`)).expect(200)).body;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The certificates' QR codes point at this server, so a scanned code opens the page under test.
    t = await createTestApp({ env: { PUBLIC_BASE_URL: base, PUBLIC_RATE_LIMIT: '100000', CERT_RENDER_THREADS: '1' } });
    await t.app.listen(port, '127.0.0.1');
    const f = new Factory(t);
    built = await publishedPeriod(t, f, { year: 2026 });
    await issueCertificates(built.period.id);
    revokedCode = (await certificateMeta(built.bodies[2].participationId)).code;
    // A correction: a new run is published, the first run's certificates are revoked, new ones issued.
    await admin(t.http().put(`${API}/participations/${built.bodies[2].participationId}/verifications/2.2`))
      .send({ points: 2.5, status: 'ADJUSTED', note: 'Koreksi setelah pengumuman' })
      .expect(200);
    const second = await rankAndWait(t, f, built.period.id);
    await admin(t.http().post(`${API}/periods/${built.period.id}/publish`))
      .send({ runId: second })
      .expect(200);
    await issueCertificates(built.period.id);
    validCode = (await certificateMeta(built.bodies[1].participationId)).code;
    const pdf = await admin(t.http().get(`${API}/participations/${built.bodies[1].participationId}/certificate`))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    certificatePdf = pdf.body as Buffer;
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (width: number, pathname: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 780 : 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await page.goto(base + pathname);
    return { context, page };
  };

  const publicRanking = async (): Promise<{ items: ApiRankingItem[]; publishedAt: string }> =>
    (await t.http().get(`${API}/public/periods/2026/ranking?organizer=ki-test&pageSize=500`).expect(200)).body;
  const idScore = (s: string | null) => (s === null ? '–' : s.replace('.', ','));

  it.each(WIDTHS)('lists the organizers and their published years, at %i px', async (width) => {
    const { context, page } = await open(width, '/');
    await page.getByRole('heading', { name: 'Komisi Informasi Provinsi Uji' }).waitFor();
    const link = page.getByRole('link', { name: 'Peringkat 2026' });
    await expect(link.getAttribute('href')).resolves.toBe('/peringkat/ki-test/2026');
    await checkPage(page, 'beranda', width);
    await link.click();
    await page.getByTestId('ranking-row').first().waitFor();
    await context.close();
  });

  it.each(WIDTHS)('shows the ranking in the API’s order with its scores and qualifications, at %i px', async (width) => {
    const api = await publicRanking();
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/peringkat/ki-test/2026`, { waitUntil: 'commit' });
    // Timed in the page (performance.now() counts from the navigation's start), polled every frame.
    const firstRow = await page.waitForFunction(() => (document.querySelector('[data-testid="ranking-row"]') ? performance.now() : 0), undefined, { polling: 'raf' });
    const inPageMs = Math.round((await firstRow.jsonValue()) as number);
    console.log(`[budget] first ranking row visible ${inPageMs} ms after navigation start (${Date.now() - started} ms as the test saw it; ${width} px)`);
    const rows = await page.getByTestId('ranking-row').evaluateAll((trs) =>
      trs.map((tr) => ({
        rank: tr.querySelector('[data-col="rank"]')!.textContent!.trim(),
        body: tr.querySelector('[data-col="body"]')!.textContent!.trim(),
        score: tr.querySelector('[data-col="score"]')!.textContent!.trim(),
        qualification: tr.querySelector('[data-qualification]')!.getAttribute('data-qualification'),
        label: tr.querySelector('[data-qualification]')!.textContent!.trim(),
      })),
    );
    expect(rows).toEqual(
      api.items.map((i) => ({
        rank: i.rankOverall === null ? '–' : String(i.rankOverall),
        body: i.publicBody,
        score: idScore(i.finalScore),
        qualification: i.qualification,
        label: i.qualificationLabel,
      })),
    );
    // The published instant in the period's zone with its label, e.g. "Diumumkan 1 Des 2026 16.20 WIB".
    await expect(page.getByTestId('published-at').textContent()).resolves.toMatch(/^Diumumkan \d{1,2} \w{3} 2026 \d{2}\.\d{2} WIB · 5 badan publik$/);
    const counts = await page.getByTestId('qualification-count').allTextContents();
    const expected = new Map<string, number>();
    for (const i of api.items) expected.set(i.qualificationLabel, (expected.get(i.qualificationLabel) ?? 0) + 1);
    expect(counts.sort()).toEqual([...expected].map(([l, n]) => `${l}: ${n}`).sort());
    await checkPage(page, 'peringkat', width);

    await page.getByRole('tab', { name: 'Badan Usaha Milik Daerah' }).click();
    const bumd = await page
      .getByTestId('ranking-row')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('[data-col="rank"]')!.textContent!.trim(), tr.querySelector('[data-col="body"]')!.textContent!.trim()]));
    expect(bumd).toEqual(api.items.filter((i) => i.categoryCode === 'BUMD').map((i) => [i.rankInCategory === null ? '–' : String(i.rankInCategory), i.publicBody]));
    await page.getByRole('tab', { name: 'Semua' }).click();
    await page.getByLabel('Cari badan publik').fill(built.bodies[3].name.slice(-12));
    await eventually(async () => (await page.getByTestId('ranking-row').count()) === 1, 5000);
    await expect(page.locator('[data-testid="ranking-row"] [data-col="body"]').textContent()).resolves.toBe(built.bodies[3].name);
    await context.close();
  });

  it('offers the ranking as open data: the CSV and JSON links answer', async () => {
    const { context, page } = await open(1280, '/peringkat/ki-test/2026');
    const csv = await page.getByRole('link', { name: 'unduh CSV' }).getAttribute('href');
    const json = await page.getByRole('link', { name: 'JSON' }).getAttribute('href');
    const csvRes = await page.request.get(base + csv);
    expect(csvRes.status()).toBe(200);
    expect(csvRes.headers()['content-type']).toMatch(/^text\/csv/);
    const jsonRes = await page.request.get(base + json);
    expect((await jsonRes.json()).items).toHaveLength(5);
    await context.close();
  });

  it.each(WIDTHS)('says so when a year has no published ranking, and names an unknown address, at %i px', async (width) => {
    const { context, page } = await open(width, '/peringkat/ki-test/2031');
    await page.getByText('Peringkat belum diumumkan').waitFor();
    await checkPage(page, 'peringkat-belum-diumumkan', width);
    await page.goto(`${base}/halaman/yang/tidak/ada`);
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await checkPage(page, 'tidak-ditemukan', width);
    await context.close();
  });

  it.each(WIDTHS)('verifies a valid certificate, at %i px', async (width) => {
    const { context, page } = await open(width, `/verify/${validCode}`);
    await page.getByTestId('certificate-status').waitFor();
    await expect(page.getByTestId('certificate-status').getAttribute('data-status')).resolves.toBe('valid');
    await expect(page.getByTestId('certificate-body').textContent()).resolves.toBe(built.bodies[1].name);
    const v = (await t.http().get(`${API}/public/certificates/${validCode}`).expect(200)).body;
    await expect(page.getByTestId('certificate-score').textContent()).resolves.toBe(idScore(v.finalScore));
    await page.getByText(v.qualificationLabel, { exact: true }).waitFor();
    await checkPage(page, 'verifikasi-sah', width);
    await context.close();
  });

  it.each(WIDTHS)('shows a revoked certificate as dicabut with its date, at %i px', async (width) => {
    const { context, page } = await open(width, `/verify/${revokedCode}`);
    await page.getByTestId('certificate-status').waitFor();
    await expect(page.getByTestId('certificate-status').getAttribute('data-status')).resolves.toBe('revoked');
    await expect(page.getByTestId('certificate-status').textContent()).resolves.toMatch(/Piagam dicabut.*dicabut pada \d{1,2} \w{3} 2026 \d{2}\.\d{2} WIB/);
    await checkPage(page, 'verifikasi-dicabut', width);
    await context.close();
  });

  it.each(WIDTHS)('says an unknown certificate code is not found, at %i px', async (width) => {
    const { context, page } = await open(width, '/verify/AAAAAAAAAAAAAAAAAAAAAA');
    await page.getByText('Piagam tidak ditemukan').waitFor();
    await checkPage(page, 'verifikasi-tidak-ditemukan', width);
    await context.close();
  });

  it('decodes a generated certificate’s QR code to its verification page, which opens', async () => {
    const url = decodeQrFromPdf(certificatePdf);
    expect(url).toBe(`${base}/verify/${validCode}`);
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.goto(url!);
    await page.getByTestId('certificate-status').waitFor();
    await expect(page.getByTestId('certificate-status').getAttribute('data-status')).resolves.toBe('valid');
    await context.close();
  });

  it('shows a rate-limited (429) call as a retry with a countdown, then loads on retry', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    let limited = true;
    await page.route('**/api/v1/public/certificates/**', (route) =>
      limited
        ? route.fulfill({
            status: 429,
            headers: { 'Retry-After': '2', 'Content-Type': 'application/json' },
            body: JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'ThrottlerException: Too Many Requests' }),
          })
        : route.continue(),
    );
    await page.goto(`${base}/verify/${validCode}`);
    await page.getByText('Terlalu banyak permintaan').waitFor();
    await page.getByRole('button', { name: /Coba lagi dalam \d detik/ }).waitFor();
    await expect(page.getByText('ThrottlerException').count()).resolves.toBe(0);
    await checkPage(page, 'galat-429', 360);
    limited = false;
    await page.getByRole('button', { name: 'Coba lagi', exact: true }).click({ timeout: 5000 });
    await page.getByTestId('certificate-status').waitFor();
    await context.close();
  });

  it.each(WIDTHS)('logs in on /masuk and lands on the role’s home; a wrong password is said in Indonesian, at %i px', async (width) => {
    const { context, page } = await open(width, '/masuk');
    await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await page.locator('#login-password').fill('salah-sekali-123');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('E-mail atau kata sandi salah.').waitFor();
    await checkPage(page, 'masuk', width);
    await page.locator('#login-password').fill(ADMIN_PASSWORD);
    await page.locator('#login-password').press('Enter');
    await page.getByRole('heading', { name: 'Beranda penyelenggara' }).waitFor();
    await checkPage(page, 'beranda-admin', width);
    await context.close();
  });

  it('loads none of the role areas’ code on the public pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push(await r.text());
    });
    for (const p of ['/', '/peringkat/ki-test/2026', `/verify/${validCode}`, '/masuk']) {
      await page.goto(base + p);
      await page.waitForLoadState('networkidle');
    }
    expect(scripts.length).toBeGreaterThan(3);
    for (const role of ['Beranda penyelenggara', 'Beranda PPID', 'Beranda verifikator', 'Beranda panelis']) expect(scripts.filter((s) => s.includes(role))).toEqual([]);
    await context.close();
  });

  it('keeps each public page’s JavaScript within budget (gzip)', () => {
    const budgets = pageBudgets();
    for (const b of budgets) console.log(`[budget] ${b.page}: ${(b.gzipBytes / 1024).toFixed(1)} KB gzip JS`);
    for (const b of budgets.filter((x) => x.public)) expect(b.gzipBytes).toBeLessThanOrEqual(PUBLIC_PAGE_BUDGET_BYTES);
  });
});
