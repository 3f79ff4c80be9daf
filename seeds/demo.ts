/**
 * `npm run demo`: one whole year of monev, through the HTTP API, as the real roles.
 *
 * Creates a fresh demo database, migrates, seeds the Komisi Informasi Provinsi Kalimantan Tengah
 * period, starts the API and a worker, then: the admin opens the stages; every PPID fills its SAQ with
 * generated PDF evidence and links (strong, middling and weak bodies; a few never submit; one gets a
 * deadline extension); assessors are auto-assigned and verify (adjustments, one inaccessible document);
 * two bodies object (one accepted); finalists are selected; panelists visit and score the
 * presentations; the ranking job runs; the admin publishes; certificates are generated. Writes the
 * exports, every certificate and a summary to ./demo-output/.
 *
 * Options: --ci (15 bodies), --serve (keep serving), --db NAME, --port N, --out DIR.
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { NestFactory } from '@nestjs/core';
import { simpleParser } from 'mailparser';
import 'reflect-metadata';
import { AppModule } from '../src/app.module';
import { requireServices } from '../src/cli/preflight';
import { setup } from '../src/cli/setup';
import { DEVELOPMENT_ADMIN, EnvironmentVariables, loadEnvOrExit, toEnvironment, validateEnv } from '../src/config/env';
import { dropDatabaseIfExists } from '../src/database/data-source';
import { portalDir } from '../src/portal/serve-portal';
import { PPID_PASSWORD, STAFF, STAFF_PASSWORD } from './data';
import { answerFor, InstrumentQuestion, rng } from './demo/answers';
import { ApiClient, pool } from './demo/client';
import { evidencePdf } from './demo/evidence';
import { selectBodies, seedKalteng } from './kalteng.seed';

const ROOT = path.resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const started = Date.now();
const step = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${s}`);

function startProcess(entry: string, env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4000));
  child.stderr!.on('data', keep);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      keep(d);
      // Server errors (pino level 50+) are worth seeing while the demo runs.
      for (const line of d.toString().split('\n')) if (/"level":(50|60)/.test(line)) console.error(`  ${path.basename(entry)}: ${line.slice(0, 2000)}`);
      if (d.toString().includes(ready)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${tail}`)));
  });
}

async function main() {
  const ci = flag('ci');
  const bodyLimit = ci ? 15 : undefined;
  const dbName = option('db', 'monev_demo');
  const port = option('port', '3100');
  const out = path.resolve(option('out', path.join(ROOT, 'demo-output')));
  // Configured like every entry point (defaults, .env, the real environment); the demo then picks its
  // own database, port, queue prefix and storage, and prints nicer names where the defaults stand.
  const loaded = loadEnvOrExit();
  const defaults = new EnvironmentVariables();
  const orDemo = <K extends keyof EnvironmentVariables>(key: K, demoValue: string) => (loaded[key] === defaults[key] ? demoValue : String(loaded[key]));
  const env = validateEnv({
    ...toEnvironment(loaded),
    DB_NAME: dbName,
    PORT: port,
    QUEUE_PREFIX: `monev-demo-${Date.now()}`,
    WORKER_INLINE: 'false',
    LOG_LEVEL: 'warn',
    STORAGE_DIR: path.join(out, 'storage'),
    PUBLIC_BASE_URL: orDemo('PUBLIC_BASE_URL', `http://localhost:${port}`),
    ADMIN_EMAIL: loaded.ADMIN_EMAIL || DEVELOPMENT_ADMIN.email,
    ADMIN_PASSWORD: loaded.ADMIN_PASSWORD || DEVELOPMENT_ADMIN.password,
    CERT_SIGNATORY_NAME: orDemo('CERT_SIGNATORY_NAME', 'Dr. Rahmat Hidayat, S.H., M.H.'),
    CERT_SIGNATORY_TITLE: orDemo('CERT_SIGNATORY_TITLE', 'Ketua Komisi Informasi Provinsi Kalimantan Tengah'),
    // Mail goes to .eml files in the output folder, never to a configured SMTP server.
    SMTP_HOST: '',
    MAIL_DIR: path.join(out, 'mail'),
    NOTICE_TICK_MS: '300',
  });
  // The API and the worker load their environment the same way; every value is set, so this wins.
  // ENV_FILE none: a .env with SMTP_HOST must not turn the demo's mail into real mail.
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? ROOT, ...toEnvironment(env), ENV_FILE: 'none' };
  await requireServices(env);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'certificates'), { recursive: true });

  step(`fresh database ${dbName}: migrate and seed the Kalimantan Tengah period${ci ? ' (15 bodies)' : ''}`);
  await dropDatabaseIfExists(env);
  await setup(env);
  const ctx = await NestFactory.createApplicationContext(AppModule.forRoot({ env, workers: false, http: false }), { logger: ['error'] });
  const seed = await seedKalteng(ctx, { adminPassword: env.ADMIN_PASSWORD!, bodyLimit, ppidAccounts: false });
  await ctx.close();
  const adminPassword = env.ADMIN_PASSWORD!;

  step('starting the API and a worker');
  const processes: ChildProcess[] = [];
  const stop = () => processes.forEach((p) => p.exitCode === null && p.kill('SIGTERM'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  try {
    processes.push(await startProcess('src/main.ts', childEnv, 'Monev API listening'));
    processes.push(await startProcess('src/worker.ts', childEnv, 'consuming queues'));
    const api = new ApiClient(`http://127.0.0.1:${port}/api/v1`);
    const admin = await api.login(seed.adminEmail, adminPassword);
    const P = `/periods/${seed.periodId}`;
    const advance = (to: string, extra: Record<string, unknown> = {}) => api.post(`${P}/advance`, { to, ...extra }, admin);

    await advance('REGISTRATION');
    const bodies = selectBodies(bodyLimit);
    const invitation = await api.post(`${P}/invitations`, {}, admin);
    for (;;) {
      const b = await api.get(`/invitation-batches/${invitation.batchId}`, admin);
      if (b.status !== 'RUNNING') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    await mailSettled(api, admin);
    // Each PPID opens the activation link of its invitation e-mail and sets its password.
    const links = await mailedLinks(path.join(out, 'mail'));
    await pool(bodies, 6, async (b) => {
      const link = links.get(b.email.toLowerCase());
      if (!link) throw new Error(`no invitation e-mail for ${b.email}`);
      await api.post('/account/activation', { token: link.split('/').pop(), password: PPID_PASSWORD });
    });
    step(
      `REGISTRATION: ${invitation.total} PPIDs invited by e-mail (${path.relative(process.cwd(), path.join(out, 'mail')) || 'mail'}/), each activated its account from the link`,
    );
    await advance('SAQ');
    const neverSubmit = new Set(ci ? [4, 11] : [7, 23, 41]);
    const extended = ci ? 9 : 30;
    step(`SAQ open: ${bodies.length} PPIDs log in and fill ${bodies.length - neverSubmit.size} questionnaires (${neverSubmit.size} never submit)`);

    const instruments = new Map<string, InstrumentQuestion[]>();
    const questionsOf = async (categoryCode: string) => {
      if (!instruments.has(categoryCode)) {
        const tree = await api.get(`${P}/instrument?categoryCode=${categoryCode}`, admin);
        instruments.set(
          categoryCode,
          tree.aspects.flatMap((a: { questions: InstrumentQuestion[] }) => a.questions),
        );
      }
      return instruments.get(categoryCode)!;
    };
    type Filled = { index: number; name: string; categoryCode: string; token: string; participationId: string; strength: number; submitted: boolean };
    const filled: Filled[] = await pool(bodies, 6, async (b, index) => {
      const token = await api.login(b.email, PPID_PASSWORD);
      const [p] = (await api.get('/participations/mine', token)).items;
      const rand = rng(1000 + index);
      // Strong, middling and weak bodies, in a fixed pattern.
      const strength = [0.95, 0.8, 0.65, 0.9, 0.45, 0.75, 0.3, 0.85][index % 8] + (rand() - 0.5) * 0.1;
      const result: Filled = { index, name: b.name, categoryCode: b.categoryCode, token, participationId: p.id, strength, submitted: false };
      if (index === extended) {
        const closesAt = new Date(Date.now() + 45 * 24 * 3600 * 1000).toISOString();
        await api.put(`/participations/${p.id}/deadline`, { closesAt, reason: 'Permohonan perpanjangan: gangguan jaringan di kantor PPID' }, admin);
      }
      const questions = await questionsOf(b.categoryCode);
      const answerCount = neverSubmit.has(index) ? Math.floor(questions.length / 3) : questions.length;
      const files = [
        await api.upload(`/participations/${p.id}/evidence`, await evidencePdf(b.name, 'Surat Keputusan Penetapan PPID'), 'sk-ppid.pdf', token),
        await api.upload(`/participations/${p.id}/evidence`, await evidencePdf(b.name, 'Laporan Layanan Informasi Publik'), 'laporan-layanan.pdf', token),
      ];
      for (const [qi, q] of questions.slice(0, answerCount).entries()) {
        if (!q.required && rand() > strength) continue;
        const body: Record<string, unknown> = { value: answerFor(q, strength, rand) };
        if (q.evidence === 'FILE' || (q.evidence === 'FILE_OR_URL' && qi % 2 === 0)) body.evidenceIds = [files[qi % 2].id];
        else if (q.evidence !== 'NONE') body.url = `https://ppid.example.go.id/${b.categoryCode.toLowerCase()}/${index}/${q.code}`;
        await api.put(`/participations/${p.id}/answers/${q.code}`, body, token);
      }
      if (!neverSubmit.has(index)) {
        await api.post(`/participations/${p.id}/submit`, {}, token);
        result.submitted = true;
      }
      return result;
    });
    const submitted = filled.filter((f) => f.submitted);
    step(`${submitted.length} SAQs submitted; one body worked under an extended deadline`);

    await advance('VERIFICATION');
    const auto = await api.post(`${P}/assignments/auto`, {}, admin);
    step(`VERIFICATION: ${auto.assigned} SAQs assigned to assessors (${auto.skippedForConflict} conflict(s) of interest avoided)`);
    const assessors = STAFF.filter((s) => s.role === 'assessor');
    let adjusted = 0;
    let inaccessibleDone = false;
    const adjustedByParticipation = new Map<string, { code: string; self: string; token: string }>();
    await pool(assessors, 3, async (a) => {
      const token = await api.login(a.email, STAFF_PASSWORD);
      const mine = (await api.get('/assignments/mine', token)).items;
      for (const item of mine) {
        const answers = new Map<string, { selfPoints: string }>(
          (await api.get(`/participations/${item.participationId}/answers`, token)).items.map((x: { questionCode: string; selfPoints: string }) => [x.questionCode, x]),
        );
        const f = filled.find((x) => x.participationId === item.participationId)!;
        for (const q of await questionsOf(item.categoryCode)) {
          const self = answers.get(q.code)?.selfPoints ?? '0.00';
          let body: Record<string, unknown> = { points: self, status: 'ACCEPTED' };
          if (!answers.has(q.code)) {
            body = { points: 0, status: 'ADJUSTED', note: 'Tidak dijawab (pertanyaan opsional)' };
          } else if (q.type === 'TEXT') {
            body = { points: (Math.round(Number(q.maxPoints) * f.strength * 4) / 4).toFixed(2), status: 'ADJUSTED', note: 'Inovasi dinilai dari uraian dan bukti' };
          } else if (!inaccessibleDone && q.evidence === 'FILE' && Number(self) > 0) {
            body = { points: 0, status: 'EVIDENCE_INACCESSIBLE', note: 'Berkas bukti tidak dapat dibuka' };
            inaccessibleDone = true;
          } else if (f.strength < 0.6 && Number(self) > 1 && q.code.endsWith('1')) {
            const half = (Math.floor(Number(self) * 50) / 100).toFixed(2);
            body = { points: half, status: 'ADJUSTED', note: 'Bukti kurang lengkap, nilai disesuaikan' };
            adjusted++;
            if (!adjustedByParticipation.has(item.participationId)) adjustedByParticipation.set(item.participationId, { code: q.code, self, token });
          }
          await api.put(`/participations/${item.participationId}/verifications/${q.code}`, body, token);
        }
        await api.post(`/participations/${item.participationId}/verification/complete`, {}, token);
      }
    });
    step(`every SAQ verified: ${adjusted} answers adjusted, one document inaccessible`);

    await advance('OBJECTION');
    const objecting = [...adjustedByParticipation.entries()].slice(0, 2);
    for (const [i, [participationId, adj]] of objecting.entries()) {
      const f = filled.find((x) => x.participationId === participationId)!;
      const ev = await api.upload(`/participations/${participationId}/evidence`, await evidencePdf(f.name, 'Bukti tambahan sanggah'), 'bukti-sanggah.pdf', f.token);
      const o = await api.post(
        `/participations/${participationId}/objections`,
        { questionCode: adj.code, reason: 'Bukti lengkap telah diunggah ulang', evidenceIds: [ev.id] },
        f.token,
      );
      const decision =
        i === 0
          ? { decision: 'ACCEPTED', points: adj.self, note: 'Bukti tambahan sah, nilai dipulihkan' }
          : { decision: 'REJECTED', note: 'Bukti tambahan tidak relevan dengan indikator' };
      await api.put(`/objections/${o.id}`, decision, adj.token);
    }
    step(`OBJECTION: ${objecting.length} bodies objected; the first was accepted, the second rejected`);

    const finalists = await api.post(`${P}/finalists`, {}, admin);
    await advance('VISITATION');
    const panelists = await pool(
      STAFF.filter((s) => s.role === 'panelist'),
      4,
      async (p) => ({ ...p, token: await api.login(p.email, STAFF_PASSWORD) }),
    );
    const users = (await api.get('/users?role=panelist', admin)).items as { id: string; email: string }[];
    const assigned = new Map<string, string[]>();
    for (const p of panelists) {
      const id = users.find((u) => u.email === p.email)!.id;
      for (const fin of finalists.items as { participationId: string }[]) {
        try {
          await api.post(`${P}/panel`, { panelistId: id, participationIds: [fin.participationId] }, admin);
          assigned.set(p.email, [...(assigned.get(p.email) ?? []), fin.participationId]);
        } catch (e) {
          if (!String(e).includes('409')) throw e;
        }
      }
    }
    step(`finalists: ${finalists.total} (top 3 per category); panel assigned, conflicts of interest skipped`);
    const scoreOf = (pid: string, salt: number) => {
      const f = filled.find((x) => x.participationId === pid)!;
      return Math.min(100, Math.round((60 + 40 * f.strength + ((f.index * 7 + salt * 13) % 9) - 4) * 4) / 4);
    };
    for (const p of panelists)
      for (const pid of assigned.get(p.email) ?? [])
        await api.put(`/participations/${pid}/visitation`, { score: scoreOf(pid, 1), findings: 'Meja layanan dan papan informasi tersedia' }, p.token);
    await advance('PRESENTATION');
    for (const [pi, p] of panelists.entries()) {
      for (const pid of assigned.get(p.email) ?? []) {
        const criteria = ['KOMITMEN', 'INOVASI', 'PELAYANAN', 'TANYA_JAWAB'].map((code, ci) => ({ code, score: scoreOf(pid, pi + ci) }));
        await api.put(`/participations/${pid}/presentation-scores`, { criteria, note: 'Paparan pimpinan badan publik' }, p.token);
      }
    }
    step('VISITATION and PRESENTATION scored by the panel');

    await advance('FINALIZATION');
    const run = await api.post(`${P}/rankings`, {}, admin);
    for (;;) {
      const r = await api.get(`/rankings/${run.runId}`, admin);
      if (r.status === 'DONE') break;
      if (r.status === 'FAILED') throw new Error(`ranking failed: ${r.error}`);
      await new Promise((res) => setTimeout(res, 100));
    }
    step(`ranking job ${run.jobId} done`);
    await api.post(`${P}/publish`, { runId: run.runId }, admin);
    const batch = await api.post(`${P}/certificates`, {}, admin);
    let status;
    for (;;) {
      status = await api.get(`/certificate-batches/${batch.batchId}`, admin);
      if (status.status !== 'RUNNING') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    step(`published; ${status.done} certificates generated (${status.failed} failed)`);

    const mails = await mailSettled(api, admin);
    step(
      `${mails.total} e-mails written as .eml files: ${Object.entries(mails.byOccasion)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );

    // Files for the secretariat.
    const results = (await api.get(`/rankings/${run.runId}/results?pageSize=500`, admin)).items as Record<string, any>[];
    writeFileSync(path.join(out, 'ranking.csv'), await api.call('GET', `${P}/reports/ranking.csv`, { token: admin }));
    writeFileSync(path.join(out, 'ranking.xlsx'), await api.call('GET', `${P}/reports/ranking.xlsx`, { token: admin }));
    let firstCode = '';
    for (const r of results.filter((x) => x.status === 'RANKED')) {
      const pdf = await api.call('GET', `/participations/${r.participationId}/certificate`, { token: admin });
      const meta = await api.get(`/participations/${r.participationId}/certificate/meta`, admin);
      firstCode ||= meta.code;
      const safe = String(r.publicBody)
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 80);
      writeFileSync(path.join(out, 'certificates', `${String(r.rankOverall).padStart(3, '0')}-${safe}.pdf`), pdf);
    }

    // The ranking per category, as a table.
    console.log('');
    const byCategory = new Map<string, Record<string, any>[]>();
    for (const r of results) byCategory.set(r.categoryCode, [...(byCategory.get(r.categoryCode) ?? []), r]);
    const lines: string[] = [];
    for (const [code, rows] of byCategory) {
      lines.push(`${code}`);
      for (const r of rows) {
        const rank = r.rankInCategory === null ? '  -' : String(r.rankInCategory).padStart(3);
        lines.push(
          `  ${rank}  ${String(r.publicBody).slice(0, 58).padEnd(58)} ${String(r.finalScore ?? '').padStart(6)}  ${r.qualificationLabel}${r.finalist ? '  (finalis)' : ''}`,
        );
      }
    }
    console.log(lines.join('\n'));
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.qualificationLabel, (counts.get(r.qualificationLabel) ?? 0) + 1);
    const summary = [
      `# Monev KIP ${seed.year}: Komisi Informasi Provinsi Kalimantan Tengah`,
      '',
      `- bodies enrolled: ${filled.length}; SAQs submitted: ${submitted.length}; never submitted: ${filled.length - submitted.length}`,
      `- answers adjusted by assessors: ${adjusted}; objections: ${objecting.length} (1 accepted, ${objecting.length - 1} rejected)`,
      `- finalists: ${finalists.total}; certificates: ${status.done}`,
      `- qualifications: ${[...counts.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`,
      `- ranking run ${run.runId}, published`,
      `- e-mails (mail/*.eml): ${mails.total} (${Object.entries(mails.byOccasion)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
      '',
      '```',
      ...lines,
      '```',
    ].join('\n');
    writeFileSync(path.join(out, 'summary.md'), summary + '\n');
    writeFileSync(path.join(out, 'results.json'), JSON.stringify({ periodId: seed.periodId, runId: run.runId, year: seed.year, dbName, mails, results }, null, 2));

    const origin = `http://localhost:${port}`;
    console.log('');
    step(`done. Files in ${path.relative(process.cwd(), out) || out}/: ranking.csv, ranking.xlsx, summary.md, certificates/ (${status.done} PDFs)`);
    console.log(`  API docs:           ${origin}/api/docs`);
    console.log(`  public ranking:     ${origin}/api/v1/public/periods/${seed.year}/ranking?organizer=ki-kalteng`);
    console.log(`  verify certificate: ${origin}/api/v1/public/certificates/${firstCode}`);
    if (flag('serve')) {
      const portalBuilt = portalDir() !== null || buildPortal();
      const ppid = bodies[0];
      const assessor = STAFF.find((s) => s.role === 'assessor')!;
      const panelist = STAFF.find((s) => s.role === 'panelist')!;
      console.log('');
      console.log(portalBuilt ? `  portal:             ${origin}/` : `  portal:             not built: run \`npm run build\`, then open ${origin}/`);
      console.log('  sign in at /masuk as:');
      console.log(`    admin      ${seed.adminEmail} / ${adminPassword}`);
      console.log(`    PPID       ${ppid.email} / ${PPID_PASSWORD}  (${ppid.name})`);
      console.log(`    assessor   ${assessor.email} / ${STAFF_PASSWORD}`);
      console.log(`    panelist   ${panelist.email} / ${STAFF_PASSWORD}`);
      console.log(`Serving until Ctrl-C (admin ${seed.adminEmail} / ${adminPassword}).`);
      await new Promise(() => undefined);
    }
  } finally {
    if (!flag('serve')) stop();
  }
}

/** Waits until the outbox has nothing left to send; answers what it holds, by occasion. */
async function mailSettled(api: ApiClient, token: string): Promise<{ total: number; byOccasion: Record<string, number> }> {
  for (;;) {
    const pending = await api.get('/notifications?status=PENDING&pageSize=1', token);
    const sending = await api.get('/notifications?status=SENDING&pageSize=1', token);
    if (pending.total === 0 && sending.total === 0) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const byOccasion: Record<string, number> = {};
  let total = 0;
  for (let page = 1; ; page++) {
    const rows = await api.get(`/notifications?status=SENT&pageSize=500&page=${page}`, token);
    for (const n of rows.items as { occasion: string }[]) byOccasion[n.occasion] = (byOccasion[n.occasion] ?? 0) + 1;
    total += rows.items.length;
    if (rows.items.length < 500) break;
  }
  return { total, byOccasion };
}

/** The one-time link of every invitation .eml in `dir`, by recipient. */
async function mailedLinks(dir: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(path.join(dir, name)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    const link = /https?:\/\/\S+\/aktivasi\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0];
    if (to?.value[0]?.address && link) links.set(to.value[0].address.toLowerCase(), link);
  }
  return links;
}

/** Builds the portal (web/dist) for --serve when it is missing; false when the build fails (the demo goes on). */
function buildPortal(): boolean {
  step('building the portal (web/dist is missing)');
  try {
    const root = path.join(__dirname, '..');
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    return portalDir() !== null;
  } catch {
    return false;
  }
}

main().then(
  () => process.exit(0),
  async (e) => {
    console.error(e instanceof Error ? e.message : e);
    // The API's and worker's own error lines may still be on their way through the pipes.
    await new Promise((r) => setTimeout(r, 500));
    process.exit(1);
  },
);
