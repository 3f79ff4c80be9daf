import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { API, Factory } from '../factories';
import { freePort } from '../support/private-servers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, bearer, createTestApp, TestApp } from '../support/test-app';
import { chromiumFound, launchChromium } from './chromium';

const COOKIE = 'monev_session';

/** Sessions in Debian's Chromium: 5-second access tokens, so the portal has to refresh to keep the user in. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: sessions', () => {
  let t: TestApp;
  let f: Factory;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { JWT_TTL_SECONDS: '5', REFRESH_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '1000' }, workers: false });
    await t.app.listen(port, '127.0.0.1');
    f = new Factory(t);
    browser = await launchChromium();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A signed-in assessor in a fresh browser context, with every answer of /auth/refresh recorded. */
  const signedIn = async (): Promise<{ context: BrowserContext; page: Page; refreshes: { status: number; accessToken?: string }[]; user: { id: string } }> => {
    // Five-second tokens: the factory gets a fresh admin token each time.
    f.token = await adminToken();
    const user = await f.user('assessor');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const refreshes: { status: number; accessToken?: string }[] = [];
    page.on('response', async (res) => {
      if (!res.url().endsWith('/api/v1/auth/refresh')) return;
      const body = await res.json().catch(() => ({}));
      refreshes.push({ status: res.status(), accessToken: body.accessToken });
    });
    await page.goto(`${base}/masuk`);
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Beranda verifikator' }).waitFor();
    // The load of /masuk asked (401, no cookie yet) whether a session was there to restore: not counted.
    expect(refreshes).toEqual([{ status: 401, accessToken: undefined }]);
    refreshes.length = 0;
    return { context, page, refreshes, user };
  };

  const adminToken = () => t.login(ADMIN_EMAIL, ADMIN_PASSWORD);

  /** A user at work: a click every second for `ms`. */
  const work = async (page: Page, ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until;) {
      await page.mouse.click(5, 300);
      await page.waitForTimeout(1000);
    }
  };
  const sessionCookie = async (context: BrowserContext) => (await context.cookies(`${base}/api/v1/auth/refresh`)).find((c) => c.name === COOKIE);

  it('keeps an active user signed in across several refreshes and a reload, with no token in script-readable storage', async () => {
    const { context, page, refreshes } = await signedIn();
    await work(page, 12000);
    const ok = refreshes.filter((r) => r.status === 200);
    // 5-second tokens refreshed a second ahead: at least two rotations in 12 s, none refused.
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(refreshes.filter((r) => r.status !== 200)).toEqual([]);
    await t
      .http()
      .get(`${API}/auth/me`)
      .set(bearer(ok[ok.length - 1].accessToken!))
      .expect(200);
    await expect(page.getByRole('button', { name: 'Keluar' }).isVisible()).resolves.toBe(true);

    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    const readable = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }));
    expect(readable).toEqual({ local: 0, session: 0, cookies: '' });

    await page.reload();
    await page.getByRole('heading', { name: 'Beranda verifikator' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/beranda');
    await context.close();
  }, 60000);

  it('logout ends the session: a reload lands on /masuk and the old cookie is refused', async () => {
    const { context, page } = await signedIn();
    const cookie = (await sessionCookie(context))!;
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('link', { name: 'Masuk' }).waitFor();
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto(`${base}/beranda`);
    await page.waitForURL(`${base}/masuk`);
    await t.http().post(`${API}/auth/refresh`).set('Cookie', `${COOKIE}=${cookie.value}`).expect(401);
    await context.close();
  }, 60000);

  it('a replayed refresh token ends the family: the portal says the session ended and a reload lands on /masuk', async () => {
    const { context, page, refreshes, user } = await signedIn();
    const before = (await sessionCookie(context))!.value;
    const seen = refreshes.length;
    await work(page, 1000);
    while (refreshes.length === seen) await work(page, 1000);
    expect(refreshes[seen].status).toBe(200);
    expect((await sessionCookie(context))!.value).not.toBe(before);

    // The stolen copy is replayed: 401, and the family (the browser's current cookie too) is revoked.
    await t.http().post(`${API}/auth/refresh`).set('Cookie', `${COOKIE}=${before}`).expect(401);
    const audit = await t
      .http()
      .get(`${API}/audit?entityType=user&entityId=${user.id}`)
      .set(bearer(await adminToken()))
      .expect(200);
    expect(audit.body.items.some((a: { action: string }) => a.action === 'session.reuse_detected')).toBe(true);

    // The browser's next refresh is refused: it says so, in Indonesian, and leaves the signed-in pages.
    const alert = page.getByRole('alert').filter({ hasText: 'Sesi Anda berakhir, silakan masuk kembali' });
    while (!(await alert.isVisible())) await work(page, 500);
    await page.waitForURL(`${base}/masuk`);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help}`)).toEqual([]);

    await page.reload();
    await page.goto(`${base}/beranda`);
    await page.waitForURL(`${base}/masuk`);
    await context.close();
  }, 60000);
});
