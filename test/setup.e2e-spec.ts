import { API, Factory, otherOrganizerAdmin, smallInstrument } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

describe('monev setup: registry, periods, stage machine, instrument, participants, audit', () => {
  let t: TestApp;
  let f: Factory;
  const audit = async (entityType: string, entityId: string) =>
    (await t.http().get(`${API}/audit?entityType=${entityType}&entityId=${entityId}`).set(bearer(t.adminToken)).expect(200)).body.items;

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    await f.category('OPD', 'Organisasi Perangkat Daerah');
    await f.category('BUMD', 'Badan Usaha Milik Daerah');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('categories and public bodies', () => {
    it('creates, searches by name and filters by category; names unique within a category', async () => {
      const a = await f.body('OPD', 'Dinas Komunikasi dan Informatika');
      await f.body('OPD', 'Badan Penanggulangan Bencana Daerah');
      await f.body('BUMD', 'Bank Kalteng');
      const dup = await t.http().post(`${API}/public-bodies`).set(bearer(t.adminToken)).send({ name: 'Dinas Komunikasi dan Informatika', categoryCode: 'OPD' }).expect(409);
      expect(dup.body.message).toMatch(/already exists/);
      // The same name in another category is a different body.
      await f.body('BUMD', 'Dinas Komunikasi dan Informatika');
      const search = await t.http().get(`${API}/public-bodies?q=komunikasi&categoryCode=OPD`).set(bearer(t.adminToken)).expect(200);
      expect(search.body.items.map((b: { id: string }) => b.id)).toEqual([a.id]);
      const bumd = await t.http().get(`${API}/public-bodies?categoryCode=BUMD`).set(bearer(t.adminToken)).expect(200);
      expect(bumd.body.total).toBe(2);
      const unknownCat = await t.http().post(`${API}/public-bodies`).set(bearer(t.adminToken)).send({ name: 'X', categoryCode: 'NOPE' }).expect(400);
      expect(unknownCat.body.details[0].field).toBe('categoryCode');
      expect((await audit('public_body', a.id))[0]).toMatchObject({ action: 'public_body.create' });
    });

    it('imports a CSV with mixed lines: good lines created, each bad line reported with its line number', async () => {
      const csv = [
        'name,categoryCode,region,website,email',
        'Dinas Kesehatan,OPD,Palangka Raya,https://dinkes.kalteng.go.id,ppid@dinkes.kalteng.go.id',
        ',OPD,,,',
        'PDAM Kota,NOPE,,,',
        'Dinas Pendidikan,OPD,,,not-an-email',
        'Dinas Kesehatan,OPD,,,',
        'Bank Kalteng,BUMD,,,',
        '"Badan Pendapatan Daerah, Provinsi",OPD,Palangka Raya,,',
      ].join('\n');
      const res = await t.http().post(`${API}/public-bodies/import`).set(bearer(t.adminToken)).set('Content-Type', 'text/csv').send(csv).expect(201);
      expect(res.body.created).toBe(2);
      const byLine = Object.fromEntries(res.body.errors.map((e: { line: number; message: string }) => [e.line, e.message]));
      expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7]);
      expect(byLine[3]).toMatch(/name/);
      expect(byLine[4]).toMatch(/unknown category NOPE/);
      expect(byLine[5]).toMatch(/email/);
      expect(byLine[6]).toMatch(/duplicate/);
      expect(byLine[7]).toMatch(/duplicate/);
      // Each line's field and code, for the portal to say in Indonesian.
      expect(res.body.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
        [3, 'name', 'FIELD_REQUIRED'],
        [4, 'categoryCode', 'PUBLIC_BODY_UNKNOWN_CATEGORY'],
        [5, 'email', 'FIELD_NOT_EMAIL'],
        [6, 'name', 'PUBLIC_BODY_NAME_TAKEN'],
        [7, 'name', 'PUBLIC_BODY_NAME_TAKEN'],
      ]);
      const list = await t.http().get(`${API}/public-bodies?q=Pendapatan`).set(bearer(t.adminToken)).expect(200);
      expect(list.body.items[0]).toMatchObject({ name: 'Badan Pendapatan Daerah, Provinsi', region: 'Palangka Raya', categoryCode: 'OPD' });
      // The same file as multipart.
      const multi = await t
        .http()
        .post(`${API}/public-bodies/import`)
        .set(bearer(t.adminToken))
        .attach('file', Buffer.from('name,categoryCode,region,website,email\nRSUD dr. Doris Sylvanus,OPD,,,\n'), 'bodies.csv')
        .expect(201);
      expect(multi.body).toEqual({ created: 1, errors: [] });
    });
  });

  describe('periods', () => {
    it('creates a period with the Perki bands and the default rubric', async () => {
      const p = await f.period({ year: 2031 });
      expect(p).toMatchObject({
        stage: 'PREPARATION',
        timezone: 'Asia/Jakarta',
        weights: { saq: '70.00', visitation: '0.00', presentation: '30.00' },
        finalistRule: { type: 'THRESHOLD', value: '80.00' },
      });
      expect(p.bands.map((b: { code: string; min: string }) => `${b.code}:${b.min}`)).toEqual([
        'INFORMATIF:90.00',
        'MENUJU_INFORMATIF:80.00',
        'CUKUP_INFORMATIF:60.00',
        'KURANG_INFORMATIF:40.00',
        'TIDAK_INFORMATIF:0.00',
      ]);
      expect(p.presentationRubric).toEqual([{ code: 'OVERALL', title: 'Overall', weight: '100.00' }]);
      await t
        .http()
        .post(`${API}/periods`)
        .set(bearer(t.adminToken))
        .send(f.periodBody({ year: 2031 }))
        .expect(409);
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['weights summing to 99.99', { weights: { saq: 69.99, presentation: 30 } }, 'weights'],
      ['weights summing to 100.01', { weights: { saq: '70.01', presentation: 30 } }, 'weights'],
      ['a weight with three decimals', { weights: { saq: '69.995', presentation: '30.005' } }, 'weights.saq'],
      ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'timezone'],
      [
        'bands not descending',
        {
          bands: [
            { code: 'A', label: 'A', min: 40 },
            { code: 'B', label: 'B', min: 60 },
            { code: 'C', label: 'C', min: 0 },
          ],
        },
        'bands',
      ],
      [
        'bands not ending at 0',
        {
          bands: [
            { code: 'A', label: 'A', min: 90 },
            { code: 'B', label: 'B', min: 10 },
          ],
        },
        'bands',
      ],
      [
        'a rubric not summing to 100',
        {
          presentationRubric: [
            { code: 'VISI', title: 'Visi', weight: 50 },
            { code: 'INOVASI', title: 'Inovasi', weight: 40 },
          ],
        },
        'presentationRubric',
      ],
      ['an unknown finalist rule', { finalistRule: { type: 'BEST', value: 1 } }, 'finalistRule.type'],
      ['a TOP_N that is not whole', { finalistRule: { type: 'TOP_N', value: 2.5 } }, 'finalistRule.value'],
      [
        'a window that closes before it opens',
        { schedule: { ...Factory.schedule(new Date('2031-02-01T00:00:00Z')), SAQ: { opensAt: '2031-02-10T00:00:00Z', closesAt: '2031-02-01T00:00:00Z' } } },
        'schedule.SAQ',
      ],
      [
        'windows out of stage order',
        { schedule: { ...Factory.schedule(new Date('2031-02-01T00:00:00Z')), VERIFICATION: { opensAt: '2031-01-01T00:00:00Z', closesAt: '2031-01-05T00:00:00Z' } } },
        'schedule.VERIFICATION.opensAt',
      ],
      ['visitation weighted without a window', { weights: { saq: 60, visitation: 10, presentation: 30 } }, 'schedule.VISITATION'],
      [
        'a time without offset',
        { schedule: { ...Factory.schedule(new Date('2031-02-01T00:00:00Z')), SAQ: { opensAt: '2031-02-01T00:00:00', closesAt: '2031-02-10T00:00:00Z' } } },
        'schedule.SAQ.opensAt',
      ],
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['a missing year', { year: undefined }, 'year'],
    ];
    it.each(invalid)('answers 400 naming the field for %s', async (_label, override, field) => {
      const res = await t
        .http()
        .post(`${API}/periods`)
        .set(bearer(t.adminToken))
        .send(f.periodBody({ year: 2040, ...override }))
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('patches the schedule and scoring settings, audited, and refuses a stale version with 409', async () => {
      const p = await f.period({ year: 2032 });
      const next = Factory.schedule(new Date('2032-03-01T00:00:00+07:00'), 14);
      const res = await t
        .http()
        .patch(`${API}/periods/${p.id}`)
        .set(bearer(t.adminToken))
        .send({ schedule: next, weights: { saq: 60, presentation: 40 }, version: p.version })
        .expect(200);
      expect(res.body.weights.saq).toBe('60.00');
      expect(res.body.schedule.SAQ.opensAt).toBe('2032-02-29T17:00:00.000Z');
      await t.http().patch(`${API}/periods/${p.id}`).set(bearer(t.adminToken)).send({ name: 'x', version: p.version }).expect(409);
      const rows = await audit('period', p.id);
      expect(rows[0]).toMatchObject({ action: 'period.update', before: { weights: { saq: '70.00' } }, after: { weights: { saq: '60.00' } } });
    });
  });

  describe('stage machine, instrument and participants', () => {
    it('walks a period from PREPARATION to SAQ with every rule enforced', async () => {
      const p = await f.period({ year: 2033 });
      // Precondition: no instrument, no participants -> 422 listing both.
      const blocked = await t.http().post(`${API}/periods/${p.id}/advance`).set(bearer(t.adminToken)).send({ to: 'REGISTRATION' }).expect(422);
      expect(blocked.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['PERIOD_NO_INSTRUMENT', 'PERIOD_NO_PARTICIPANTS']);
      // Skipping and backward moves are 409.
      await t.http().post(`${API}/periods/${p.id}/advance`).set(bearer(t.adminToken)).send({ to: 'SAQ' }).expect(409);
      // force without a reason is 400.
      await t.http().post(`${API}/periods/${p.id}/advance`).set(bearer(t.adminToken)).send({ to: 'REGISTRATION', force: true }).expect(400);

      // Instrument: invalid (weights) -> 400; valid -> stored; category filtering.
      const bad = smallInstrument('BUMD');
      bad.aspects[0].weight = 39.99;
      const badRes = await t.http().put(`${API}/periods/${p.id}/instrument`).set(bearer(t.adminToken)).send(bad).expect(400);
      expect(badRes.body.details[0]).toMatchObject({ field: 'aspects' });
      const unknownCat = await t.http().put(`${API}/periods/${p.id}/instrument`).set(bearer(t.adminToken)).send(smallInstrument('NOPE')).expect(400);
      expect(unknownCat.body.details[0].field).toBe('aspects[1].questions[3].categoryCodes');
      const tree = await f.instrument(p.id, smallInstrument('BUMD'));
      expect(tree.questionCount).toBe(6);
      expect(tree.aspects.map((a: { maxPoints: string }) => a.maxPoints)).toEqual(['5.00', '9.50']);
      const opd = await t.http().get(`${API}/periods/${p.id}/instrument?categoryCode=OPD`).set(bearer(t.adminToken)).expect(200);
      expect(opd.body.questionCount).toBe(5);
      expect(opd.body.aspects[1]).toMatchObject({ code: 'A2', maxPoints: '8.50' });
      const bumd = await t.http().get(`${API}/periods/${p.id}/instrument?categoryCode=BUMD`).set(bearer(t.adminToken)).expect(200);
      expect(bumd.body.questionCount).toBe(6);
      expect((await audit('instrument', p.id))[0]).toMatchObject({ action: 'instrument.replace' });

      // Enrollment by category and by id, twice: no duplicates.
      const first = await f.enroll(p.id, { categoryCodes: ['OPD'] });
      expect(first.enrolled).toBeGreaterThan(0);
      const bodies = await t.http().get(`${API}/public-bodies?categoryCode=BUMD`).set(bearer(t.adminToken)).expect(200);
      const again = await f.enroll(p.id, { categoryCodes: ['OPD'], publicBodyIds: [bodies.body.items[0].id] });
      expect(again).toEqual({ enrolled: 1, alreadyEnrolled: first.enrolled });
      const list = await t.http().get(`${API}/periods/${p.id}/participants?pageSize=500`).set(bearer(t.adminToken)).expect(200);
      expect(list.body.total).toBe(first.enrolled + 1);
      expect(new Set(list.body.items.map((i: { publicBody: { id: string } }) => i.publicBody.id)).size).toBe(list.body.total);
      const onlyBumd = await t.http().get(`${API}/periods/${p.id}/participants?categoryCode=BUMD&status=INVITED`).set(bearer(t.adminToken)).expect(200);
      expect(onlyBumd.body.total).toBe(1);
      expect((await audit('period', p.id)).filter((r: { action: string }) => r.action === 'participants.enroll')).toHaveLength(2);

      // Now the moves go through, and backward is refused.
      await f.advance(p.id, 'REGISTRATION');
      const back = await t.http().post(`${API}/periods/${p.id}/advance`).set(bearer(t.adminToken)).send({ to: 'PREPARATION' }).expect(409);
      expect(back.body.message).toMatch(/backwards/);
      const saq = await f.advance(p.id, 'SAQ');
      expect(saq.stage).toBe('SAQ');
      // Frozen instrument.
      const frozen = await t.http().put(`${API}/periods/${p.id}/instrument`).set(bearer(t.adminToken)).send(smallInstrument('BUMD')).expect(422);
      expect(frozen.body.message).toMatch(/frozen/);
      const rows = await audit('period', p.id);
      expect(rows.filter((r: { action: string }) => r.action === 'period.advance').map((r: { after: { stage: string } }) => r.after.stage)).toEqual(['SAQ', 'REGISTRATION']);
    });

    it('lets a forced move override a precondition, audited with its reason', async () => {
      const p = await f.period({ year: 2034 });
      const res = await f.advance(p.id, 'REGISTRATION', { force: true, reason: 'Instrumen menyusul, registrasi dibuka lebih awal' });
      expect(res.stage).toBe('REGISTRATION');
      const [row] = await audit('period', p.id);
      expect(row).toMatchObject({
        action: 'period.advance.forced',
        reason: 'Instrumen menyusul, registrasi dibuka lebih awal',
        before: { stage: 'PREPARATION' },
        after: { stage: 'REGISTRATION' },
      });
      expect(row.after.overridden.map((u: { code: string }) => u.code)).toEqual(['PERIOD_NO_INSTRUMENT', 'PERIOD_NO_PARTICIPANTS']);
    });
  });

  describe('roles and organizers', () => {
    it('refuses every admin route here to non-admins with 403', async () => {
      const assessor = await f.user('assessor', { affiliation: 'Universitas' });
      const p = await f.period({ year: 2035 });
      const routes: [string, string, unknown?][] = [
        ['post', '/categories', { code: 'X', name: 'X' }],
        ['post', '/public-bodies', { name: 'X', categoryCode: 'OPD' }],
        ['post', '/public-bodies/import', {}],
        ['post', '/periods', f.periodBody({ year: 2036 })],
        ['patch', `/periods/${p.id}`, { name: 'x' }],
        ['post', `/periods/${p.id}/advance`, { to: 'REGISTRATION' }],
        ['put', `/periods/${p.id}/instrument`, smallInstrument('OPD')],
        ['post', `/periods/${p.id}/participants`, { categoryCodes: ['OPD'] }],
        ['get', `/periods/${p.id}/participants`],
        ['get', '/audit'],
        ['get', '/users'],
      ];
      for (const [method, path, body] of routes) {
        const req = (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method](`${API}${path}`).set(bearer(assessor.token));
        const res = await (body ? req.send(body as object) : req);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
      // Reads open to any role of the organizer.
      await t.http().get(`${API}/periods/${p.id}`).set(bearer(assessor.token)).expect(200);
      await t.http().get(`${API}/categories`).set(bearer(assessor.token)).expect(200);
    });

    it("keeps each organizer's categories, bodies, periods, users and audit rows to itself", async () => {
      const { token: otherToken } = await otherOrganizerAdmin(t);
      const other = new Factory(t, otherToken);
      const cat = await other.category('OPD', 'OPD Sumsel');
      const body = await other.body('OPD', 'Diskominfo Sumsel');
      const period = await other.period({ year: 2031 }); // same year as ours: separate organizers
      const ours = await f.period({ year: 2037 });
      const mine = (path: string) => t.http().get(`${API}${path}`).set(bearer(t.adminToken));
      const theirs = (path: string) => t.http().get(`${API}${path}`).set(bearer(other.token));

      // Lists never show the other organizer's records.
      expect((await mine('/categories')).body.items.map((c: { id: string }) => c.id)).not.toContain(cat.id);
      expect((await mine('/public-bodies?pageSize=500')).body.items.map((b: { id: string }) => b.id)).not.toContain(body.id);
      expect((await mine('/periods')).body.items.map((p: { id: string }) => p.id)).not.toContain(period.id);
      expect((await theirs('/periods')).body.items.map((p: { id: string }) => p.id)).toEqual([period.id]);
      expect((await theirs('/users')).body.items.map((u: { email: string }) => u.email)).toEqual(['admin@ki-sumsel.test']);
      expect((await theirs('/public-bodies')).body.items.map((b: { id: string }) => b.id)).toEqual([body.id]);
      expect((await theirs('/audit?pageSize=500')).body.items.every((r: { entityId: string; entityType: string }) => r.entityType !== 'period' || r.entityId === period.id)).toBe(
        true,
      );
      expect((await mine(`/audit?entityType=period&entityId=${period.id}`)).body.items).toEqual([]);

      // Reading or changing another organizer's ids answers 404.
      await mine(`/periods/${period.id}`).expect(404);
      await mine(`/public-bodies/${body.id}`).expect(404);
      await theirs(`/periods/${ours.id}`).expect(404);
      await theirs(`/periods/${ours.id}/instrument`).expect(404);
      await t.http().patch(`${API}/periods/${period.id}`).set(bearer(t.adminToken)).send({ name: 'hijack' }).expect(404);
      await t.http().post(`${API}/periods/${period.id}/advance`).set(bearer(t.adminToken)).send({ to: 'REGISTRATION', force: true, reason: 'x' }).expect(404);
      await t
        .http()
        .post(`${API}/periods/${ours.id}/participants`)
        .set(bearer(t.adminToken))
        .send({ publicBodyIds: [body.id] })
        .expect(404);
      const foreignUser = (await theirs('/users')).body.items[0].id;
      await mine(`/users/${foreignUser}`).expect(404);
    });
  });
});
