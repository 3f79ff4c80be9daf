import { mkdirSync } from 'fs';
import type { Browser, Page } from 'playwright-core';
import { API, Factory } from '../factories';
import { freePort } from '../support/private-servers';
import { SmtpCapture } from '../support/smtp-capture';
import { ADMIN_EMAIL, ADMIN_PASSWORD, bearer, createTestApp, eventually, TestApp } from '../support/test-app';
import { chromiumFound, launchChromium } from './chromium';
import { checkPage, SCREENSHOTS } from './page-checks';

/** Accounts by e-mail in Debian's Chromium: the links come from the mails a real SMTP server captured. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: invitations and password resets', () => {
  let t: TestApp;
  let f: Factory;
  let base: string;
  let browser: Browser;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    smtp = await new SmtpCapture().start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { ...smtp.env(), PUBLIC_BASE_URL: base, MAIL_RETRY_DELAY_MS: '100', NOTICE_TICK_MS: '500' } });
    await t.app.listen(port, '127.0.0.1');
    f = new Factory(t);
    await f.category('OPD', 'Organisasi Perangkat Daerah');
    browser = await launchChromium();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  const open = async (width: number, url: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 780 : 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };

  const inviteBody = async (name: string, email: string) => {
    const body = await f.body('OPD', name, { email });
    await t.http().post(`${API}/invitations`).set(bearer(t.adminToken)).send({ publicBodyId: body.id }).expect(201);
    const [mail] = await eventually(async () => smtp.to(email).length > 0 && smtp.to(email));
    return { body, link: SmtpCapture.linkIn(mail) };
  };

  const logIn = async (page: Page, email: string, password: string) => {
    await page.locator('#login-email').fill(email);
    await page.locator('#login-password').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  };

  for (const width of [1280, 360]) {
    it(`activates an invited PPID from the mailed link and signs in (${width} px)`, async () => {
      const email = `ppid-${width}@dinas.test`;
      const { link } = await inviteBody(`Dinas Perhubungan ${width}`, email);
      const page = await open(width, link);
      await page.getByRole('heading', { name: 'Aktivasi akun' }).waitFor();
      await expect(page.getByText(email).isVisible()).resolves.toBe(true);
      await checkPage(page, 'aktivasi', width);

      // The form's own checks, then the real thing.
      await page.locator('#sandi-password').fill('pendek');
      await page.getByRole('button', { name: 'Aktifkan akun' }).click();
      await page.getByText('Kata sandi minimal 10 karakter.').first().waitFor();
      await page.locator('#sandi-password').fill('sandi-ppid-perhubungan');
      await page.locator('#sandi-confirm').fill('sandi-ppid-perhubungan');
      await page.getByRole('button', { name: 'Aktifkan akun' }).click();
      await page.getByText('Akun Anda sudah aktif.').waitFor();
      await page.getByRole('link', { name: 'Masuk' }).last().click();
      await logIn(page, email, 'sandi-ppid-perhubungan');
      await page.getByRole('heading', { name: 'Beranda PPID badan publik' }).waitFor();

      // The link works once.
      const again = await open(width, link);
      await again.getByText('Tautan sudah dipakai').waitFor();
      if (width === 360) await checkPage(again, 'aktivasi-terpakai', width);
      await page.context().close();
      await again.context().close();
    });
  }

  it('resets a forgotten password from the login page (1280 and 360 px)', async () => {
    const email = 'ppid-lupa@dinas.test';
    const { link } = await inviteBody('Dinas Pendidikan', email);
    await t
      .http()
      .post(`${API}/account/activation`)
      .send({ token: link.split('/').pop(), password: 'sandi-lama-pendidikan' })
      .expect(200);
    const before = await t.login(email, 'sandi-lama-pendidikan');

    const page = await open(1280, `${base}/masuk`);
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByRole('heading', { name: 'Lupa kata sandi' }).waitFor();
    await checkPage(page, 'lupa-kata-sandi', 1280);
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByText('Permintaan diterima').waitFor();
    const mail = await eventually(async () => smtp.to(email).find((m) => m.subject.startsWith('Atur ulang')));

    const small = await open(360, `${base}/lupa-kata-sandi`);
    await checkPage(small, 'lupa-kata-sandi', 360);
    const reset = await open(360, SmtpCapture.linkIn(mail));
    await reset.getByRole('heading', { name: 'Atur ulang kata sandi' }).waitFor();
    await checkPage(reset, 'atur-ulang-sandi', 360);
    await reset.locator('#sandi-password').fill('sandi-baru-pendidikan');
    await reset.locator('#sandi-confirm').fill('sandi-baru-pendidikan');
    await reset.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await reset.getByText('semua sesi lama diakhiri').waitFor();
    await t.http().get(`${API}/auth/me`).set(bearer(before)).expect(401);
    await reset.getByRole('link', { name: 'Masuk' }).last().click();
    await logIn(reset, email, 'sandi-baru-pendidikan');
    await reset.getByRole('heading', { name: 'Beranda PPID badan publik' }).waitFor();
    for (const p of [page, small, reset]) await p.context().close();
  });

  it("shows the console's Undangan and Kotak keluar pages where the console's shell mounts them", async () => {
    const period = await f.period();
    const bodies = [];
    for (let i = 0; i < 3; i++) bodies.push(await f.body('OPD', `Kecamatan Uji ${i}`, i < 2 ? { email: `camat${i}@kecamatan.test` } : {}));
    await f.enroll(period.id, { publicBodyIds: bodies.map((b) => b.id) });
    for (const width of [1280, 360]) {
      const page = await open(width, `${base}/masuk`);
      await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.waitForURL(/\/beranda/);
      await page.goto(`${base}/beranda/periode/${period.id}/undangan`);
      const heading = page.getByRole('heading', { name: 'Undangan', exact: true });
      if (
        !(await heading.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        ))
      ) {
        // The shell (admin/HomePage.tsx, another change) is what mounts noticesPages.
        console.warn('The console shell does not mount noticesPages yet: Undangan and Kotak keluar not checked in the browser');
        await page.context().close();
        return;
      }
      if (width === 1280) {
        await page.getByRole('button', { name: 'Undang semua badan publik peserta' }).click();
        await page.getByText('Pengiriman undangan selesai').waitFor({ timeout: 20000 });
        await page.getByText('Tidak dapat diundang').waitFor();
      }
      await page.locator('[data-testid="invitation-row"]').first().waitFor();
      await checkPage(page, 'admin-undangan', width);
      await page.goto(`${base}/beranda/periode/${period.id}/kotak-keluar`);
      await page.getByRole('heading', { name: 'Kotak keluar' }).waitFor();
      await checkPage(page, 'admin-kotak-keluar', width);
      await page.context().close();
    }
  });
});
