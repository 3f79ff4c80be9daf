import { mkdirSync, readFileSync } from 'fs';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { ADMIN_PAGE_BUDGET_BYTES, adminFilesOnPublicPages, pageBudgets } from '../../scripts/web-budget';
import { API, Factory, fillSmallInstrument, nextYearPeriod, publishedPeriod, rankAndWait, saqPeriod, SaqBody, verifiedPeriod } from '../factories';
import { freePort } from '../support/private-servers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, bearer, createTestApp, TestApp } from '../support/test-app';
import { chromiumFound, launchChromium } from './chromium';
import { checkPage, SCREENSHOTS } from './page-checks';

/** The id-ID reading of an API score ("85.88" -> "85,88"), as the portal's formatScore gives it for these values. */
const idScore = (s: string | null) => (s === null ? '–' : s.replace('.', ','));

/** The secretariat's console from verification to the piagam and the reports, in Debian's Chromium against the real API, MySQL and Redis. */
(chromiumFound() ? describe : describe.skip)('portal in a browser: the console from verification to reports', () => {
  let t: TestApp;
  let f: Factory;
  let base: string;
  let browser: Browser;
  /** In VERIFICATION, nothing assigned: `conflicted` declared a conflict with bodies[0]. */
  let v: { periodId: string; bodies: SaqBody[]; conflicted: { id: string; name: string } };
  /**
   * In OBJECTION, weighting visitation, all verified, one open sanggah; `conflicted` panelist declared a conflict with bodies[1],
   * `conflictedVisitor` (an assessor) one with bodies[2].
   */
  let p: {
    periodId: string;
    bodies: SaqBody[];
    conflicted: { id: string; name: string };
    panelist: { id: string; name: string };
    visitor: { id: string; name: string; token: string };
    conflictedVisitor: { id: string; name: string };
  };
  /** Year N-1 published, year N over the same bodies in FINALIZATION, not ranked yet. */
  let r: { periodId: string; bodies: SaqBody[] };
  /** Ranked: bodies[0] and [1] equal on the final and SAQ scores (the earlier submission first), bodies[2] lower. */
  let tie: { periodId: string; bodies: SaqBody[] };
  const admin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000', CERT_RENDER_THREADS: '1' } });
    await t.app.listen(port, '127.0.0.1');
    f = new Factory(t);

    const open = await saqPeriod(t, f, { count: 2, year: 2071, categories: ['OPD', 'OPD'] });
    for (const b of open.bodies) {
      await fillSmallInstrument(t, b);
      await t.http().post(`${API}/participations/${b.participationId}/submit`).set(bearer(b.token)).expect(200);
    }
    await f.advance(open.period.id, 'VERIFICATION');
    const conflictedAssessor = await f.user('assessor', { affiliation: 'Lembaga Kajian Mandiri' });
    await admin(t.http().post(`${API}/users/${conflictedAssessor.id}/conflicts`))
      .send({ publicBodyId: open.bodies[0].bodyId, reason: 'Mantan pejabat PPID badan ini' })
      .expect(201);
    v = { periodId: open.period.id, bodies: open.bodies, conflicted: conflictedAssessor };

    const verified = await verifiedPeriod(t, f, {
      count: 3,
      year: 2072,
      overrides: { weights: { saq: 60, visitation: 10, presentation: 30 }, schedule: Factory.schedule(new Date(t.clock.now().getTime() + 24 * 3600 * 1000), 10, true) },
    });
    await t
      .http()
      .post(`${API}/participations/${verified.bodies[0].participationId}/objections`)
      .set(bearer(verified.bodies[0].token))
      .send({ questionCode: '1.2', reason: 'Formulir keberatan sudah tersedia daring', url: 'https://ppid.example.go.id/keberatan' })
      .expect(201);
    const conflictedPanelist = await f.user('panelist', { affiliation: 'Universitas Terbuka' });
    await admin(t.http().post(`${API}/users/${conflictedPanelist.id}/conflicts`))
      .send({ publicBodyId: verified.bodies[1].bodyId })
      .expect(201);
    const panelist = await f.user('panelist', { affiliation: 'Masyarakat sipil' });
    const visitor = await f.user('assessor', { affiliation: 'Universitas Sriwijaya' });
    const conflictedVisitor = await f.user('assessor', { affiliation: 'Lembaga Survei Daerah' });
    await admin(t.http().post(`${API}/users/${conflictedVisitor.id}/conflicts`))
      .send({ publicBodyId: verified.bodies[2].bodyId })
      .expect(201);
    p = { periodId: verified.period.id, bodies: verified.bodies, conflicted: conflictedPanelist, panelist, visitor, conflictedVisitor };

    const prev = await publishedPeriod(t, f, { year: 2073 });
    const cur = await nextYearPeriod(t, f, 2074, prev.bodies, { verified: [{}, { '2.1': 2 }, { '2.3': 1 }, { '1.2': 1.5 }], absent: [4], presentation: { 0: 85, 3: 95 } });
    r = { periodId: cur.period.id, bodies: cur.bodies };

    const tied = await verifiedPeriod(t, f, {
      count: 3,
      year: 2075,
      categories: ['OPD', 'OPD', 'OPD'],
      verified: [{ '2.1': 2 }, { '2.1': 2 }, { '2.1': 1 }],
      overrides: { finalistRule: { type: 'THRESHOLD', value: 100 } },
    });
    await admin(t.http().post(`${API}/periods/${tied.period.id}/finalists`)).expect(200);
    await f.advance(tied.period.id, 'PRESENTATION', { force: true, reason: 'Tidak ada finalis' });
    await f.advance(tied.period.id, 'FINALIZATION', { force: true, reason: 'Tidak ada presentasi' });
    await rankAndWait(t, f, tied.period.id);
    tie = { periodId: tied.period.id, bodies: tied.bodies };

    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (width: number): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 780 : 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(base + '/masuk');
    await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await page.locator('#login-password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Beranda penyelenggara' }).waitFor();
    return { context, page };
  };
  const open = async (page: Page, periodId: string, sub: string, heading: string) => {
    await page.goto(`${base}/beranda/periode/${periodId}/${sub}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };

  /** Rows as tab-joined cell texts, also inside a closed <details> (where innerText is empty). */
  const rowTexts = (rows: Locator) => rows.evaluateAll((els) => els.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim()).join('\t')));
  const saved = async (d: Download): Promise<Buffer> => readFileSync((await d.path())!);

  it('auto-assigns and shows the conflict it skipped; refuses a manual assignment with a conflict and names it; lists progress and open sanggah', async () => {
    const { context, page } = await signedIn(1280);
    await open(page, v.periodId, 'verifikasi', 'Verifikasi dan sanggah');
    await page.getByRole('button', { name: 'Tugaskan verifikator otomatis' }).click();
    const result = page.getByTestId('auto-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/2 penugasan baru; 1 kuesioner melewati verifikator karena konflik kepentingan/);
    expect(await page.getByTestId('skipped-conflicts').locator('tbody tr').allInnerTexts()).toEqual([`${v.bodies[0].name}\t${v.conflicted.name}`]);
    const api = (await admin(t.http().get(`${API}/periods/${v.periodId}/assignments`)).expect(200)).body.items as { assessor: { name: string }; assigned: number }[];
    // Progress per assessor equals the API's.
    const rows = page.getByTestId('assessor-progress').locator('tbody tr');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="assessor-progress"] tbody tr').length === n, api.length);
    const texts = await rows.allInnerTexts();
    expect(texts.map((x) => x.split('\t')[1])).toEqual(api.map((a) => String(a.assigned)));

    // Manual: the conflicted assessor for bodies[0] is refused with the reason.
    await page.getByRole('combobox', { name: 'Verifikator' }).click();
    await page.getByRole('option', { name: new RegExp(v.conflicted.name) }).click();
    await page.getByRole('combobox', { name: 'Badan publik' }).click();
    await page.getByRole('option', { name: v.bodies[0].name }).click();
    await page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    const refused = page.getByTestId('action-error');
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      `Ditolak karena konflik kepentingan: verifikator ini tidak boleh menilai ${v.bodies[0].name} (afiliasi atau konflik yang dinyatakan).`,
    );
    await checkPage(page, 'admin-verifikasi', 1280);

    // The other period's open sanggah.
    await open(page, p.periodId, 'verifikasi', 'Verifikasi dan sanggah');
    const objections = page.getByTestId('open-objections');
    await objections.waitFor();
    expect(await objections.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining(`${p.bodies[0].name}`)]);
    expect(await objections.locator('tbody tr').first().innerText()).toContain('Formulir keberatan sudah tersedia daring');
    await context.close();
  });

  it('selects the finalists by the rule and refuses a panel assignment with a conflict, naming it', async () => {
    const { context, page } = await signedIn(1280);
    await open(page, p.periodId, 'panel', 'Finalis dan panel');
    await page.getByRole('button', { name: 'Tetapkan finalis' }).click();
    const finalists = page.getByTestId('finalists');
    await finalists.waitFor();
    // Threshold 80: all three at SAQ 100.
    expect(await finalists.locator('caption').textContent()).toBe('3 finalis menurut aturan: nilai SAQ paling rendah 80,00');
    expect(await finalists.locator('tbody tr').count()).toBe(3);
    await page.getByTestId('panel-overview').waitFor();

    const panelForm = page.getByRole('region', { name: 'Penugasan panelis' });
    await page.getByRole('combobox', { name: 'Panelis' }).click();
    await page.getByRole('option', { name: new RegExp(p.conflicted.name) }).click();
    for (const b of p.bodies) await panelForm.getByRole('checkbox', { name: new RegExp(b.name) }).check();
    await page.getByRole('button', { name: 'Tugaskan panelis' }).click();
    const refused = page.getByTestId('action-error');
    await refused.waitFor();
    expect(await refused.textContent()).toBe(`Ditolak karena konflik kepentingan: panelis ini tidak boleh menilai ${p.bodies[1].name} (afiliasi atau konflik yang dinyatakan).`);
    const none = (await admin(t.http().get(`${API}/periods/${p.periodId}/panel`)).expect(200)).body.items as { panelists: unknown[] }[];
    expect(none.every((i) => i.panelists.length === 0)).toBe(true);

    await page.getByRole('combobox', { name: 'Panelis' }).click();
    await page.getByRole('option', { name: new RegExp(p.panelist.name) }).click();
    await page.getByRole('button', { name: 'Tugaskan panelis' }).click();
    await page.getByText('3 penugasan panel baru.').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="panel-overview"]')?.textContent?.includes('Belum ada panelis'));
    await context.close();
  });

  it('assigns an assessor to visit finalists, refuses a conflicted one with the reason, and lists the visitors and whether they scored', async () => {
    const { context, page } = await signedIn(1280);
    await open(page, p.periodId, 'panel', 'Finalis dan panel');
    const visits = page.getByRole('region', { name: 'Visitasi oleh verifikator' });
    const cells = page.getByTestId('panel-overview').getByTestId('visitors');
    await page.getByTestId('panel-overview').waitFor();
    expect(await cells.allInnerTexts()).toEqual(['Belum ada verifikator', 'Belum ada verifikator', 'Belum ada verifikator']);

    await visits.getByRole('combobox', { name: 'Verifikator' }).click();
    await page.getByRole('option', { name: `${p.conflictedVisitor.name} (Lembaga Survei Daerah)`, exact: true }).click();
    for (const b of p.bodies) await visits.getByRole('checkbox', { name: new RegExp(b.name) }).check();
    await visits.getByRole('button', { name: 'Tugaskan visitasi' }).click();
    const refused = visits.getByTestId('action-error');
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      `Ditolak karena konflik kepentingan: verifikator ini tidak boleh menilai ${p.bodies[2].name} (afiliasi atau konflik yang dinyatakan).`,
    );
    const none = (await admin(t.http().get(`${API}/periods/${p.periodId}/panel`)).expect(200)).body.items as { visitors: unknown[] }[];
    expect(none.every((i) => i.visitors.length === 0)).toBe(true);

    await visits.getByRole('combobox', { name: 'Verifikator' }).click();
    await page.getByRole('option', { name: `${p.visitor.name} (Universitas Sriwijaya)`, exact: true }).click();
    await visits.getByRole('button', { name: 'Tugaskan visitasi' }).click();
    await visits.getByText('3 penugasan visitasi baru.').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="panel-overview"]')?.textContent?.includes('Belum ada verifikator'));
    expect(await cells.allInnerTexts()).toEqual([0, 1, 2].map(() => `${p.visitor.name} (belum menilai)`));

    // Once the visitor has scored one finalist, the overview says so, with the score.
    await f.advance(p.periodId, 'VISITATION', { force: true, reason: 'Sanggah diputus di luar uji ini' });
    const scoredId = p.bodies[0].participationId;
    await t.http().put(`${API}/participations/${scoredId}/visitation`).set(bearer(p.visitor.token)).send({ score: '85.25' }).expect(200);
    const items = (await admin(t.http().get(`${API}/periods/${p.periodId}/panel`)).expect(200)).body.items as { participationId: string; visitors: { scored: boolean }[] }[];
    await page.reload();
    await page.getByTestId('panel-overview').waitFor();
    expect(await cells.allInnerTexts()).toEqual(items.map((i) => `${p.visitor.name} (${i.participationId === scoredId ? 'sudah menilai: 85,25' : 'belum menilai'})`));
    await checkPage(page, 'admin-panel', 1280);

    // A period that does not weight visitation offers no visitor assignment, and says why.
    await open(page, tie.periodId, 'panel', 'Finalis dan panel');
    await page
      .getByRole('region', { name: 'Visitasi oleh verifikator' })
      .getByText('Periode ini tidak memberi bobot pada visitasi: verifikator tidak dapat ditugaskan berkunjung.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Tugaskan visitasi' }).count()).toBe(0);
    await context.close();
  });

  it('ranks and watches the run finish, shows the API results, publishes with a confirmation, issues the certificates, compares a correction and lists the revoked codes', async () => {
    const { context, page } = await signedIn(1280);
    await open(page, r.periodId, 'pemeringkatan', 'Pemeringkatan dan publikasi');
    await page.getByRole('button', { name: 'Hitung peringkat' }).click();
    await page.locator('[data-testid="latest-run"][data-status="DONE"]').waitFor({ timeout: 60000 });
    const runs = (await admin(t.http().get(`${API}/periods/${r.periodId}/rankings`)).expect(200)).body;
    const first = runs.items[0].id as string;
    await page.locator('[data-testid="result-row"]').first().waitFor();

    // The tables equal the API's results, row for row.
    type Item = {
      participationId: string;
      rankInCategory: number | null;
      publicBody: string;
      saqScore: string | null;
      finalScore: string | null;
      qualificationLabel: string;
      qualification: string;
    };
    const items = (await admin(t.http().get(`${API}/rankings/${first}/results?pageSize=500`)).expect(200)).body.items as Item[];
    const shown = await page.locator('[data-testid="result-row"]').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');
        return { id: row.getAttribute('data-participation'), rank: cells[0], body: cells[1].replace('Finalis', ''), saq: cells[2], final: cells[5], qualification: cells[6] };
      }),
    );
    expect(shown.sort((a, b) => a.id!.localeCompare(b.id!))).toEqual(
      items
        .map((i) => ({
          id: i.participationId,
          rank: i.rankInCategory === null ? '–' : String(i.rankInCategory),
          body: i.publicBody,
          saq: idScore(i.saqScore),
          final: idScore(i.finalScore),
          qualification: i.qualificationLabel,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await page.locator('[data-testid="result-row"] [data-qualification="MENUJU_INFORMATIF"]').count()).toBe(1);
    await checkPage(page, 'admin-pemeringkatan', 1280);

    // Publish, after the confirmation.
    await page.getByRole('button', { name: 'Terbitkan hasil ini' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terbitkan hasil pemeringkatan?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await admin(t.http().get(`${API}/periods/${r.periodId}`)).expect(200)).body.stage).toBe('FINALIZATION');
    await page.getByRole('button', { name: 'Terbitkan hasil ini' }).click();
    await dialog.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByTestId('published-note').waitFor();
    expect((await admin(t.http().get(`${API}/periods/${r.periodId}`)).expect(200)).body).toMatchObject({ stage: 'PUBLISHED', publishedRunId: first });

    // The certificate batch, with its progress bar, to done.
    await page.getByRole('button', { name: 'Terbitkan piagam' }).click();
    const batch = page.locator('[data-testid="batch"][data-status="DONE"]');
    await batch.waitFor({ timeout: 60000 });
    expect(await batch.textContent()).toContain(`Perhitungan #${first}: 4 dari 4 piagam selesai — selesai`);
    expect(await batch.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('no-revoked').textContent()).toBe('Tidak ada piagam yang dicabut.');

    // A correction: bodies[1]'s 2.1 verified again at full points, ranked again, compared, re-published.
    await admin(t.http().put(`${API}/participations/${r.bodies[1].participationId}/verifications/2.1`))
      .send({ points: 4, status: 'ADJUSTED', note: 'Koreksi: DIP mutakhir' })
      .expect(200);
    await page.getByRole('button', { name: 'Hitung peringkat' }).click();
    await page.waitForFunction((id) => {
      const el = document.querySelector('[data-testid="latest-run"]');
      return el?.getAttribute('data-status') === 'DONE' && !el.textContent?.includes(`#${id}:`);
    }, first);
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    // bodies[1] 85.88 -> 100.00 (not a finalist: its SAQ score) and first; the two others move down a rank.
    const diffRows = await comparison.locator('tbody tr').allInnerTexts();
    expect(diffRows.map((x) => x.split('\n')[0])).toEqual([r.bodies[1].name, r.bodies[0].name, r.bodies[2].name]);
    expect(await comparison.getByTestId('change').allTextContents()).toEqual(['+14,12', '0,00', '0,00']);
    expect(diffRows[1]).toContain('95,50 · peringkat 1 Informatif\t95,50 · peringkat 2 Informatif');
    await checkPage(page, 'admin-koreksi', 1280);
    await page.getByRole('button', { name: 'Terbitkan hasil ini' }).click();
    await dialog.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByTestId('published-note').waitFor();
    const revoked = page.getByTestId('revoked');
    await revoked.waitFor();
    const api = (await admin(t.http().get(`${API}/periods/${r.periodId}/certificates/revoked`)).expect(200)).body.items as { code: string }[];
    expect(api).toHaveLength(4);
    expect((await revoked.locator('tbody code').allTextContents()).sort()).toEqual(api.map((c) => c.code).sort());
    await context.close();
  });

  it('names the tie-break that decided each shared final score', async () => {
    const { context, page } = await signedIn(1280);
    await open(page, tie.periodId, 'pemeringkatan', 'Pemeringkatan dan publikasi');
    await page.locator('[data-testid="result-row"]').first().waitFor();
    const rows = await page
      .locator('[data-testid="result-row"]')
      .evaluateAll((els) => els.map((row) => [row.getAttribute('data-participation'), row.querySelector('[data-testid="tie-break"]')?.textContent]));
    const same = 'Nilai sama; ditentukan oleh waktu pengiriman yang lebih awal';
    expect(rows).toEqual([
      [tie.bodies[0].participationId, same],
      [tie.bodies[1].participationId, same],
      [tie.bodies[2].participationId, '–'],
    ]);
    await context.close();
  });

  it('shows the statistics as charts with their data, downloads CSV and XLSX, and the change against the previous year', async () => {
    const { context, page } = await signedIn(1280);
    await open(page, r.periodId, 'laporan', 'Laporan dan statistik');
    for (const id of ['funnel', 'distribution', 'aspects', 'qualifications', 'yoy']) {
      const chart = page.getByTestId(`chart-${id}`);
      await chart.locator('svg.recharts-surface').first().waitFor();
      expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    }
    const stats = (await admin(t.http().get(`${API}/periods/${r.periodId}/stats`)).expect(200)).body;
    const funnel = await rowTexts(page.getByTestId('funnel-table').locator('tr'));
    expect(funnel).toEqual(
      [
        ['Diundang', stats.funnel.invited],
        ['Mulai mengisi', stats.funnel.started],
        ['Mengirim', stats.funnel.submitted],
        ['Terverifikasi', stats.funnel.verified],
        ['Finalis', stats.funnel.finalist],
        ['Diperingkat', stats.funnel.ranked],
      ].map(([s, n]) => `${s}\t${n}`),
    );
    expect(stats.funnel).toEqual({ invited: 5, started: 4, submitted: 4, verified: 4, finalist: 2, ranked: 4 });
    expect(await page.getByTestId('chart-aspects').locator('p').first().textContent()).toMatch(/^Aspek terlemah: A\d/);

    // Previous year, against the corrected publication: per body (bodies[1] now 100.00) and per category.
    const yoy = await rowTexts(page.getByTestId('yoy-bodies').locator('tbody tr'));
    expect(yoy).toEqual([
      `${r.bodies[1].name}\t97,00 (Informatif)\t100,00 (Informatif)\t+3,00`,
      `${r.bodies[0].name}\t94,00 (Informatif)\t95,50 (Informatif)\t+1,50`,
      `${r.bodies[2].name}\t40,00 (Kurang Informatif)\t92,94 (Informatif)\t+52,94`,
      `${r.bodies[3].name}\t91,00 (Informatif)\t90,10 (Informatif)\t-0,90`,
    ]);
    // OPD: (94 + 97 + 40) / 3 = 77.00 -> (100 + 95.50 + 92.94) / 3 = 96.1466... -> 96.15.
    expect(await rowTexts(page.getByTestId('yoy-categories').locator('tbody tr'))).toEqual([
      'Badan Usaha Milik Daerah\t91,00\t90,10\t-0,90',
      'Organisasi Perangkat Daerah\t77,00\t96,15\t+19,15',
    ]);
    await checkPage(page, 'admin-laporan', 1280);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`peringkat-${r.periodId}.csv`);
    const csvText = (await saved(csv)).toString('utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('Peringkat Kategori');
    expect(csvText).toContain(r.bodies[0].name);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh Excel (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`peringkat-${r.periodId}.xlsx`);
    expect((await saved(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
    await context.close();
  });

  it('is usable at 360 px on every page', async () => {
    const { context, page } = await signedIn(360);
    await open(page, v.periodId, 'verifikasi', 'Verifikasi dan sanggah');
    await page.getByTestId('assessor-progress').waitFor();
    await checkPage(page, 'admin-verifikasi', 360);
    await open(page, p.periodId, 'panel', 'Finalis dan panel');
    await page.getByTestId('panel-overview').waitFor();
    await checkPage(page, 'admin-panel', 360);
    await open(page, r.periodId, 'pemeringkatan', 'Pemeringkatan dan publikasi');
    await page.getByTestId('revoked').waitFor();
    await checkPage(page, 'admin-pemeringkatan', 360);
    await open(page, r.periodId, 'laporan', 'Laporan dan statistik');
    await page.getByTestId('chart-yoy').locator('svg.recharts-surface').first().waitFor();
    await checkPage(page, 'admin-laporan', 360);
    await context.close();
  });

  it('keeps the console with its charts within 500 KB gzip, and the public pages free of them', async () => {
    const admin = pageBudgets().filter((b) => b.page.includes('admin'));
    expect(admin.map((b) => b.page)).toEqual(['/beranda/* (admin console)', '/beranda/periode/:id/laporan (admin, charts)']);
    for (const b of admin) expect(b.gzipBytes).toBeLessThanOrEqual(ADMIN_PAGE_BUDGET_BYTES);
    expect(adminFilesOnPublicPages().flatMap((l) => l.files)).toEqual([]);
    // In the browser: the public front page requests no chunk of the reports page (where recharts lives).
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (req) => void (req.resourceType() === 'script' && scripts.push(req.url())));
    await page.goto(base + '/');
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((u) => /ReportsPage|recharts/.test(u))).toEqual([]);
    await context.close();
  });
});
