import { createServer, Socket } from 'net';
import Redis from 'ioredis';
import * as jwt from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { API, Factory, otherOrganizerAdmin } from './factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, baseTestEnv, bearer, createTestApp, eventually, TestApp } from './support/test-app';

const BAD_LOGIN = { statusCode: 401, error: 'Unauthorized', message: 'Invalid e-mail or password', code: 'AUTH_BAD_CREDENTIALS' };

describe('auth hardening: tokens die with their user', () => {
  let t: TestApp;
  let f: Factory;

  beforeAll(async () => {
    // A short window, so a change made behind the app's back (a row deleted in SQL) is seen quickly.
    t = await createTestApp({ env: { AUTH_USER_CACHE_MS: '200' }, workers: false });
    f = new Factory(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const patchUser = (token: string, id: string, body: unknown) =>
    t
      .http()
      .patch(`${API}/users/${id}`)
      .set(bearer(token))
      .send(body as object);
  const newUserBody = () => ({
    email: `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@test.local`,
    name: 'Asesor',
    role: 'assessor',
    password: 'assessor-pass-1',
  });

  it("refuses a deactivated admin's token on GET and POST /users, refuses its login, and audits the change", async () => {
    const second = await f.user('admin');
    await t.http().get(`${API}/users`).set(bearer(second.token)).expect(200);
    await t.http().post(`${API}/users`).set(bearer(second.token)).send(newUserBody()).expect(201);

    const res = await patchUser(t.adminToken, second.id, { active: false }).expect(200);
    expect(res.body).toMatchObject({ id: second.id, active: false });

    // Deactivated in this process, so no wait for the cache window.
    const list = await t.http().get(`${API}/users`).set(bearer(second.token)).expect(401);
    expect(list.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await t.http().post(`${API}/users`).set(bearer(second.token)).send(newUserBody()).expect(401);
    const login = await t.http().post(`${API}/auth/login`).send({ email: second.email, password: second.password }).expect(401);
    expect(login.body).toEqual(BAD_LOGIN);

    const me = await t.http().get(`${API}/auth/me`).set(bearer(t.adminToken)).expect(200);
    const audit = await t.http().get(`${API}/audit?entityType=user&entityId=${second.id}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'user.deactivate', actorId: me.body.id, before: { active: true }, after: { active: false } });
  });

  it('lets a reactivated user log in again while its old tokens stay dead', async () => {
    const assessor = await f.user('assessor');
    await patchUser(t.adminToken, assessor.id, { active: false }).expect(200);
    const back = await patchUser(t.adminToken, assessor.id, { active: true }).expect(200);
    expect(back.body.active).toBe(true);
    await t.http().get(`${API}/auth/me`).set(bearer(assessor.token)).expect(401);
    const fresh = await t.login(assessor.email, assessor.password);
    await t.http().get(`${API}/auth/me`).set(bearer(fresh)).expect(200);
  });

  it("refuses a deleted user's token once the cache window has passed", async () => {
    const assessor = await f.user('assessor');
    await t.http().get(`${API}/auth/me`).set(bearer(assessor.token)).expect(200);
    await t.get<DataSource>(DataSource).query('DELETE FROM users WHERE id = ?', [assessor.id]);
    await eventually(async () => (await t.http().get(`${API}/auth/me`).set(bearer(assessor.token))).status === 401, 2000, 50);
  });

  it('refuses a token signed with the secret but without an expiry', async () => {
    const me = await t.http().get(`${API}/auth/me`).set(bearer(t.adminToken)).expect(200);
    const claims = { sub: me.body.id, org: me.body.organizerId, role: 'admin', pb: null, pa: true, tv: 0 };
    const secret = baseTestEnv().JWT_SECRET;
    const withExp = jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: 60 });
    await t.http().get(`${API}/users`).set(bearer(withExp)).expect(200); // the same claims are otherwise accepted
    const noExp = jwt.sign(claims, secret, { algorithm: 'HS256' });
    expect(jwt.decode(noExp)).not.toHaveProperty('exp');
    await t.http().get(`${API}/users`).set(bearer(noExp)).expect(401);
    await t.http().post(`${API}/users`).set(bearer(noExp)).send(newUserBody()).expect(401);
  });

  it('refuses tokens of the old token version after a password change', async () => {
    const assessor = await f.user('assessor');
    const wrong = await t.http().post(`${API}/auth/password`).set(bearer(assessor.token)).send({ currentPassword: 'not-my-password', newPassword: 'a-new-password-1' }).expect(422);
    expect(wrong.body.message).toMatch(/currentPassword/);
    const short = await t.http().post(`${API}/auth/password`).set(bearer(assessor.token)).send({ currentPassword: assessor.password, newPassword: 'short' }).expect(400);
    expect(short.body.details).toEqual([{ field: 'newPassword', message: 'newPassword must be at least 10 characters', code: 'FIELD_TOO_SHORT' }]);

    const changed = await t
      .http()
      .post(`${API}/auth/password`)
      .set(bearer(assessor.token))
      .send({ currentPassword: assessor.password, newPassword: 'a-new-password-1' })
      .expect(200);
    expect(changed.body).toMatchObject({ accessToken: expect.any(String), user: { id: assessor.id, email: assessor.email } });
    const oldClaims = jwt.decode(assessor.token) as { tv: number };
    expect((jwt.decode(changed.body.accessToken) as { tv: number }).tv).toBe(oldClaims.tv + 1);

    await t.http().get(`${API}/auth/me`).set(bearer(assessor.token)).expect(401);
    await t.http().get(`${API}/auth/me`).set(bearer(changed.body.accessToken)).expect(200);
    await t.http().post(`${API}/auth/login`).send({ email: assessor.email, password: assessor.password }).expect(401);
    await t.login(assessor.email, 'a-new-password-1');
  });

  it('keeps PATCH /users/:id to admins of the same organizer, refuses self-deactivation and bad input', async () => {
    const me = await t.http().get(`${API}/auth/me`).set(bearer(t.adminToken)).expect(200);
    const self = await patchUser(t.adminToken, me.body.id, { active: false }).expect(422);
    expect(self.body.message).toMatch(/own account/);

    const category = await f.category();
    const body = await f.body(category.code);
    const ppid = await f.user('public_body', { publicBodyId: body.id });
    const assessor = await f.user('assessor');
    await patchUser(ppid.token, assessor.id, { active: false }).expect(403);

    const bad = await patchUser(t.adminToken, assessor.id, { active: 'no' }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'active', message: 'active must be true or false', code: 'FIELD_NOT_BOOLEAN' }]);

    const { token: otherAdmin } = await otherOrganizerAdmin(t);
    const theirs = await patchUser(otherAdmin, assessor.id, { active: false }).expect(404);
    expect(theirs.body).toMatchObject({ statusCode: 404, message: `User ${assessor.id} not found` });
    await t.http().get(`${API}/auth/me`).set(bearer(assessor.token)).expect(200);
  });
});

/** Deletes this prefix's rate-limit counters, so each test starts with fresh windows. */
async function resetRateLimits(env: Record<string, string>): Promise<void> {
  const redis = new Redis({ host: env.REDIS_HOST, port: Number(env.REDIS_PORT) });
  try {
    const keys = await redis.keys(`${env.QUEUE_PREFIX}:rate-limit:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

const wrongLogin = (t: TestApp, email: string) => t.http().post(`${API}/auth/login`).send({ email, password: 'wrong-password-123' });

describe('auth hardening: login limits per address, shared through Redis', () => {
  let solo: TestApp;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    solo = await createTestApp({ workers: false });
    // Two processes' worth of limiter: separate apps on one Redis and one queue prefix.
    const limits = { LOGIN_RATE_LIMIT: '5', LOGIN_FAILED_PER_ADDRESS_LIMIT: '6' };
    a = await createTestApp({ env: limits, workers: false });
    b = await createTestApp({ env: { ...limits, QUEUE_PREFIX: a.env.QUEUE_PREFIX }, workers: false });
  });
  beforeEach(async () => {
    await resetRateLimits(solo.env);
    await resetRateLimits(a.env);
  });
  afterAll(async () => {
    await solo?.close();
    await b?.close();
    await a?.close();
  });

  it('answers 429 with Retry-After before the 25th wrong password from one address, whatever the e-mails (default limit 20)', async () => {
    const statuses: number[] = [];
    let blocked: { headers: Record<string, string>; body: unknown } | undefined;
    for (let i = 0; i < 25; i++) {
      const res = await wrongLogin(solo, `sprayed${i}@test.local`);
      statuses.push(res.status);
      if (res.status === 429 && !blocked) blocked = res;
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    expect(blocked!.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/failed logins from this address/) });
    const retryAfter = Number(blocked!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The right password is refused too from this address until the window ends.
    await solo.http().post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(429);
  });

  it('shares the failed-login limit between two processes', async () => {
    for (let i = 0; i < 6; i++) await wrongLogin(i % 2 ? b : a, `split${i}@test.local`).expect(401);
    const onA = await wrongLogin(a, 'split-a@test.local').expect(429);
    const onB = await wrongLogin(b, 'split-b@test.local').expect(429);
    expect(Number(onA.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(onB.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('shares the per-e-mail limit between two processes, and its 429 carries Retry-After', async () => {
    for (let i = 0; i < 5; i++) await wrongLogin(i % 2 ? b : a, 'one@test.local').expect(401);
    const onA = await wrongLogin(a, 'one@test.local').expect(429);
    await wrongLogin(b, 'one@test.local').expect(429);
    expect(Number(onA.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('does not count successful logins toward the address limit', async () => {
    for (let i = 0; i < 5; i++) await wrongLogin(i % 2 ? b : a, `before${i}@test.local`).expect(401);
    for (const app of [a, b, a]) await app.http().post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
    await wrongLogin(b, 'sixth@test.local').expect(401);
    await wrongLogin(a, 'seventh@test.local').expect(429);
  });
});

describe('auth hardening: login with Redis unreachable', () => {
  let t: TestApp;
  let silent: ReturnType<typeof createServer>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // A "Redis" that accepts connections and never answers: the worst case for a hanging login.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = String((silent.address() as { port: number }).port);
    t = await createTestApp({ env: { REDIS_PORT: port, LOGIN_FAILED_PER_ADDRESS_LIMIT: '3' }, workers: false });
  });
  afterAll(async () => {
    // Refuse from now on, so closing the app's queues meets a plain "connection refused".
    silent.close();
    for (const s of sockets) s.destroy();
    await t?.close();
  });

  it('answers logins quickly and falls back to per-process limits (fail open)', async () => {
    const started = Date.now();
    await t.http().post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
    expect(Date.now() - started).toBeLessThan(2000);
    for (let i = 0; i < 3; i++) await wrongLogin(t, `down${i}@test.local`).expect(401);
    const blocked = await wrongLogin(t, 'down-last@test.local').expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
