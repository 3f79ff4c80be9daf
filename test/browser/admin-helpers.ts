import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export { checkPage, SCREENSHOTS } from './page-checks';

/** A signed-in browser at `width` px (id-ID, WIB), landed on the signed-in home with `heading`. */
export async function signedIn(
  browser: Browser,
  base: string,
  width: number,
  who: { email: string; password: string },
  heading: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 780 : 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await page.goto(base + '/masuk');
  await page.getByLabel('E-mail').fill(who.email);
  await page.locator('#login-password').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
  return { context, page };
}

/** Picks `option` in the Mantine Select or MultiSelect labelled `label` (typing to filter when searchable). */
export async function pick(scope: Page | Locator, page: Page, label: string, option: string | RegExp): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click({ force: true });
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

/** The datetime-local value (the WIB wall clock) `days` from now at `hour`:00. */
export function wibWall(days: number, hour = 8): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000 + 7 * 3600 * 1000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

/** Opens a console page from the navigation and waits for its heading. */
export async function navigate(page: Page, nav: string, heading: string | RegExp): Promise<void> {
  await page.getByTestId('admin-nav').getByRole('link', { name: nav, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Adds a category with the registry page's form. */
export async function addCategory(page: Page, code: string, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Tambah kategori' });
  await form.getByLabel('Kode kategori').fill(code);
  await form.getByLabel('Nama kategori').fill(name);
  await form.getByRole('button', { name: 'Tambah kategori' }).click();
  await page.getByTestId('category-list').getByRole('cell', { name: code, exact: true }).waitFor();
}

/** Imports `csv` on the registry page; the result block once shown. */
export async function importCsv(page: Page, csv: string): Promise<Locator> {
  await page.locator('section[aria-labelledby="impor-csv"] input[type="file"]').setInputFiles({ name: 'badan-publik.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  return result;
}

export interface NewUser {
  role: 'PPID badan publik' | 'Penilai (verifikator)' | 'Panelis (juri)';
  name: string;
  email: string;
  password: string;
  /** the body's option label, for a PPID */
  body?: string;
  affiliation?: string;
}

/** Fills the users page's form and submits it (without waiting for the outcome). */
export async function submitUser(page: Page, u: NewUser): Promise<Locator> {
  const form = page.locator('section[aria-labelledby="pengguna-baru"]');
  await pick(form, page, 'Peran', u.role);
  if (u.body) await pick(form, page, 'Badan publik', u.body);
  await form.getByLabel('Nama', { exact: true }).fill(u.name);
  await form.getByLabel('E-mail').fill(u.email);
  await form.getByLabel('Kata sandi awal').fill(u.password);
  if (u.affiliation !== undefined) await form.getByLabel('Afiliasi').fill(u.affiliation);
  await form.getByRole('button', { name: 'Buat akun' }).click();
  return form;
}

export async function createUser(page: Page, u: NewUser): Promise<void> {
  const form = await submitUser(page, u);
  await form.getByTestId('user-created').filter({ hasText: u.name }).waitFor();
}

/** Fills the new-period form: WIB, the given weights and finalist rule, consecutive 10-day windows from tomorrow. */
export async function fillPeriodForm(page: Page, o: { year: number; saq: string; presentation: string; finalist: 'THRESHOLD' | 'TOP_N'; finalistValue: string }): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Pengaturan periode' });
  await form.getByLabel('Tahun').fill(String(o.year));
  await form.getByLabel('SAQ', { exact: true }).fill(o.saq);
  await form.getByLabel('Presentasi', { exact: true }).fill(o.presentation);
  if (o.finalist === 'TOP_N') await pick(form, page, 'Jenis', 'N terbaik per kategori');
  await form.getByLabel(o.finalist === 'TOP_N' ? 'Jumlah per kategori' : 'Nilai SAQ minimal').fill(o.finalistValue);
  for (const [i, s] of ['SAQ', 'VERIFICATION', 'OBJECTION', 'PRESENTATION'].entries()) {
    await form.locator(`#schedule-${s}-opensAt`).fill(wibWall(1 + i * 10));
    await form.locator(`#schedule-${s}-closesAt`).fill(wibWall(11 + i * 10, 23));
  }
  return form;
}

/** Uploads an instrument as JSON on the instrument page and waits for it to be saved. */
export async function uploadInstrument(page: Page, instrument: unknown): Promise<string> {
  await page
    .locator('section[aria-labelledby="unggah-instrumen"] input[type="file"]')
    .setInputFiles({ name: 'instrumen.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(instrument)) });
  await page.getByRole('button', { name: 'Unggah instrumen' }).click();
  return (await page.getByTestId('instrument-saved').textContent()) ?? '';
}

/** Moves the period on the stages page with the default target ("Lanjutkan ke <label>") and waits until it is the current stage. */
export async function advanceTo(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Lanjutkan ke ${label}` }).click();
  await page.getByTestId('stage-timeline').locator('li[aria-current="step"]', { hasText: label }).waitFor();
}

/** Extends a body's deadline from its row of the monitoring table. */
export async function extendFromRow(page: Page, participationId: string, bodyName: string, wall: string, reason: string): Promise<void> {
  const row = page.locator(`[data-testid="monitoring-row"][data-participation="${participationId}"]`);
  await row.getByRole('button', { name: `Perpanjang batas waktu ${bodyName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Perpanjang batas waktu' });
  await dialog.locator('#extend-closes').fill(wall);
  await dialog.getByLabel('Alasan perpanjangan').fill(reason);
  await dialog.getByRole('button', { name: 'Simpan perpanjangan' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText('Diperpanjang').waitFor();
}
