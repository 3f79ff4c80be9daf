import { ALL_DETAIL_CODES, ALL_ERROR_CODES } from '../src/error-codes';
import { API, Factory } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

/** One refusal of each status, answered with a known `code`, and every entry of its details with one too. */
describe('error codes on every refusal', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' }, workers: false });
    f = new Factory(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectCoded = (body: Record<string, unknown>, status: number, code: string) => {
    expect(body).toMatchObject({ statusCode: status, code });
    expect(ALL_ERROR_CODES).toContain(body.code);
  };
  const expectDetailCodes = (entries: { code?: string }[]) => {
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(ALL_DETAIL_CODES).toContain(e.code);
  };

  it('400: a malformed request is VALIDATION_FAILED and each field error names its constraint as a code', async () => {
    const res = await t
      .http()
      .post(`${API}/periods`)
      .set(bearer(t.adminToken))
      .send({ ...f.periodBody(), year: 'x', isGod: true })
      .expect(400);
    expectCoded(res.body, 400, 'VALIDATION_FAILED');
    expectDetailCodes(res.body.details);
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'year', code: 'FIELD_NOT_INT' }), expect.objectContaining({ field: 'isGod', code: 'FIELD_UNKNOWN_FIELD' })]),
    );
  });

  it('400: a rule of the period settings names its own code and field code', async () => {
    const res = await t
      .http()
      .post(`${API}/periods`)
      .set(bearer(t.adminToken))
      .send(f.periodBody({ weights: { saq: 70, presentation: 29 } }))
      .expect(400);
    expectCoded(res.body, 400, 'PERIOD_INVALID');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'weights', code: 'FIELD_SUM_NOT_100' })]);
  });

  it('400: a body that is not JSON is INVALID_JSON, saying so', async () => {
    const res = await t.http().post(`${API}/periods`).set(bearer(t.adminToken)).set('Content-Type', 'application/json').send('{"year":').expect(400);
    expectCoded(res.body, 400, 'INVALID_JSON');
    expect(res.body.message).toBe('The request body is not valid JSON');
  });

  it('401: no token and a bad token have their own codes', async () => {
    expectCoded((await t.http().get(`${API}/users`).expect(401)).body, 401, 'AUTH_TOKEN_MISSING');
    expectCoded((await t.http().get(`${API}/users`).set(bearer('not-a-token')).expect(401)).body, 401, 'AUTH_TOKEN_INVALID');
  });

  it('403: a role that may not call the route is FORBIDDEN_ROLE', async () => {
    const assessor = await f.user('assessor');
    const res = await t.http().get(`${API}/users`).set(bearer(assessor.token)).expect(403);
    expectCoded(res.body, 403, 'FORBIDDEN_ROLE');
    expect(res.body.message).toBe('This route is for admin accounts');
  });

  it("404: a missing period is PERIOD_NOT_FOUND and an unknown route Nest's NOT_FOUND", async () => {
    expectCoded((await t.http().get(`${API}/periods/987654`).set(bearer(t.adminToken)).expect(404)).body, 404, 'PERIOD_NOT_FOUND');
    expectCoded((await t.http().get(`${API}/no-such-route`).set(bearer(t.adminToken)).expect(404)).body, 404, 'NOT_FOUND');
  });

  it('409: a stale version is STALE_VERSION; a duplicate year PERIOD_YEAR_TAKEN', async () => {
    const period = await f.period();
    await t.http().patch(`${API}/periods/${period.id}`).set(bearer(t.adminToken)).send({ name: 'Monev 1', version: period.version }).expect(200);
    const stale = await t.http().patch(`${API}/periods/${period.id}`).set(bearer(t.adminToken)).send({ name: 'Monev 2', version: period.version }).expect(409);
    expectCoded(stale.body, 409, 'STALE_VERSION');
    const again = await t
      .http()
      .post(`${API}/periods`)
      .set(bearer(t.adminToken))
      .send(f.periodBody({ year: period.year }))
      .expect(409);
    expectCoded(again.body, 409, 'PERIOD_YEAR_TAKEN');
  });

  it('413: a JSON body over the limit is PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post(`${API}/periods`)
      .set(bearer(t.adminToken))
      .send({ name: 'x'.repeat(1024 * 1024 + 10) })
      .expect(413);
    expectCoded(res.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('422: a refused advance is PERIOD_PRECONDITIONS_UNMET and lists each unmet precondition with its code', async () => {
    const period = await f.period();
    const res = await t.http().post(`${API}/periods/${period.id}/advance`).set(bearer(t.adminToken)).send({ to: 'REGISTRATION' }).expect(422);
    expectCoded(res.body, 422, 'PERIOD_PRECONDITIONS_UNMET');
    expectDetailCodes(res.body.details.unmet);
    expect(res.body.details.unmet.map((u: { code: string }) => u.code)).toEqual(['PERIOD_NO_INSTRUMENT', 'PERIOD_NO_PARTICIPANTS']);
  });

  it('429: too many logins for one e-mail is RATE_LIMITED', async () => {
    const email = 'nobody@test.local';
    let last = { status: 0, body: {} as Record<string, unknown> };
    for (let i = 0; i < 4; i++) last = await t.http().post(`${API}/auth/login`).send({ email, password: 'wrong-password-1' });
    expect(last.status).toBe(429);
    expectCoded(last.body, 429, 'RATE_LIMITED');
  });

  it('the OpenAPI document lists every code once, as the enum of ErrorResponseDto.code, and declares it for 4XX on every route', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    const schemas = doc.components.schemas;
    expect(schemas.ErrorResponseDto.properties.code.allOf).toEqual([{ $ref: '#/components/schemas/ErrorCode' }]);
    expect(schemas.ErrorDetailDto.properties.code.allOf).toEqual([{ $ref: '#/components/schemas/ErrorDetailCode' }]);
    expect([...schemas.ErrorCode.enum].sort()).toEqual([...ALL_ERROR_CODES].sort());
    expect([...schemas.ErrorDetailCode.enum].sort()).toEqual([...ALL_DETAIL_CODES].sort());
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const [method, op] of Object.entries(methods)) expect([path, method, op.responses['4XX']]).toEqual([path, method, expect.anything()]);
    }
  });
});
