import { pdfkitDocument } from '../support/pdf';
import { bearer, TestApp } from '../support/test-app';

export const API = '/api/v1';
const DAY = 24 * 3600 * 1000;

/** Builds records over the HTTP API as an admin, so factories go through the same rules as users. */
export class Factory {
  private n = 0;
  constructor(
    private readonly t: TestApp,
    public token: string = t.adminToken,
  ) {}

  private async post(path: string, body: unknown, expected = 201) {
    const res = await this.t
      .http()
      .post(`${API}${path}`)
      .set(bearer(this.token))
      .send(body as object);
    if (res.status !== expected) throw new Error(`POST ${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async category(code = `CAT${++this.n}`, name = `Kategori ${code}`) {
    return this.post('/categories', { code, name });
  }

  async body(categoryCode: string, name = `Badan Publik ${++this.n}`, extra: Record<string, string> = {}) {
    return this.post('/public-bodies', { name, categoryCode, ...extra });
  }

  async user(role: 'admin' | 'public_body' | 'assessor' | 'panelist', extra: Record<string, string> = {}) {
    const email = `${role}${++this.n}.${Date.now().toString(36)}@test.local`;
    const password = `password-${this.n}-secret`;
    const user = await this.post('/users', { email, name: `${role} ${this.n}`, role, password, ...extra });
    return { ...user, password, token: await this.t.login(email, password) };
  }

  /** A schedule of consecutive windows starting at `start`, each `days` long. */
  static schedule(start: Date, days = 10, withVisitation = false) {
    const stages = ['SAQ', 'VERIFICATION', 'OBJECTION', ...(withVisitation ? ['VISITATION'] : []), 'PRESENTATION'];
    return Object.fromEntries(
      stages.map((s, i) => [s, { opensAt: new Date(start.getTime() + i * days * DAY).toISOString(), closesAt: new Date(start.getTime() + (i + 1) * days * DAY).toISOString() }]),
    );
  }

  periodBody(overrides: Record<string, unknown> = {}) {
    const start = new Date(this.t.clock.now().getTime() + DAY);
    return {
      year: 2000 + (++this.n % 90) + 10,
      name: 'Monev Keterbukaan Informasi Publik',
      timezone: 'Asia/Jakarta',
      weights: { saq: 70, presentation: 30 },
      finalistRule: { type: 'THRESHOLD', value: 80 },
      schedule: Factory.schedule(start),
      ...overrides,
    };
  }

  async period(overrides: Record<string, unknown> = {}) {
    return this.post('/periods', this.periodBody(overrides));
  }

  async instrument(periodId: string, body: unknown) {
    const res = await this.t
      .http()
      .put(`${API}/periods/${periodId}/instrument`)
      .set(bearer(this.token))
      .send(body as object);
    if (res.status !== 200) throw new Error(`PUT instrument -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async enroll(periodId: string, body: { publicBodyIds?: string[]; categoryCodes?: string[] }) {
    return this.post(`/periods/${periodId}/participants`, body);
  }

  async advance(periodId: string, to: string, extra: Record<string, unknown> = {}) {
    return this.post(`/periods/${periodId}/advance`, { to, ...extra }, 200);
  }
}

/** A small instrument: two aspects, every question type, one category-specific question. */
/** A second organizer (KI Sumatera Selatan) and the token of its first admin, for isolation tests. */
export async function otherOrganizerAdmin(t: TestApp): Promise<{ organizerId: string; token: string }> {
  const org = await t
    .http()
    .post(`${API}/organizers`)
    .set(bearer(t.adminToken))
    .send({ slug: 'ki-sumsel', name: 'Komisi Informasi Provinsi Sumatera Selatan', level: 'PROVINSI' })
    .expect(201);
  await t
    .http()
    .post(`${API}/users`)
    .set(bearer(t.adminToken))
    .send({ email: 'admin@ki-sumsel.test', name: 'Admin Sumsel', role: 'admin', password: 'sumsel-admin-1', organizerId: org.body.id })
    .expect(201);
  return { organizerId: org.body.id, token: await t.login('admin@ki-sumsel.test', 'sumsel-admin-1') };
}

export function smallInstrument(categoryOnly: string) {
  return {
    aspects: [
      {
        code: 'A1',
        title: 'Sarana dan prasarana layanan',
        weight: 40,
        questions: [
          { code: '1.1', text: 'Tersedia meja layanan informasi?', type: 'YES_NO', maxPoints: 2, evidence: 'FILE' },
          {
            code: '1.2',
            text: 'Formulir yang tersedia',
            type: 'MULTI_CHOICE',
            maxPoints: 3,
            evidence: 'FILE_OR_URL',
            options: [
              { value: 'permohonan', label: 'Formulir permohonan', points: 1.5 },
              { value: 'keberatan', label: 'Formulir keberatan', points: 1.5 },
              { value: 'register', label: 'Register permohonan', points: 1 },
            ],
          },
        ],
      },
      {
        code: 'A2',
        title: 'Pelayanan informasi',
        weight: 60,
        questions: [
          {
            code: '2.1',
            text: 'Status Daftar Informasi Publik',
            type: 'CHOICE',
            maxPoints: 4,
            evidence: 'URL',
            options: [
              { value: 'tidak', label: 'Tidak ada', points: 0 },
              { value: 'lama', label: 'Ada, belum mutakhir', points: 2 },
              { value: 'mutakhir', label: 'Ada dan mutakhir', points: 4 },
            ],
          },
          {
            code: '2.2',
            text: 'Jumlah permohonan yang dilayani',
            type: 'NUMBER',
            maxPoints: 2.5,
            evidence: 'NONE',
            thresholds: [
              { min: 1, points: 1 },
              { min: 50, points: 2.5 },
            ],
          },
          { code: '2.3', text: 'Uraikan inovasi layanan', type: 'TEXT', maxPoints: 2, evidence: 'NONE', required: false },
          { code: '2.4', text: 'Pertanyaan khusus kategori', type: 'YES_NO', maxPoints: 1, evidence: 'NONE', categoryCodes: [categoryOnly] },
        ],
      },
    ],
  };
}

/**
 * A real one-page PDF drawn by pdfkit; `padTo` pads it with whitespace after `%%EOF` to exactly that
 * many bytes (readers ignore it), for the size-limit tests.
 */
export function pdf(text = 'Data dukung', padTo = 0): Buffer {
  const doc = pdfkitDocument({ text });
  return padTo > doc.length ? Buffer.concat([doc, Buffer.alloc(padTo - doc.length, 0x20)]) : doc;
}

export interface SaqBody {
  bodyId: string;
  name: string;
  categoryCode: string;
  token: string;
  participationId: string;
}

/**
 * A period in the SAQ stage with the small instrument and `count` enrolled bodies (alternating
 * categories OPD and BUMD), each with a logged-in PPID.
 */
export async function saqPeriod(t: TestApp, f: Factory, opts: { count?: number; year?: number; overrides?: Record<string, unknown>; categories?: string[] } = {}) {
  const cats = (await t.http().get(`${API}/categories`).set(bearer(f.token))).body.items.map((c: { code: string }) => c.code);
  if (!cats.includes('OPD')) await f.category('OPD', 'Organisasi Perangkat Daerah');
  if (!cats.includes('BUMD')) await f.category('BUMD', 'Badan Usaha Milik Daerah');
  const period = await f.period({ year: opts.year, ...opts.overrides });
  await f.instrument(period.id, smallInstrument('BUMD'));
  const bodies: SaqBody[] = [];
  for (let i = 0; i < (opts.count ?? 2); i++) {
    const categoryCode = opts.categories?.[i] ?? (i % 2 === 0 ? 'OPD' : 'BUMD');
    const b = await f.body(categoryCode, `Badan ${period.id}-${i} ${categoryCode}`);
    const ppid = await f.user('public_body', { publicBodyId: b.id });
    bodies.push({ bodyId: b.id, name: b.name, categoryCode, token: ppid.token, participationId: '' });
  }
  await f.enroll(period.id, { publicBodyIds: bodies.map((b) => b.bodyId) });
  await f.advance(period.id, 'REGISTRATION');
  await f.advance(period.id, 'SAQ');
  for (const b of bodies) {
    const mine = await t.http().get(`${API}/participations/mine`).set(bearer(b.token));
    b.participationId = mine.body.items.find((p: { periodId: string }) => p.periodId === period.id).id;
  }
  return { period, bodies };
}

/** Answers every applicable question of the small instrument fully (with evidence), as the body. */
export async function fillSmallInstrument(t: TestApp, b: SaqBody, opts: { strong?: boolean } = {}) {
  const strong = opts.strong ?? true;
  const up = await t
    .http()
    .post(`${API}/participations/${b.participationId}/evidence`)
    .set(bearer(b.token))
    .attach('file', pdf(`bukti ${b.name}`), 'bukti.pdf');
  if (up.status !== 201) throw new Error(`upload -> ${up.status} ${JSON.stringify(up.body)}`);
  const answers: [string, Record<string, unknown>][] = [
    ['1.1', { value: strong, evidenceIds: [up.body.id] }],
    ['1.2', { value: strong ? ['permohonan', 'keberatan', 'register'] : ['register'], url: 'https://ppid.example.go.id/formulir' }],
    ['2.1', { value: strong ? 'mutakhir' : 'lama', url: 'https://ppid.example.go.id/dip' }],
    ['2.2', { value: strong ? 120 : 3 }],
    ['2.3', { value: 'Layanan informasi melalui WhatsApp' }],
  ];
  if (b.categoryCode === 'BUMD') answers.push(['2.4', { value: strong }]);
  for (const [code, body] of answers) {
    const res = await t.http().put(`${API}/participations/${b.participationId}/answers/${code}`).set(bearer(b.token)).send(body);
    if (res.status !== 200) throw new Error(`answer ${code} -> ${res.status} ${JSON.stringify(res.body)}`);
  }
}

export const FULL_POINTS: Record<string, number> = { '1.1': 2, '1.2': 3, '2.1': 4, '2.2': 2.5, '2.3': 2, '2.4': 1 };

/**
 * A period moved through SAQ and VERIFICATION into OBJECTION: every body fills and submits, one
 * assessor verifies each question with the given points (default: full points), completes.
 * `verified[i]` overrides the points of body i.
 */
export async function verifiedPeriod(
  t: TestApp,
  f: Factory,
  opts: { count?: number; year?: number; overrides?: Record<string, unknown>; verified?: Record<string, number>[]; categories?: string[]; absent?: number[] } = {},
) {
  const { period, bodies } = await saqPeriod(t, f, { count: opts.count ?? 3, year: opts.year, overrides: opts.overrides, categories: opts.categories });
  const absent = new Set(opts.absent ?? []);
  const present = bodies.filter((_, i) => !absent.has(i));
  for (const b of present) {
    await fillSmallInstrument(t, b);
    const res = await t.http().post(`${API}/participations/${b.participationId}/submit`).set(bearer(b.token));
    if (res.status !== 200) throw new Error(`submit -> ${res.status} ${JSON.stringify(res.body)}`);
  }
  await f.advance(period.id, 'VERIFICATION');
  const assessor = await f.user('assessor', { affiliation: 'Tim Penilai Independen' });
  for (const b of present) {
    await t.http().post(`${API}/periods/${period.id}/assignments`).set(bearer(f.token)).send({ assessorId: assessor.id, participationId: b.participationId }).expect(201);
  }
  for (const [i, b] of bodies.entries()) {
    if (absent.has(i)) continue;
    const points = { ...FULL_POINTS, ...(opts.verified?.[i] ?? {}) };
    for (const [code, value] of Object.entries(points)) {
      if (code === '2.4' && b.categoryCode !== 'BUMD') continue;
      const res = await t
        .http()
        .put(`${API}/participations/${b.participationId}/verifications/${code}`)
        .set(bearer(assessor.token))
        .send({ points: value, status: 'ADJUSTED', note: 'Diverifikasi' });
      if (res.status !== 200) throw new Error(`verify ${code} -> ${res.status} ${JSON.stringify(res.body)}`);
    }
    await t.http().post(`${API}/participations/${b.participationId}/verification/complete`).set(bearer(assessor.token)).expect(200);
  }
  await f.advance(period.id, 'OBJECTION');
  return { period, bodies, assessor };
}

/**
 * A published period: verified (OPD x3, BUMD x2, the last BUMD never submits), finalists by TOP_N 1,
 * one panelist's presentation sheets, ranked through the queue and published.
 */
export async function publishedPeriod(t: TestApp, f: Factory, opts: { year?: number; names?: string[] } = {}) {
  const built = await verifiedPeriod(t, f, {
    count: 5,
    year: opts.year,
    categories: ['OPD', 'OPD', 'OPD', 'BUMD', 'BUMD'],
    absent: [4],
    verified: [{}, {}, { '2.1': 0, '2.2': 0, '2.3': 0 }, {}],
    overrides: { weights: { saq: 70, presentation: 30 }, finalistRule: { type: 'TOP_N', value: 1 } },
  });
  const { period, bodies } = built;
  const admin = (req: import('supertest').Test) => req.set(bearer(f.token));
  await admin(t.http().post(`${API}/periods/${period.id}/finalists`)).expect(200);
  const panelist = await f.user('panelist', { affiliation: 'Akademisi' });
  const finalists = [0, 1, 3].map((i) => bodies[i].participationId);
  await admin(t.http().post(`${API}/periods/${period.id}/panel`))
    .send({ panelistId: panelist.id, participationIds: finalists })
    .expect(201);
  await f.advance(period.id, 'PRESENTATION');
  for (const [i, score] of [
    [0, 80],
    [1, 90],
    [3, 70],
  ] as const) {
    await t
      .http()
      .put(`${API}/participations/${bodies[i].participationId}/presentation-scores`)
      .set(bearer(panelist.token))
      .send({ criteria: [{ code: 'OVERALL', score }] })
      .expect(200);
  }
  await f.advance(period.id, 'FINALIZATION');
  const runId = await rankAndWait(t, f, period.id);
  await admin(t.http().post(`${API}/periods/${period.id}/publish`))
    .send({ runId })
    .expect(200);
  return { ...built, runId };
}

/**
 * Year N over the bodies of year N-1 (same registry entries and PPIDs), up to FINALIZATION: enrol
 * them, answer, verify with the given points (default full), select finalists (TOP_N 1), score the
 * finalists' presentations (`presentation` by body index; they must be the rule's finalists).
 */
export async function nextYearPeriod(
  t: TestApp,
  f: Factory,
  year: number,
  prevBodies: SaqBody[],
  opts: { verified: Record<string, number>[]; absent: number[]; presentation: Record<number, number> },
) {
  const admin = (req: import('supertest').Test) => req.set(bearer(f.token));
  const period = await f.period({ year, weights: { saq: 70, presentation: 30 }, finalistRule: { type: 'TOP_N', value: 1 } });
  await f.instrument(period.id, smallInstrument('BUMD'));
  await f.enroll(period.id, { publicBodyIds: prevBodies.map((b) => b.bodyId) });
  await f.advance(period.id, 'REGISTRATION');
  await f.advance(period.id, 'SAQ');
  const bodies: SaqBody[] = [];
  for (const b of prevBodies) {
    const mine = await t.http().get(`${API}/participations/mine`).set(bearer(b.token)).expect(200);
    bodies.push({ ...b, participationId: mine.body.items.find((p: { periodId: string }) => p.periodId === period.id).id });
  }
  const present = bodies.filter((_, i) => !opts.absent.includes(i));
  for (const b of present) {
    await fillSmallInstrument(t, b);
    await t.http().post(`${API}/participations/${b.participationId}/submit`).set(bearer(b.token)).expect(200);
  }
  await f.advance(period.id, 'VERIFICATION');
  const assessor = await f.user('assessor', { affiliation: 'Tim Penilai Independen' });
  for (const [i, b] of bodies.entries()) {
    if (opts.absent.includes(i)) continue;
    await admin(t.http().post(`${API}/periods/${period.id}/assignments`))
      .send({ assessorId: assessor.id, participationId: b.participationId })
      .expect(201);
    const points: Record<string, number> = { ...FULL_POINTS, ...opts.verified[i] };
    for (const [code, value] of Object.entries(points)) {
      if (code === '2.4' && b.categoryCode !== 'BUMD') continue;
      await t
        .http()
        .put(`${API}/participations/${b.participationId}/verifications/${code}`)
        .set(bearer(assessor.token))
        .send({ points: value, status: 'ADJUSTED', note: 'Diverifikasi' })
        .expect(200);
    }
    await t.http().post(`${API}/participations/${b.participationId}/verification/complete`).set(bearer(assessor.token)).expect(200);
  }
  await f.advance(period.id, 'OBJECTION');
  const fin = await admin(t.http().post(`${API}/periods/${period.id}/finalists`)).expect(200);
  const finalists = Object.keys(opts.presentation).map((i) => bodies[Number(i)].participationId);
  const selected = fin.body.items.map((i: { participationId: string }) => i.participationId).sort();
  if (JSON.stringify(selected) !== JSON.stringify([...finalists].sort())) throw new Error(`finalists ${selected} are not the bodies given presentation scores (${finalists})`);
  const panelist = await f.user('panelist', { affiliation: 'Akademisi' });
  await admin(t.http().post(`${API}/periods/${period.id}/panel`))
    .send({ panelistId: panelist.id, participationIds: finalists })
    .expect(201);
  await f.advance(period.id, 'PRESENTATION');
  for (const [i, score] of Object.entries(opts.presentation)) {
    await t
      .http()
      .put(`${API}/participations/${bodies[Number(i)].participationId}/presentation-scores`)
      .set(bearer(panelist.token))
      .send({ criteria: [{ code: 'OVERALL', score }] })
      .expect(200);
  }
  await f.advance(period.id, 'FINALIZATION');
  return { period, bodies, assessor };
}

export async function rankAndWait(t: TestApp, f: Factory, periodId: string): Promise<string> {
  const res = await t.http().post(`${API}/periods/${periodId}/rankings`).set(bearer(f.token)).expect(202);
  for (const until = Date.now() + 60000; Date.now() < until;) {
    const run = await t.http().get(`${API}/rankings/${res.body.runId}`).set(bearer(f.token)).expect(200);
    if (run.body.status === 'DONE') return res.body.runId;
    if (run.body.status === 'FAILED') throw new Error(`ranking failed: ${run.body.error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('ranking did not finish');
}
