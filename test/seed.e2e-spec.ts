import { seedKalteng } from '../seeds/kalteng.seed';
import { API } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('seeds: the Kalimantan Tengah period', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ workers: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('builds the whole provincial period idempotently, and an admin walks it to SAQ over the API', async () => {
    const first = await seedKalteng(t.app, { adminPassword: 'seed-admin-pass-1' });
    expect(first.created).toEqual({ categories: 8, bodies: 65, users: 75, period: true });
    const again = await seedKalteng(t.app, { adminPassword: 'seed-admin-pass-1' });
    expect(again.created).toEqual({ categories: 0, bodies: 0, users: 0, period: false });

    const token = await t.login('admin.monev@ki-kalteng.go.id', 'seed-admin-pass-1');
    const get = (path: string) => t.http().get(`${API}${path}`).set(bearer(token)).expect(200);
    expect((await get('/categories')).body.items).toHaveLength(8);
    expect((await get('/public-bodies?pageSize=500')).body.total).toBe(65);
    expect((await get('/users?role=assessor')).body.total).toBe(6);
    expect((await get('/users?role=panelist')).body.total).toBe(4);
    const instrument = (await get(`/periods/${first.periodId}/instrument`)).body;
    const questions = instrument.aspects.flatMap((a: { questions: { type: string; evidence: string; categoryCodes: string[] }[] }) => a.questions);
    expect(instrument.aspects).toHaveLength(6);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q: { type: string }) => q.type))).toEqual(new Set(['YES_NO', 'CHOICE', 'MULTI_CHOICE', 'NUMBER', 'TEXT']));
    expect(new Set(questions.map((q: { evidence: string }) => q.evidence))).toEqual(new Set(['NONE', 'FILE', 'URL', 'FILE_OR_URL']));
    expect(questions.some((q: { categoryCodes: string[] }) => q.categoryCodes.length > 0)).toBe(true);
    expect((await get(`/periods/${first.periodId}/participants?pageSize=500`)).body.total).toBe(65);

    // A PPID logs in with its seeded account.
    const ppid = await t.http().post(`${API}/auth/login`).send({ email: 'ppid@diskominfosantik.kalteng.go.id', password: 'ppid-password-123' }).expect(200);
    expect(ppid.body.user).toMatchObject({ role: 'public_body', publicBodyId: expect.any(String) });

    for (const to of ['REGISTRATION', 'SAQ']) {
      const res = await t.http().post(`${API}/periods/${first.periodId}/advance`).set(bearer(token)).send({ to }).expect(200);
      expect(res.body.stage).toBe(to);
    }
  });
});
