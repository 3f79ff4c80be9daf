import type { Browser, Page } from 'playwright-core';
import { API, fillSmallInstrument, FULL_POINTS, SaqBody, smallInstrument } from '../factories';
import { freePort } from '../support/private-servers';
import { ADMIN_EMAIL, ADMIN_PASSWORD, bearer, createTestApp, eventually, TestApp } from '../support/test-app';
import { addCategory, advanceTo, checkPage, createUser, extendFromRow, fillPeriodForm, importCsv, navigate, NewUser, pick, signedIn, uploadInstrument, wibWall } from './admin-helpers';
import { chromiumFound, launchChromium } from './chromium';

const YEAR = 2032;
/** An API score in the portal's id-ID reading ("85.88" -> "85,88"). */
const idScore = (s: string | null) => (s === null ? '–' : s.replace('.', ','));

/**
 * One whole monev, from an empty installation to the public ranking: the secretariat works in the
 * browser (setup, stages, monitoring, assignments, finalists and panel, ranking, publication,
 * certificates); PPIDs, the assessor and the panelist act through the API (their own pages have
 * their own browser specs).
 */
(chromiumFound() ? describe : describe.skip)('portal in a browser: a whole monev run by the secretariat', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const asAdmin = (req: import('supertest').Test) => req.set(bearer(t.adminToken));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000', CERT_RENDER_THREADS: '1' } });
    await t.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sets up, runs and publishes a period; the public page and the console show the API results', async () => {
    const { context, page } = await signedIn(browser, base, 1280, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, 'Beranda penyelenggara');

    // Setup: categories, bodies by CSV (one bad line), users.
    await navigate(page, 'Kategori dan badan publik', 'Kategori dan badan publik');
    await addCategory(page, 'OPD', 'Organisasi Perangkat Daerah');
    await addCategory(page, 'BUMD', 'Badan Usaha Milik Daerah');
    const imported = await importCsv(
      page,
      [
        'name,categoryCode,region,website,email',
        'Dinas Kesehatan,OPD,Palangka Raya,,',
        'Dinas Pendidikan,OPD,Palangka Raya,,',
        'Dinas Perhubungan,OPD,Palangka Raya,,',
        'Bank Kalteng,BUMD,Palangka Raya,,',
        'Dinas Kesehatan,OPD,,,',
      ].join('\n'),
    );
    expect(await page.getByTestId('import-errors').locator('tbody tr').allInnerTexts()).toEqual(['6\tNama\tnama ini sudah terdaftar di kategori yang sama']);
    expect(await imported.locator('p').first().textContent()).toBe('4 badan publik ditambahkan; 1 baris ditolak.');

    await navigate(page, 'Pengguna', 'Pengguna');
    const ppids: (NewUser & { bodyName: string; categoryCode: string })[] = [
      { role: 'PPID badan publik', bodyName: 'Dinas Kesehatan', categoryCode: 'OPD', body: 'Dinas Kesehatan (OPD)', name: 'PPID Dinkes', email: 'ppid.dinkes@example.go.id', password: 'rahasia-dinkes-1' },
      { role: 'PPID badan publik', bodyName: 'Dinas Pendidikan', categoryCode: 'OPD', body: 'Dinas Pendidikan (OPD)', name: 'PPID Disdik', email: 'ppid.disdik@example.go.id', password: 'rahasia-disdik-1' },
      { role: 'PPID badan publik', bodyName: 'Bank Kalteng', categoryCode: 'BUMD', body: 'Bank Kalteng (BUMD)', name: 'PPID Bank', email: 'ppid.bank@example.go.id', password: 'rahasia-bank-001' },
    ];
    for (const u of ppids) await createUser(page, u);
    const assessor: NewUser = { role: 'Penilai (verifikator)', name: 'Penilai Satu', email: 'penilai@example.ac.id', password: 'rahasia-penilai-1', affiliation: 'Universitas Palangka Raya' };
    const panelist: NewUser = { role: 'Panelis (juri)', name: 'Panelis Satu', email: 'panelis@example.org', password: 'rahasia-panelis-1', affiliation: 'Masyarakat sipil' };
    await createUser(page, assessor);
    await createUser(page, panelist);

    // The period form: one field error (weights), fixed.
    await navigate(page, 'Periode baru', 'Periode baru');
    const form = await fillPeriodForm(page, { year: YEAR, saq: '70', presentation: '20', finalist: 'TOP_N', finalistValue: '1' });
    await form.getByRole('button', { name: 'Buat periode' }).click();
    await expect(form.getByTestId('error-summary').getByRole('link').allTextContents()).resolves.toEqual(['Bobot: jumlahnya harus tepat 100']);
    await form.getByLabel('Presentasi', { exact: true }).fill('30');
    await form.getByRole('button', { name: 'Buat periode' }).click();
    await page.getByRole('heading', { level: 1, name: /^Instrumen / }).waitFor();
    const periodId = /\/periode\/(\d+)\//.exec(page.url())![1];
    expect(await uploadInstrument(page, smallInstrument('BUMD'))).toBe('Instrumen disimpan: 6 pertanyaan dalam 2 aspek.');

    await navigate(page, 'Peserta', /^Peserta /);
    await pick(page, page, 'Kategori (semua badan publiknya)', 'OPD – Organisasi Perangkat Daerah');
    await pick(page, page, 'Kategori (semua badan publiknya)', 'BUMD – Badan Usaha Milik Daerah');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await expect(page.getByTestId('enroll-result').textContent()).resolves.toBe('4 badan publik didaftarkan; 0 sudah terdaftar sebelumnya.');

    // The stages: registration, then the SAQ opens.
    await navigate(page, 'Tahapan', /^Tahapan /);
    await advanceTo(page, 'Registrasi');
    await advanceTo(page, 'Pengisian kuesioner (SAQ)');

    // PPIDs fill and submit; Dinas Pendidikan first gets an extension from the monitoring table.
    const bodies: SaqBody[] = [];
    for (const u of ppids) {
      const token = await t.login(u.email, u.password);
      const p = (await t.http().get(`${API}/participations/mine`).set(bearer(token)).expect(200)).body.items[0];
      bodies.push({ token, participationId: p.id, bodyId: p.publicBody.id, name: u.bodyName, categoryCode: u.categoryCode });
    }
    const [dinkes, disdik, bank] = bodies;
    for (const b of [dinkes, bank]) {
      await fillSmallInstrument(t, b);
      await t.http().post(`${API}/participations/${b.participationId}/submit`).set(bearer(b.token)).expect(200);
    }
    await navigate(page, 'Pemantauan SAQ', /^Pemantauan SAQ /);
    await expect(page.getByTestId('monitoring-counts').locator('tr[data-category="ALL"]').innerText()).resolves.toBe('Semua kategori\t2\t0\t2\t0\t4\t50,00');
    await extendFromRow(page, disdik.participationId, 'Dinas Pendidikan', wibWall(15, 23), 'Server kabupaten padam dua hari');
    expect((await asAdmin(t.http().get(`${API}/participations/${disdik.participationId}`)).expect(200)).body).toMatchObject({
      deadline: new Date(`${wibWall(15, 23)}:00+07:00`).toISOString(),
      deadlineExtended: true,
    });
    await fillSmallInstrument(t, disdik, { strong: false });
    await t.http().post(`${API}/participations/${disdik.participationId}/submit`).set(bearer(disdik.token)).expect(200);

    // Verification: assignment in the console; the assessor verifies through the API.
    await navigate(page, 'Tahapan', /^Tahapan /);
    await advanceTo(page, 'Verifikasi');
    await navigate(page, 'Verifikasi dan sanggah', 'Verifikasi dan sanggah');
    await page.getByRole('button', { name: 'Tugaskan verifikator otomatis' }).click();
    await expect(page.getByTestId('auto-result').textContent()).resolves.toMatch(/^3 penugasan baru/);
    const assessorToken = await t.login(assessor.email, assessor.password);
    const verified: Record<string, Record<string, number>> = {
      [dinkes.participationId]: FULL_POINTS,
      [bank.participationId]: { ...FULL_POINTS, '2.1': 2 },
      [disdik.participationId]: { '1.1': 0, '1.2': 1, '2.1': 2, '2.2': 1, '2.3': 1 },
    };
    for (const b of bodies) {
      for (const [code, points] of Object.entries(verified[b.participationId])) {
        if (code === '2.4' && b.categoryCode !== 'BUMD') continue;
        await t.http().put(`${API}/participations/${b.participationId}/verifications/${code}`).set(bearer(assessorToken)).send({ points, status: 'ADJUSTED', note: 'Sesuai data dukung' }).expect(200);
      }
      await t.http().post(`${API}/participations/${b.participationId}/verification/complete`).set(bearer(assessorToken)).expect(200);
    }

    // The sanggah: Dinas Pendidikan objects to 2.1, the assessor accepts it with new points.
    await navigate(page, 'Tahapan', /^Tahapan /);
    await advanceTo(page, 'Masa sanggah');
    const objection = await t
      .http()
      .post(`${API}/participations/${disdik.participationId}/objections`)
      .set(bearer(disdik.token))
      .send({ questionCode: '2.1', reason: 'DIP sudah dimutakhirkan bulan lalu', url: 'https://disdik.example.go.id/dip' })
      .expect(201);
    await navigate(page, 'Verifikasi dan sanggah', 'Verifikasi dan sanggah');
    await page.getByTestId('open-objections').getByText('DIP sudah dimutakhirkan bulan lalu').waitFor();
    await t.http().put(`${API}/objections/${objection.body.id}`).set(bearer(assessorToken)).send({ decision: 'ACCEPTED', points: 4, note: 'DIP mutakhir terbukti' }).expect(200);

    // Finalists by the rule (best one per category) and the panel, in the console.
    await navigate(page, 'Finalis dan panel', 'Finalis dan panel');
    await page.getByRole('button', { name: 'Tetapkan finalis' }).click();
    const finalists = page.getByTestId('finalists');
    await finalists.waitFor();
    const finalistIds = ((await asAdmin(t.http().get(`${API}/periods/${periodId}/panel`)).expect(200)).body.items as { participationId: string }[]).map((i) => i.participationId);
    expect(finalistIds.sort()).toEqual([dinkes.participationId, bank.participationId].sort());
    await page.getByRole('combobox', { name: 'Panelis' }).click();
    await page.getByRole('option', { name: /Panelis Satu/ }).click();
    for (const b of [dinkes, bank]) await page.getByRole('checkbox', { name: new RegExp(b.name) }).check();
    await page.getByRole('button', { name: 'Tugaskan panelis' }).click();
    await page.getByText('2 penugasan panel baru.').waitFor();

    // The panel scores the presentations through the API.
    await navigate(page, 'Tahapan', /^Tahapan /);
    await advanceTo(page, 'Presentasi');
    const panelistToken = await t.login(panelist.email, panelist.password);
    for (const [b, score] of [
      [dinkes, 88],
      [bank, 76.5],
    ] as const)
      await t.http().put(`${API}/participations/${b.participationId}/presentation-scores`).set(bearer(panelistToken)).send({ criteria: [{ code: 'OVERALL', score }] }).expect(200);
    await advanceTo(page, 'Finalisasi');
    await checkPage(page, 'monev-tahapan-finalisasi', 1280);

    // Ranking, publication and certificates in the console.
    await navigate(page, 'Pemeringkatan dan publikasi', 'Pemeringkatan dan publikasi');
    await page.getByRole('button', { name: 'Hitung peringkat' }).click();
    await page.locator('[data-testid="latest-run"][data-status="DONE"]').waitFor({ timeout: 60000 });
    await page.locator('[data-testid="result-row"]').first().waitFor();
    const runId = (await asAdmin(t.http().get(`${API}/periods/${periodId}/rankings`)).expect(200)).body.items[0].id as string;
    type Item = { participationId: string; rankInCategory: number | null; publicBody: string; saqScore: string | null; finalScore: string | null; qualificationLabel: string; status: string };
    const items = (await asAdmin(t.http().get(`${API}/rankings/${runId}/results?pageSize=500`)).expect(200)).body.items as Item[];
    const shown = await page.locator('[data-testid="result-row"]').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');
        return { id: row.getAttribute('data-participation'), rank: cells[0], body: cells[1].replace('Finalis', ''), saq: cells[2], final: cells[5], qualification: cells[6] };
      }),
    );
    const expected = items.map((i) => ({
      id: i.participationId,
      rank: i.rankInCategory === null ? '–' : String(i.rankInCategory),
      body: i.publicBody,
      saq: idScore(i.saqScore),
      final: idScore(i.finalScore),
      qualification: i.qualificationLabel,
    }));
    const byId = (a: { id: string | null }, b: { id: string | null }) => a.id!.localeCompare(b.id!);
    expect(shown.sort(byId)).toEqual(expected.sort(byId));
    // Four bodies: three ranked, Dinas Perhubungan never submitted.
    expect(items.map((i) => [i.publicBody, i.status])).toEqual(expect.arrayContaining([['Dinas Perhubungan', 'NOT_PARTICIPATING']]));
    expect(items).toHaveLength(4);
    await page.getByRole('button', { name: 'Terbitkan hasil ini' }).click();
    await page.getByRole('dialog', { name: 'Terbitkan hasil pemeringkatan?' }).getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByTestId('published-note').waitFor();
    expect((await asAdmin(t.http().get(`${API}/periods/${periodId}`)).expect(200)).body).toMatchObject({ stage: 'PUBLISHED', publishedRunId: runId });
    await page.getByRole('button', { name: 'Terbitkan piagam' }).click();
    await page.locator('[data-testid="batch"][data-status="DONE"]').waitFor({ timeout: 90000 });
    await checkPage(page, 'monev-pemeringkatan-terbit', 1280);
    const meta = await eventually(async () => {
      const r = await asAdmin(t.http().get(`${API}/participations/${dinkes.participationId}/certificate/meta`));
      return r.status === 200 ? r.body : null;
    });
    expect(meta.runId).toBe(runId);

    // The public page shows the published result, equal to the API's.
    const slug = (await t.http().get(`${API}/organizers`).expect(200)).body.items[0].slug as string;
    const pub = (await t.http().get(`${API}/public/periods/${YEAR}/ranking?organizer=${slug}`).expect(200)).body;
    const publicPage: Page = await context.newPage();
    await publicPage.goto(`${base}/peringkat/${slug}/${YEAR}`);
    await publicPage.getByTestId('ranking-row').first().waitFor();
    const publicRows = await publicPage.getByTestId('ranking-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-col="body"]')?.textContent ?? ''));
    expect(publicRows.sort()).toEqual((pub.items as { publicBody: string }[]).map((i) => i.publicBody).sort());
    expect(pub.items.map((i: { publicBody: string; finalScore: string | null }) => [i.publicBody, i.finalScore]).sort()).toEqual(
      items.map((i) => [i.publicBody, i.finalScore]).sort(),
    );
    await checkPage(publicPage, 'monev-peringkat-publik', 1280);
    await context.close();
  }, 480000);
});
