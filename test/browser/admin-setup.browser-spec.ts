import type { Browser, Page } from 'playwright-core';
import { ADMIN_PAGE_BUDGET_BYTES, adminFilesOnPublicPages, pageBudgets } from '../../scripts/web-budget';
import { API, fillSmallInstrument, smallInstrument } from '../factories';
import { freePort } from '../support/private-servers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, bearer, createTestApp, TestApp } from '../support/test-app';
import { checkPage, pick, signedIn } from './admin-helpers';
import { chromiumFound, launchChromium } from './chromium';

const HOME = 'Beranda penyelenggara';
const DAY = 24 * 3600 * 1000;

/** The datetime-local value (WIB wall clock) `days` from now at 08:00. */
const wib = (days: number, hour = 8) => {
  const d = new Date(Date.now() + days * DAY + 7 * 3600 * 1000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

/** The secretariat sets up a period from an empty installation in Debian's Chromium, against the real API, MySQL and Redis. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: the secretariat console (setup, stages, monitoring, audit)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let periodId = '';
  const visited: string[] = [];
  const asAdmin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' } });
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const go = async (page: Page, nav: string, heading: string | RegExp) => {
    await page.getByTestId('admin-nav').getByRole('link', { name: nav, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    visited.push(new URL(page.url()).pathname);
  };

  it('sets up a period: categories, a CSV import with a bad line, users, the period form with a field error fixed, the instrument, enrollment, stages, monitoring, a forced advance, the audit', async () => {
    const { context, page } = await signedIn(browser, base, 1280, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, HOME);
    await page.getByText('Belum ada periode.').waitFor();
    visited.push('/beranda');
    await checkPage(page, 'admin-beranda-kosong', 1280);

    // Categories.
    await go(page, 'Kategori dan badan publik', 'Kategori dan badan publik');
    const categoryForm = page.getByRole('form', { name: 'Tambah kategori' });
    for (const [code, name] of [
      ['OPD', 'Organisasi Perangkat Daerah'],
      ['BUMD', 'Badan Usaha Milik Daerah'],
    ]) {
      await categoryForm.getByLabel('Kode kategori').fill(code);
      await categoryForm.getByLabel('Nama kategori').fill(name);
      await categoryForm.getByRole('button', { name: 'Tambah kategori' }).click();
      await page.getByTestId('category-list').getByRole('cell', { name: code, exact: true }).waitFor();
    }
    // A duplicate code is refused where it belongs.
    await categoryForm.getByLabel('Kode kategori').fill('OPD');
    await categoryForm.getByLabel('Nama kategori').fill('Lagi');
    await categoryForm.getByRole('button', { name: 'Tambah kategori' }).click();
    await categoryForm.getByRole('alert').waitFor();
    await categoryForm.getByLabel('Kode kategori').fill('');
    await categoryForm.getByLabel('Nama kategori').fill('');

    // The CSV import: the good lines go in, the bad one is shown with its reason.
    const csv = [
      'name,categoryCode,region,website,email',
      'Dinas Kesehatan,OPD,Palangka Raya,https://dinkes.example.go.id,ppid@dinkes.example.go.id',
      'Dinas Pendidikan,OPD,Palangka Raya,,',
      'Bank Kalteng,BUMD,Palangka Raya,,',
      'PDAM Kota,AIR,,,',
    ].join('\n');
    await page.locator('section[aria-labelledby="impor-csv"] input[type="file"]').setInputFiles({ name: 'badan-publik.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    const result = page.getByTestId('import-result');
    await expect(result.locator('p').first().textContent()).resolves.toBe('3 badan publik ditambahkan; 1 baris ditolak.');
    expect(await page.getByTestId('import-errors').locator('tbody tr').allInnerTexts()).toEqual(['5\tKode kategori\tkategori tidak dikenal']);
    await page.getByTestId('body-list').getByRole('cell', { name: 'Bank Kalteng' }).waitFor();
    expect((await asAdmin(t.http().get(`${API}/public-bodies`)).expect(200)).body.total).toBe(3);
    await checkPage(page, 'admin-kategori', 1280);

    // Users: two PPIDs, an assessor with an affiliation, a conflict of interest.
    await go(page, 'Pengguna', 'Pengguna');
    const userForm = page.locator('section[aria-labelledby="pengguna-baru"]');
    const ppids = [
      { body: 'Dinas Kesehatan (OPD)', name: 'PPID Dinkes', email: 'ppid.dinkes@example.go.id', password: 'rahasia-dinkes-1' },
      { body: 'Bank Kalteng (BUMD)', name: 'PPID Bank Kalteng', email: 'ppid.bank@example.go.id', password: 'rahasia-bank-01' },
    ];
    for (const u of ppids) {
      await pick(userForm, page, 'Badan publik', u.body);
      await userForm.getByLabel('Nama', { exact: true }).fill(u.name);
      await userForm.getByLabel('E-mail').fill(u.email);
      await userForm.getByLabel('Kata sandi awal').fill(u.password);
      await userForm.getByRole('button', { name: 'Buat akun' }).click();
      await expect(userForm.getByTestId('user-created').textContent()).resolves.toBe(`Akun ${u.name} (PPID badan publik) dibuat.`);
    }
    await pick(userForm, page, 'Peran', 'Penilai (verifikator)');
    await userForm.getByLabel('Nama', { exact: true }).fill('Penilai Satu');
    await userForm.getByLabel('E-mail').fill('penilai.satu@example.ac.id');
    await userForm.getByLabel('Kata sandi awal').fill('pendek');
    await userForm.getByLabel('Afiliasi').fill('Universitas Palangka Raya');
    await userForm.getByRole('button', { name: 'Buat akun' }).click();
    // The API's 400 next to the field and in the summary, which takes the focus.
    const summary = userForm.getByTestId('error-summary');
    await summary.waitFor();
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(['Kata sandi awal: terlalu pendek']);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('error-summary');
    await summary.getByRole('link').click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('user-password');
    await userForm.getByLabel('Kata sandi awal').fill('rahasia-penilai-1');
    await userForm.getByRole('button', { name: 'Buat akun' }).click();
    await userForm.getByTestId('user-created').waitFor();
    await page.getByTestId('user-list').getByRole('cell', { name: 'Universitas Palangka Raya' }).waitFor();
    const conflict = page.locator('section[aria-labelledby="konflik"]');
    await pick(conflict, page, 'Penilai atau panelis', /Penilai Satu/);
    await pick(conflict, page, 'Badan publik', 'Dinas Pendidikan (OPD)');
    await conflict.getByLabel('Alasan (tidak wajib)').fill('Pernah menjadi konsultan dinas ini');
    await conflict.getByRole('button', { name: 'Catat konflik' }).click();
    await conflict.getByRole('status').waitFor();
    await checkPage(page, 'admin-pengguna', 1280);

    // The period form: weights that do not sum to 100 are refused, in place; fixed, the period is created.
    await go(page, 'Periode baru', 'Periode baru');
    const form = page.getByRole('form', { name: 'Pengaturan periode' });
    await form.getByLabel('Tahun').fill('2031');
    await form.getByLabel('SAQ', { exact: true }).fill('70');
    await form.getByLabel('Presentasi', { exact: true }).fill('40');
    await form.getByLabel('Nilai SAQ minimal').fill('75,5');
    await form.locator('#rubric-add').click();
    await form.getByLabel('Kode kriteria 1').fill('PAPARAN');
    await form.getByLabel('Kriteria 1', { exact: true }).fill('Paparan pimpinan');
    await form.getByLabel('Bobot 1', { exact: true }).fill('100');
    const windows: [string, number, number][] = [
      ['SAQ', 1, 11],
      ['VERIFICATION', 11, 21],
      ['OBJECTION', 21, 31],
      ['PRESENTATION', 31, 41],
    ];
    for (const [s, from, to] of windows) {
      await form.locator(`#schedule-${s}-opensAt`).fill(wib(from));
      await form.locator(`#schedule-${s}-closesAt`).fill(wib(to, 23));
    }
    await form.getByRole('button', { name: 'Buat periode' }).click();
    const periodSummary = form.getByTestId('error-summary');
    await periodSummary.waitFor();
    await expect(periodSummary.getByRole('link').allTextContents()).resolves.toEqual(['Bobot: jumlahnya harus tepat 100']);
    await expect(form.getByTestId('weights-error').textContent()).resolves.toBe('Bobot: jumlahnya harus tepat 100');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('error-summary');
    await checkPage(page, 'admin-periode-baru-galat', 1280);
    expect((await asAdmin(t.http().get(`${API}/periods`)).expect(200)).body.total).toBe(0);
    await form.getByLabel('Presentasi', { exact: true }).fill('30');
    await form.getByRole('button', { name: 'Buat periode' }).click();
    await page.getByRole('heading', { level: 1, name: /^Instrumen / }).waitFor();
    periodId = /\/periode\/(\d+)\//.exec(page.url())![1];
    visited.push(`/beranda/periode/${periodId}/instrumen`);
    const created = (await asAdmin(t.http().get(`${API}/periods/${periodId}`)).expect(200)).body;
    expect(created).toMatchObject({
      year: 2031,
      timezone: 'Asia/Jakarta',
      stage: 'PREPARATION',
      weights: { saq: '70.00', visitation: '0.00', presentation: '30.00' },
      finalistRule: { type: 'THRESHOLD', value: '75.50' },
      presentationRubric: [{ code: 'PAPARAN', title: 'Paparan pimpinan', weight: '100.00' }],
    });
    expect(created.schedule.SAQ.opensAt).toBe(new Date(`${wib(1)}:00+07:00`).toISOString());
    expect(created.bands.map((b: { code: string }) => b.code)).toEqual(['INFORMATIF', 'MENUJU_INFORMATIF', 'CUKUP_INFORMATIF', 'KURANG_INFORMATIF', 'TIDAK_INFORMATIF']);

    // The instrument as JSON, previewed per category.
    await page.locator('section[aria-labelledby="unggah-instrumen"] input[type="file"]').setInputFiles({
      name: 'instrumen.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(smallInstrument('BUMD'))),
    });
    await page.getByRole('button', { name: 'Unggah instrumen' }).click();
    await expect(page.getByTestId('instrument-saved').textContent()).resolves.toBe('Instrumen disimpan: 6 pertanyaan dalam 2 aspek.');
    await pick(page.locator('section[aria-labelledby="pratinjau"]'), page, 'Kategori', 'OPD – Organisasi Perangkat Daerah');
    await page.getByText('5 pertanyaan dalam 2 aspek untuk kategori OPD.').waitFor();
    await checkPage(page, 'admin-instrumen', 1280);

    // Enrollment by category.
    await go(page, 'Peserta', /^Peserta /);
    await pick(page, page, 'Kategori (semua badan publiknya)', 'OPD – Organisasi Perangkat Daerah');
    await pick(page, page, 'Kategori (semua badan publiknya)', 'BUMD – Badan Usaha Milik Daerah');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await expect(page.getByTestId('enroll-result').textContent()).resolves.toBe('3 badan publik didaftarkan; 0 sudah terdaftar sebelumnya.');
    await page.getByTestId('participant-list').getByRole('cell', { name: 'Dinas Kesehatan' }).waitFor();
    await checkPage(page, 'admin-peserta', 1280);

    // The stages: the timeline with its windows; REGISTRATION, then SAQ.
    await go(page, 'Tahapan', /^Tahapan /);
    const timeline = page.getByTestId('stage-timeline');
    await expect(timeline.locator('li[aria-current="step"]').textContent()).resolves.toMatch(/^Persiapan\s*Tahap saat ini/);
    await expect(timeline.locator('li').nth(2).innerText()).resolves.toMatch(/Pengisian kuesioner \(SAQ\)\n.* WIB – .* WIB/);
    await checkPage(page, 'admin-tahapan', 1280);
    await page.getByRole('button', { name: 'Lanjutkan ke Registrasi' }).click();
    await page.getByRole('button', { name: 'Lanjutkan ke Pengisian kuesioner (SAQ)' }).click();
    await timeline.locator('li[aria-current="step"]', { hasText: 'Pengisian kuesioner (SAQ)' }).waitFor();
    expect((await asAdmin(t.http().get(`${API}/periods/${periodId}`)).expect(200)).body.stage).toBe('SAQ');
    await go(page, 'Instrumen', /^Instrumen /);
    await page.getByTestId('instrument-frozen').waitFor();
    expect(await page.getByRole('button', { name: 'Unggah instrumen' }).count()).toBe(0);

    // The PPIDs: Dinas Kesehatan fills and submits (through the API), Bank Kalteng starts.
    const tokens = await Promise.all(ppids.map((u) => t.login(u.email, u.password)));
    const mine = await Promise.all(tokens.map(async (token) => (await t.http().get(`${API}/participations/mine`).set(bearer(token)).expect(200)).body.items[0]));
    const dinkes = { token: tokens[0], participationId: mine[0].id, bodyId: mine[0].publicBody.id, name: 'Dinas Kesehatan', categoryCode: 'OPD' };
    await fillSmallInstrument(t, dinkes);
    await t.http().post(`${API}/participations/${dinkes.participationId}/submit`).set(bearer(dinkes.token)).expect(200);
    await t.http().put(`${API}/participations/${mine[1].id}/answers/2.2`).set(bearer(tokens[1])).send({ value: 12 }).expect(200);

    // Monitoring: the counts, and one body's deadline extended from its row.
    await go(page, 'Pemantauan SAQ', /^Pemantauan SAQ /);
    const counts = page.getByTestId('monitoring-counts');
    await expect(counts.locator('tr[data-category="ALL"]').innerText()).resolves.toBe('Semua kategori\t1\t1\t1\t0\t3\t33,33');
    expect(await counts.locator('tr[data-category="OPD"]').innerText()).toBe('OPD – Organisasi Perangkat Daerah\t1\t0\t1\t0\t2\t50,00');
    const rows = page.getByTestId('monitoring-row');
    await expect(rows.first().innerText()).resolves.toMatch(/^Dinas Pendidikan\nOPD\tBelum mulai\t0 \/ 5 \(0,00%\)\tBelum ada/);
    await checkPage(page, 'admin-pemantauan', 1280);
    // Sorted by progress, highest first: the submitted body on top.
    await page.getByRole('button', { name: /^Kemajuan/ }).click();
    await expect(rows.first().locator('td').first().innerText()).resolves.toBe('Dinas Kesehatan\nOPD');
    const bank = page.locator(`[data-testid="monitoring-row"][data-participation="${mine[1].id}"]`);
    await bank.getByRole('button', { name: 'Perpanjang batas waktu Bank Kalteng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Perpanjang batas waktu' });
    await dialog.locator('#extend-closes').fill(wib(14, 23));
    await dialog.getByRole('button', { name: 'Simpan perpanjangan' }).click();
    await expect(dialog.getByTestId('error-summary').getByRole('link').allTextContents()).resolves.toEqual(['Alasan: wajib diisi']);
    await dialog.getByLabel('Alasan perpanjangan').fill('Gangguan jaringan di kantor');
    await checkPage(page, 'admin-pemantauan-perpanjang', 1280);
    await dialog.getByRole('button', { name: 'Simpan perpanjangan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await bank.getByText('Diperpanjang').waitFor();
    const extended = (await asAdmin(t.http().get(`${API}/participations/${mine[1].id}`)).expect(200)).body;
    expect(extended).toMatchObject({ deadline: new Date(`${wib(14, 23)}:00+07:00`).toISOString(), deadlineExtended: true });
    // The "not started, 3 days left" filter: nobody (the window closes in 11 days).
    await page.getByRole('button', { name: 'Belum mulai, sisa 3 hari' }).click();
    await expect(page.getByTestId('row-count').textContent()).resolves.toBe('0 badan publik sesuai saringan.');

    // A forced advance: refused without a reason, in the form; with one it is in the audit view.
    await go(page, 'Tahapan', /^Tahapan /);
    await page.getByRole('button', { name: 'Lanjutkan ke Verifikasi' }).click();
    const unmet = page.getByTestId('unmet');
    await expect(unmet.getByRole('listitem').allTextContents()).resolves.toEqual(['1 badan publik masih dalam perpanjangan batas waktu pengisian.']);
    await page.getByRole('button', { name: 'Paksa lanjut ke Verifikasi' }).click();
    const forceForm = page.getByRole('form', { name: 'Paksa pindah tahap' });
    await expect(forceForm.getByTestId('error-summary').getByRole('link').allTextContents()).resolves.toEqual(['Alasan pemaksaan: wajib diisi']);
    await forceForm.getByText('Alasan pemaksaan: wajib diisi', { exact: true }).last().waitFor();
    await checkPage(page, 'admin-tahapan-paksa', 1280);
    expect((await asAdmin(t.http().get(`${API}/periods/${periodId}`)).expect(200)).body.stage).toBe('SAQ');
    await forceForm.getByLabel('Alasan memaksa pindah tahap').fill('Rapat pleno memutuskan verifikasi dimulai');
    await forceForm.getByRole('button', { name: 'Paksa lanjut ke Verifikasi' }).click();
    await timeline.locator('li[aria-current="step"]', { hasText: 'Verifikasi' }).waitFor();
    expect((await asAdmin(t.http().get(`${API}/periods/${periodId}`)).expect(200)).body.stage).toBe('VERIFICATION');

    await go(page, 'Log audit', 'Log audit');
    await pick(page, page, 'Jenis data', 'period');
    const forced = page.locator('[data-testid="audit-row"][data-action="period.advance.forced"]');
    await forced.waitFor();
    await expect(forced.getByTestId('audit-reason').textContent()).resolves.toBe('Alasan: Rapat pleno memutuskan verifikasi dimulai');
    await expect(forced.locator('td').nth(3).innerText()).resolves.toContain('"stage": "SAQ"');
    await expect(forced.locator('td').nth(4).innerText()).resolves.toContain('PERIOD_EXTENSION_RUNNING');
    await checkPage(page, 'admin-audit', 1280);

    // The settings of the period, read back into the form.
    await go(page, 'Pengaturan periode', /^Pengaturan periode /);
    await expect(page.getByLabel('Nilai SAQ minimal').inputValue()).resolves.toBe('75,50');
    await checkPage(page, 'admin-pengaturan', 1280);
    await context.close();
  }, 240000);

  it('every console page at 360 px: axe and no horizontal scroll', async () => {
    const { context, page } = await signedIn(browser, base, 360, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, HOME);
    for (const p of [...new Set(visited)]) {
      await page.goto(base + p);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await checkPage(
        page,
        `admin${
          p
            .replace('/beranda', '')
            .replace(/\/periode\/\d+/, '-periode')
            .replace(/\//g, '-') || '-beranda'
        }`,
        360,
      );
    }
    await context.close();
  }, 120000);

  it('keeps the console within 500 KB gzip, and no public page downloads it', () => {
    const admin = pageBudgets().find((b) => b.page.includes('admin'))!;
    console.log(`[budget] ${admin.page}: ${(admin.gzipBytes / 1024).toFixed(1)} KB gzip JS`);
    expect(admin.gzipBytes).toBeLessThanOrEqual(ADMIN_PAGE_BUDGET_BYTES);
    expect(adminFilesOnPublicPages()).toEqual(
      pageBudgets()
        .filter((b) => b.public)
        .map((b) => ({ page: b.page, files: [] })),
    );
  });
});
