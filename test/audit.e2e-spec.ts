import { API, Factory, otherOrganizerAdmin } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

/** GET /audit with its filters: entity, actor, action and time. */
describe('audit log filters', () => {
  let t: TestApp;
  let f: Factory;
  let second: { id: string; token: string };
  let t0: string;
  let t1: string;
  const audit = (query: Record<string, string>) => t.http().get(`${API}/audit`).query(query).set(bearer(t.adminToken));

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    t0 = t.clock.now().toISOString();
    await f.category('OPD', 'Organisasi Perangkat Daerah');
    t.clock.advance(60_000);
    t1 = t.clock.now().toISOString();
    second = await f.user('admin');
    await new Factory(t, second.token).category('BUMD', 'Badan Usaha Milik Daerah');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('filters by actor, by action, by entity and by a time range, newest first, with before and after', async () => {
    const bySecond = (await audit({ actorId: second.id }).expect(200)).body;
    expect(bySecond.items.map((r: { action: string }) => r.action)).toEqual(['category.create', 'session.login']);
    expect(bySecond.items[0]).toMatchObject({ actorId: second.id, entityType: 'category', before: null, after: expect.objectContaining({ code: 'BUMD' }) });

    const created = (await audit({ action: 'category.create' }).expect(200)).body.items.map((r: { after: { code: string } }) => r.after.code);
    expect(created).toEqual(['BUMD', 'OPD']);

    // `from` inclusive, `to` exclusive.
    const first = (await audit({ from: t0, to: t1, entityType: 'category' }).expect(200)).body;
    expect(first.items.map((r: { after: { code: string } }) => r.after.code)).toEqual(['OPD']);
    const later = (await audit({ from: t1, entityType: 'category' }).expect(200)).body;
    expect(later.items.map((r: { after: { code: string } }) => r.after.code)).toEqual(['BUMD']);
    expect((await audit({ to: t0, entityType: 'category' }).expect(200)).body.total).toBe(0);
  });

  it('refuses a malformed filter with 400 naming the field, and never shows another organizer its rows', async () => {
    expect((await audit({ from: 'yesterday' }).expect(400)).body.details).toContainEqual(expect.objectContaining({ field: 'from' }));
    expect((await audit({ actorId: 'x' }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'actorId' })]);
    const other = await otherOrganizerAdmin(t);
    const theirs = (await t.http().get(`${API}/audit`).query({ actorId: second.id }).set(bearer(other.token)).expect(200)).body;
    expect(theirs.total).toBe(0);
  });
});
