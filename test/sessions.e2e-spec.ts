import { createHash } from 'crypto';
import { DataSource } from 'typeorm';
import { API, Factory } from './factories';
import { bearer, createTestApp, TestApp } from './support/test-app';

const COOKIE = 'monev_session';
const ENDED = { statusCode: 401, error: 'Unauthorized', message: 'The session has ended; sign in again', code: 'AUTH_SESSION_ENDED' };

/** The session cookie a response sets: its value and attributes (lower-cased names). */
function sessionCookie(res: { headers: Record<string, unknown> }): { value: string; attrs: Record<string, string | true> } {
  const raw = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${COOKIE}=`));
  if (!raw) throw new Error(`no ${COOKIE} cookie set`);
  const [pair, ...rest] = raw.split(';').map((s) => s.trim());
  const attrs: Record<string, string | true> = {};
  for (const a of rest) {
    const [k, v] = a.split('=');
    attrs[k.toLowerCase()] = v ?? true;
  }
  return { value: pair.slice(COOKIE.length + 1), attrs };
}

describe('browser sessions: rotating refresh cookie', () => {
  let t: TestApp;
  let f: Factory;
  let ds: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2', REFRESH_RATE_LIMIT: '60', AUTH_USER_CACHE_MS: '0' }, workers: false });
    f = new Factory(t);
    ds = t.get<DataSource>(DataSource);
  });
  afterEach(() => t.clock.reset());
  afterAll(async () => {
    await t?.close();
  });

  const signIn = async (user: { email: string; password: string }) => {
    const res = await t.http().post(`${API}/auth/login`).send({ email: user.email, password: user.password }).expect(200);
    return { body: res.body, cookie: sessionCookie(res).value, res };
  };
  const ppid = async () => {
    const cat = await f.category();
    const body = await f.body(cat.code);
    return f.user('public_body', { publicBodyId: body.id });
  };
  const refresh = (cookie: string) => t.http().post(`${API}/auth/refresh`).set('Cookie', `${COOKIE}=${cookie}`);

  it('login answers the bearer token as before and sets an httpOnly, SameSite=Strict cookie on the auth path', async () => {
    const u = await f.user('assessor');
    const { body, res } = await signIn(u);
    expect(body).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer', user: { id: u.id, email: u.email, role: 'assessor' } });
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'tokenType', 'user']);
    const { value, attrs } = sessionCookie(res);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(attrs).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/v1/auth' });
    expect(attrs.secure).toBeUndefined(); // plain http here; Secure when the request came over https
    await t.http().get(`${API}/auth/me`).set(bearer(body.accessToken)).expect(200);
  });

  it('sets Secure when the request came over https (behind a trusted proxy)', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' }, workers: false });
    try {
      const res = await proxied.http().post(`${API}/auth/login`).set('X-Forwarded-Proto', 'https').send({ email: 'admin@test.local', password: 'admin-password-123' }).expect(200);
      expect(sessionCookie(res).attrs.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('refresh rotates the cookie and answers a working access token; replaying the old cookie revokes the family', async () => {
    const u = await ppid();
    const first = (await signIn(u)).cookie;

    const r1 = await refresh(first).expect(200);
    expect(r1.body).toMatchObject({ accessToken: expect.any(String), user: { id: u.id, role: 'public_body' } });
    const second = sessionCookie(r1).value;
    expect(second).not.toBe(first);
    await t.http().get(`${API}/auth/me`).set(bearer(r1.body.accessToken)).expect(200);

    const r2 = await refresh(second).expect(200);
    const third = sessionCookie(r2).value;

    // The second cookie was rotated: presenting it again is a replay. 401, and the newest dies too.
    expect((await refresh(second).expect(401)).body).toEqual(ENDED);
    expect((await refresh(third).expect(401)).body).toEqual(ENDED);

    const audit = await t.http().get(`${API}/audit?entityType=user&entityId=${u.id}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['session.login', 'session.reuse_detected']));
  });

  it('a refused refresh clears the cookie, and a refresh without a cookie or with an unknown one is 401', async () => {
    const res = await refresh('not-a-token').expect(401);
    expect(res.body).toEqual(ENDED);
    expect(sessionCookie(res).value).toBe('');
    expect((await t.http().post(`${API}/auth/refresh`).expect(401)).body).toEqual(ENDED);
  });

  it('logout ends the session and clears the cookie; a second logout is harmless', async () => {
    const u = await f.user('panelist');
    const { cookie } = await signIn(u);
    const out = await t.http().post(`${API}/auth/logout`).set('Cookie', `${COOKIE}=${cookie}`).expect(204);
    expect(sessionCookie(out).value).toBe('');
    await refresh(cookie).expect(401);
    await t.http().post(`${API}/auth/logout`).set('Cookie', `${COOKIE}=${cookie}`).expect(204);
    const audit = await t.http().get(`${API}/audit?entityType=user&entityId=${u.id}`).set(bearer(t.adminToken)).expect(200);
    expect(audit.body.items.filter((a: { action: string }) => a.action === 'session.logout')).toHaveLength(1);
  });

  it('a password change ends every browser session of the user and gives the changing browser a new one', async () => {
    const u = await f.user('assessor');
    const elsewhere = (await signIn(u)).cookie;
    const here = await signIn(u);
    const changed = await t
      .http()
      .post(`${API}/auth/password`)
      .set(bearer(here.body.accessToken))
      .set('Cookie', `${COOKIE}=${here.cookie}`)
      .send({ currentPassword: u.password, newPassword: 'a-new-password-42' })
      .expect(200);
    await refresh(elsewhere).expect(401);
    await refresh(here.cookie).expect(401);
    await refresh(sessionCookie(changed).value).expect(200);
  });

  it('deactivation ends every browser session of the user', async () => {
    const u = await f.user('assessor');
    const { cookie } = await signIn(u);
    await t.http().patch(`${API}/users/${u.id}`).set(bearer(t.adminToken)).send({ active: false }).expect(200);
    await refresh(cookie).expect(401);
    // Reactivated: the old session stays dead.
    await t.http().patch(`${API}/users/${u.id}`).set(bearer(t.adminToken)).send({ active: true }).expect(200);
    await refresh(cookie).expect(401);
  });

  it('refuses a session whose user token version moved on behind its back', async () => {
    const u = await f.user('assessor');
    const { cookie } = await signIn(u);
    await ds.query('UPDATE users SET token_version = token_version + 1 WHERE id = ?', [u.id]);
    await refresh(cookie).expect(401);
  });

  it('an idle session ends after SESSION_IDLE_MINUTES; one kept in use lasts until SESSION_ABSOLUTE_HOURS', async () => {
    const u = await ppid();
    t.clock.set('2026-05-01T08:00:00Z');
    let cookie = (await signIn(u)).cookie;
    // Refreshing every 25 minutes (idle limit 30) keeps it alive up to the 2-hour absolute limit.
    for (let minute = 25; minute < 120; minute += 25) {
      t.clock.set(new Date(Date.parse('2026-05-01T08:00:00Z') + minute * 60_000));
      cookie = sessionCookie(await refresh(cookie).expect(200)).value;
    }
    t.clock.set('2026-05-01T10:00:00Z');
    await refresh(cookie).expect(401);

    t.clock.set('2026-05-01T12:00:00Z');
    const idle = (await signIn(u)).cookie;
    t.clock.set('2026-05-01T12:29:00Z');
    const kept = sessionCookie(await refresh(idle).expect(200)).value;
    t.clock.set('2026-05-01T13:00:00Z'); // 31 minutes after its last use
    await refresh(kept).expect(401);
  });

  it('stores only the SHA-256 of the cookie value', async () => {
    const u = await f.user('assessor');
    const { cookie } = await signIn(u);
    const rows: { token_hash: Buffer; family_id: string; replaced_by: string | null; revoked_at: Date | null }[] = await ds.query(
      'SELECT token_hash, family_id, replaced_by, revoked_at FROM refresh_tokens WHERE user_id = ?',
      [u.id],
    );
    // The factory's login and this one: two families, one of them this cookie's hash.
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.token_hash.equals(createHash('sha256').update(cookie).digest()))).toHaveLength(1);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM refresh_tokens WHERE token_hash = ? OR HEX(token_hash) = ? OR family_id = ?', [Buffer.from(cookie), cookie, cookie]);
    expect(Number(n)).toBe(0);
    const columns: { COLUMN_NAME: string }[] = await ds.query(
      "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'refresh_tokens'",
    );
    for (const c of columns) {
      const [{ m }] = await ds.query(`SELECT COUNT(*) AS m FROM refresh_tokens WHERE CAST(\`${c.COLUMN_NAME}\` AS CHAR) LIKE ?`, [`%${cookie}%`]);
      expect(Number(m)).toBe(0);
    }
  });

  it('limits refreshes per address like logins (429 with Retry-After)', async () => {
    let last = await refresh('garbage');
    for (let i = 0; i < 70 && last.status !== 429; i++) last = await refresh('garbage');
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
