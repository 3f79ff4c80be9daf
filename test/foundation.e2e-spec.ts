import { spawnSync } from 'child_process';
import * as path from 'path';
import { validateEnv } from '../src/config/env';
import { ADMIN_EMAIL, ADMIN_PASSWORD, baseTestEnv, bearer, createTestApp, eventually, TestApp } from './support/test-app';

const API = '/api/v1';

describe('foundation: auth, users, errors, jobs, health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '10' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('login', () => {
    it('returns a short-lived token and the user without any hash', async () => {
      const res = await t.http().post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin', publicBodyId: null });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
      const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(900);
      const me = await t.http().get(`${API}/auth/me`).set(bearer(res.body.accessToken)).expect(200);
      expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin', platformAdmin: true });
    });

    it('answers a wrong password and an unknown e-mail with the same 401', async () => {
      const wrong = await t.http().post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: 'not-the-password' }).expect(401);
      const unknown = await t.http().post(`${API}/auth/login`).send({ email: 'nobody@test.local', password: 'whatever-123' }).expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid e-mail or password', code: 'AUTH_BAD_CREDENTIALS' });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('rate limits login per e-mail and address after 10 tries a minute', async () => {
      const email = 'limited@test.local';
      for (let i = 0; i < 10; i++) {
        await t
          .http()
          .post(`${API}/auth/login`)
          .send({ email, password: `wrong-password-${i}` })
          .expect(401);
      }
      const blocked = await t.http().post(`${API}/auth/login`).send({ email, password: 'wrong-password-x' }).expect(429);
      expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      // Another e-mail from the same address is not blocked by it.
      await t.http().post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).expect(200);
    });
  });

  describe('guards', () => {
    it('refuses a route without a token (401) and with a forged one (401)', async () => {
      const none = await t.http().get(`${API}/users`).expect(401);
      expect(none.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      await t
        .http()
        .get(`${API}/users`)
        .set(bearer(t.adminToken.slice(0, -3) + 'abc'))
        .expect(401);
    });

    it('refuses a wrong role with 403', async () => {
      await t
        .http()
        .post(`${API}/users`)
        .set(bearer(t.adminToken))
        .send({ email: 'assessor1@test.local', name: 'Asesor Satu', role: 'assessor', password: 'assessor-pass-1', affiliation: 'Universitas Palangka Raya' })
        .expect(201);
      const token = await t.login('assessor1@test.local', 'assessor-pass-1');
      const res = await t.http().get(`${API}/users`).set(bearer(token)).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      await t.http().get(`${API}/auth/me`).set(bearer(token)).expect(200);
    });
  });

  describe('users', () => {
    it('creates users, never returns a hash, lists by role, refuses a duplicate e-mail with 409', async () => {
      const body = { email: 'Panelis.A@Test.local', name: 'Panelis A', role: 'panelist', password: 'panelist-pass-1', affiliation: 'LSM Keterbukaan' };
      const created = await t.http().post(`${API}/users`).set(bearer(t.adminToken)).send(body).expect(201);
      expect(created.body).toMatchObject({ email: 'panelis.a@test.local', role: 'panelist', affiliation: 'LSM Keterbukaan', organizerId: t.defaultOrganizerId });
      expect(JSON.stringify(created.body)).not.toMatch(/password/i);
      const dup = await t.http().post(`${API}/users`).set(bearer(t.adminToken)).send(body).expect(409);
      expect(dup.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      const list = await t.http().get(`${API}/users?role=panelist`).set(bearer(t.adminToken)).expect(200);
      expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(list.body.items[0].email).toBe('panelis.a@test.local');
      const audit = await t.http().get(`${API}/audit?entityType=user&entityId=${created.body.id}`).set(bearer(t.adminToken)).expect(200);
      expect(audit.body.items[0]).toMatchObject({ action: 'user.create', entityType: 'user', entityId: created.body.id });
    });

    it('answers 400 with each bad field for a malformed body', async () => {
      const res = await t.http().post(`${API}/users`).set(bearer(t.adminToken)).send({ email: 'not-an-email', name: '', role: 'king', password: 'short' }).expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.error).toBe('Bad Request');
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'role', 'password']));
      expect(res.body.details.find((d: { field: string }) => d.field === 'password').message).toMatch(/at least 10/);
    });

    it('answers 400 naming an unknown field', async () => {
      const res = await t
        .http()
        .post(`${API}/users`)
        .set(bearer(t.adminToken))
        .send({ email: 'x@test.local', name: 'X', role: 'assessor', password: 'long-enough-1', isGod: true })
        .expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isGod' })]));
    });

    it('answers 400, not 500, for a body that is not JSON', async () => {
      const res = await t.http().post(`${API}/auth/login`).set('Content-Type', 'application/json').send('{"email": ').expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it('requires publicBodyId for public_body users and refuses it for others', async () => {
      const a = await t
        .http()
        .post(`${API}/users`)
        .set(bearer(t.adminToken))
        .send({ email: 'ppid@test.local', name: 'PPID', role: 'public_body', password: 'ppid-password-1' })
        .expect(400);
      expect(a.body.details[0].field).toBe('publicBodyId');
      const b = await t
        .http()
        .post(`${API}/users`)
        .set(bearer(t.adminToken))
        .send({ email: 'asr@test.local', name: 'A', role: 'assessor', password: 'ppid-password-1', publicBodyId: '1' })
        .expect(400);
      expect(b.body.details[0].field).toBe('publicBodyId');
    });
  });

  describe('organizers', () => {
    it('lets a platform admin add an organizer and its first admin; lists organizers publicly', async () => {
      const org = await t
        .http()
        .post(`${API}/organizers`)
        .set(bearer(t.adminToken))
        .send({ slug: 'ki-dki', name: 'Komisi Informasi Provinsi DKI Jakarta', level: 'PROVINSI', region: 'DKI Jakarta' })
        .expect(201);
      await t.http().post(`${API}/organizers`).set(bearer(t.adminToken)).send({ slug: 'ki-dki', name: 'x', level: 'PROVINSI' }).expect(409);
      const admin = await t
        .http()
        .post(`${API}/users`)
        .set(bearer(t.adminToken))
        .send({ email: 'admin@ki-dki.test', name: 'Admin DKI', role: 'admin', password: 'dki-admin-pass-1', organizerId: org.body.id })
        .expect(201);
      expect(admin.body.organizerId).toBe(org.body.id);
      const dkiToken = await t.login('admin@ki-dki.test', 'dki-admin-pass-1');
      // Not a platform admin: may not add organizers, and sees only its own organizer's users.
      await t.http().post(`${API}/organizers`).set(bearer(dkiToken)).send({ slug: 'ki-x', name: 'X', level: 'PUSAT' }).expect(403);
      const users = await t.http().get(`${API}/users`).set(bearer(dkiToken)).expect(200);
      expect(users.body.items.map((u: { email: string }) => u.email)).toEqual(['admin@ki-dki.test']);
      const pub = await t.http().get(`${API}/organizers`).expect(200);
      expect(pub.body.items.map((o: { slug: string }) => o.slug)).toEqual(['ki-test', 'ki-dki']);
    });
  });

  describe('jobs', () => {
    it('enqueues a job and reads its state back through the jobs endpoint', async () => {
      const res = await t.http().post(`${API}/jobs/system/ping`).set(bearer(t.adminToken)).expect(202);
      const done = await eventually(async () => {
        const s = await t.http().get(`${API}/jobs/system/${res.body.jobId}`).set(bearer(t.adminToken)).expect(200);
        return s.body.state === 'completed' ? s.body : null;
      });
      expect(done).toMatchObject({ id: res.body.jobId, queue: 'system', name: 'ping', progress: 100, result: { pong: true } });
      await t.http().get(`${API}/jobs/system/999999`).set(bearer(t.adminToken)).expect(404);
      await t.http().get(`${API}/jobs/nope/1`).set(bearer(t.adminToken)).expect(404);
    });
  });

  describe('health and request ids', () => {
    it('says ok for db and redis, and echoes a request id header', async () => {
      const res = await t.http().get(`${API}/health`).set('X-Request-Id', 'req-abc-123').expect(200);
      expect(res.body).toEqual({ status: 'ok', db: 'ok', redis: 'ok' });
      expect(res.headers['x-request-id']).toBe('req-abc-123');
      const other = await t.http().get(`${API}/health`).expect(200);
      expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('serves the OpenAPI document', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      expect(res.body.paths).toHaveProperty('/api/v1/auth/login');
    });
  });
});

describe('health with Redis down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { REDIS_PORT: '6390' }, workers: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 naming redis as down', async () => {
    const res = await t.http().get(`${API}/health`).expect(503);
    expect(res.body).toEqual({ status: 'down', db: 'ok', redis: 'down' });
  });
});

describe('configuration', () => {
  it('validates the environment and names each bad variable', () => {
    expect(() => validateEnv({ ...baseTestEnv(), JWT_SECRET: 'short', DB_PORT: 'abc' })).toThrow(/JWT_SECRET[\s\S]*|DB_PORT/);
    try {
      validateEnv({ ...baseTestEnv(), JWT_SECRET: 'short', DB_PORT: 'abc' });
    } catch (e) {
      expect((e as Error).message).toMatch(/JWT_SECRET/);
      expect((e as Error).message).toMatch(/DB_PORT/);
    }
    expect(validateEnv(baseTestEnv()).WORKER_INLINE).toBe(true);
    expect(validateEnv({ ...baseTestEnv(), WORKER_INLINE: 'false' }).WORKER_INLINE).toBe(false);
  });

  it('refuses to boot the API process on an invalid environment', () => {
    const root = path.join(__dirname, '..');
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, ...baseTestEnv(), JWT_SECRET: 'too-short' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid environment configuration/);
    expect(run.stderr).toMatch(/JWT_SECRET/);
  });

  it('refuses to boot in production without a JWT_SECRET of its own, saying what to do', () => {
    const { JWT_SECRET: _unused, ...withoutSecret } = baseTestEnv();
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env: { PATH: process.env.PATH, ...withoutSecret, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/JWT_SECRET: is not set; with NODE_ENV=production set it to a random secret/);
    expect(run.stdout).not.toMatch(/listening/);
  });
});
