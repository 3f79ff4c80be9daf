import { IncomingHttpHeaders, request as httpRequest, Server } from 'http';
import { AddressInfo } from 'net';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { DataSource } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { AuthUser } from '../src/common/auth-user';
import { inTransaction } from '../src/database/transaction';
import { AnswersService } from '../src/saq/answers.service';
import { UserCredentials } from '../src/users/user-credentials';
import { API, Factory, fillSmallInstrument, publishedPeriod, saqPeriod, SaqBody } from './factories';
import { bearer, createTestApp, eventually, TestApp } from './support/test-app';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly these headers and the response's raw bytes (supertest adds Accept-Encoding and decodes). */
async function rawRequest(t: TestApp, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string | Buffer): Promise<RawResponse> {
  const server = t.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The two hot paths as two processes of one deployment see them (one database, one Redis): the
 * public ranking served from precomputed bytes in front of Express, invalidated on publication in
 * every process, and token states held in memory, invalidated on deactivation and password change in
 * every process.
 */
describe('hot paths across two app instances', () => {
  let a: TestApp;
  let b: TestApp;
  let f: Factory;
  let published: Awaited<ReturnType<typeof publishedPeriod>>;
  const url = () => `${API}/public/periods/2026/ranking?organizer=ki-test`;

  beforeAll(async () => {
    // The default windows: a change must reach the other instance through Redis, not by expiry.
    a = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '1000' } });
    b = await createTestApp({ sameDatabaseAs: a, workers: false, env: { PUBLIC_RATE_LIMIT: '1000' } });
    f = new Factory(a);
    published = await publishedPeriod(a, f, { year: 2026 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers the same bytes, ETag and headers from the guarded route and from the early handler, and a 304 without a body', async () => {
    const first = await rawRequest(b, url());
    expect(first.status).toBe(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers['x-request-id']).toBeTruthy(); // through Express and the guarded route
    const again = await rawRequest(b, url());
    expect(again.headers['x-request-id']).toBeUndefined(); // the early handler: no Express on the way
    for (const res of [first, again]) {
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject({ etag, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', vary: 'Accept-Encoding' });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['x-ratelimit-limit-public']).toBe('1000');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
    expect(again.body.equals(first.body)).toBe(true);
    expect(JSON.parse(first.body.toString())).toMatchObject({ year: 2026, organizer: { slug: 'ki-test' }, total: published.bodies.length });
    // Both instances compute the same ETag for the same content.
    expect((await rawRequest(a, url())).headers.etag).toBe(etag);

    const notModified = await rawRequest(b, url(), { 'If-None-Match': `W/${etag}, "other"` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers).toMatchObject({ etag, vary: 'Accept-Encoding' });
    expect(notModified.body.length).toBe(0);
    expect((await rawRequest(b, url(), { 'If-None-Match': '"stale"' })).status).toBe(200);
    const head = await rawRequest(b, url(), {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(head.body.length).toBe(0);
  });

  it('compresses by Accept-Encoding: br before gzip, q=0 refused, identity otherwise', async () => {
    const identity = (await rawRequest(b, url())).body;
    const br = await rawRequest(b, url(), { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(identity)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.length / 3);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    const gzip = await rawRequest(b, url(), { 'Accept-Encoding': 'br;q=0, gzip;q=0.8' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(identity)).toBe(true);
    const none = await rawRequest(b, url(), { 'Accept-Encoding': 'identity, *;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(identity)).toBe(true);
    // The 304 is the same whatever the encoding.
    expect((await rawRequest(b, url(), { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! })).status).toBe(304);
  });

  it('still validates what the early handler has never seen', async () => {
    await b.http().get(`${API}/public/periods/2026/ranking?organizer=ki-test&unknown=1`).expect(400);
    await b.http().get(`${API}/public/periods/2099/ranking`).expect(404);
    await b.http().get(`${API}/public/periods/2026/ranking?organizer=ki-test`).set(bearer('not-a-token')).expect(200);
  });

  it('drops the published ranking in the other instance at once when a corrected run is published', async () => {
    const before = await b.http().get(url()).expect(200);
    await b.http().get(url()).set('If-None-Match', before.headers.etag).expect(304);
    const target = published.bodies[2];
    await a
      .http()
      .put(`${API}/participations/${target.participationId}/verifications/2.1`)
      .set(bearer(a.adminToken))
      .send({ points: 4, status: 'ADJUSTED', note: 'Koreksi: bukti DIP diterima' })
      .expect(200);
    const runId = (await a.http().post(`${API}/periods/${published.period.id}/rankings`).set(bearer(a.adminToken)).expect(202)).body.runId;
    await eventually(async () => (await a.http().get(`${API}/rankings/${runId}`).set(bearer(a.adminToken))).body.status === 'DONE', 30000, 50);
    await a.http().post(`${API}/periods/${published.period.id}/publish`).set(bearer(a.adminToken)).send({ runId }).expect(200);
    // Well inside the early handler's 10 s window: only the message can have ended it.
    const after = await eventually(
      async () => {
        const res = await b.http().get(url()).set('If-None-Match', before.headers.etag);
        return res.status === 200 ? res : null;
      },
      2000,
      25,
    );
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.items.find((i: { publicBody: string }) => i.publicBody === target.name)).toMatchObject({ finalScore: '68.24', qualification: 'CUKUP_INFORMATIF' });
  });

  it("refuses a user's tokens in the other instance at once after its deactivation or password change", async () => {
    const assessor = await f.user('assessor');
    await b.http().get(`${API}/auth/me`).set(bearer(assessor.token)).expect(200); // b now holds its token state
    await a.http().patch(`${API}/users/${assessor.id}`).set(bearer(a.adminToken)).send({ active: false }).expect(200);
    await eventually(async () => (await b.http().get(`${API}/auth/me`).set(bearer(assessor.token))).status === 401, 2000, 25);

    const other = await f.user('assessor');
    await b.http().get(`${API}/auth/me`).set(bearer(other.token)).expect(200);
    const changed = await a.http().post(`${API}/auth/password`).set(bearer(other.token)).send({ currentPassword: other.password, newPassword: 'a-new-password-1' }).expect(200);
    await eventually(async () => (await b.http().get(`${API}/auth/me`).set(bearer(other.token))).status === 401, 2000, 25);
    await b.http().get(`${API}/auth/me`).set(bearer(changed.body.accessToken)).expect(200);

    // A password set inside any transaction (the e-mailed reset and activation links do so) ends the old
    // tokens everywhere once it commits; a rolled-back one ends nothing.
    const third = await f.user('assessor');
    await b.http().get(`${API}/auth/me`).set(bearer(third.token)).expect(200);
    const credentials = a.get<UserCredentials>(UserCredentials);
    await inTransaction(a.get<DataSource>(DataSource), async (em) => {
      await credentials.setPassword(em, third.id, 'not-a-real-hash');
      throw new Error('rolled back');
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    await b.http().get(`${API}/auth/me`).set(bearer(third.token)).expect(200);
    await inTransaction(a.get<DataSource>(DataSource), (em) => credentials.setPassword(em, third.id, 'not-a-real-hash'));
    await eventually(async () => (await b.http().get(`${API}/auth/me`).set(bearer(third.token))).status === 401, 2000, 25);
  });
});

describe('public ranking limit shared by the early handler and the guarded route of two instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '8' } });
    b = await createTestApp({ sameDatabaseAs: a, workers: false, env: { PUBLIC_RATE_LIMIT: '8' } });
    await publishedPeriod(a, new Factory(a), { year: 2026 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers 429 with Retry-After once both instances together have answered the limit', async () => {
    const url = `${API}/public/periods/2026/ranking`;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await (i % 2 ? a : b).http().get(url)).status);
    expect(statuses).toEqual(Array(8).fill(200));
    // The hits an instance counts in memory reach Redis within its flush interval (50 ms), and a count
    // older than two intervals is asked again: past that, no instance lets another request through.
    await new Promise((r) => setTimeout(r, 200));
    for (const t of [a, b, a]) {
      const refused = await t.http().get(url);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBeTruthy();
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    }
  });
});

/**
 * The save path's participation context is cached per process with no message between processes:
 * each save's statement is guarded by the participation and period versions, so a change committed
 * by another process makes the next save refuse, reload and check the rules again.
 */
describe('answer saves in one instance after a deadline change or a submission in the other', () => {
  let a: TestApp;
  let b: TestApp;
  let f: Factory;
  let period: { schedule: { SAQ: { closesAt: string } } };
  let first: SaqBody;
  let second: SaqBody;
  const putOn = (t: TestApp, body: SaqBody, code: string, value: unknown) =>
    t.http().put(`${API}/participations/${body.participationId}/answers/${code}`).set(bearer(body.token)).send({ value });
  const deadline = (body: SaqBody, at: Date, reason: string) =>
    a.http().put(`${API}/participations/${body.participationId}/deadline`).set(bearer(a.adminToken)).send({ closesAt: at.toISOString(), reason }).expect(200);

  beforeAll(async () => {
    a = await createTestApp({ workers: false });
    b = await createTestApp({ sameDatabaseAs: a, workers: false });
    f = new Factory(a);
    const built = await saqPeriod(a, f, { count: 2, year: 2033 });
    period = built.period;
    [first, second] = built.bodies;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers the version of an insert and of each overwrite', async () => {
    const before = (await putOn(b, second, '2.3', 'satu').expect(200)).body.version;
    expect((await putOn(b, second, '2.3', 'dua').expect(200)).body.version).toBe(before + 1);
    expect((await putOn(a, second, '2.3', 'tiga').expect(200)).body.version).toBe(before + 2);
  });

  it('sees a deadline brought forward and then extended in the other instance at the next save', async () => {
    const closesAt = new Date(period.schedule.SAQ.closesAt);
    b.clock.set(new Date(closesAt.getTime() - 60_000));
    await putOn(b, first, '2.3', 'sebelum dimajukan').expect(200);
    await deadline(first, new Date(closesAt.getTime() - 120_000), 'Dimajukan: uji');
    expect((await putOn(b, first, '2.3', 'sesudah dimajukan').expect(422)).body.message).toMatch(/deadline passed/);

    await deadline(first, new Date(closesAt.getTime() + 24 * 3600 * 1000), 'Perpanjangan: uji');
    b.clock.set(new Date(closesAt.getTime() + 60_000));
    expect((await putOn(b, first, '2.3', 'sesudah perpanjangan').expect(200)).body.value).toBe('sesudah perpanjangan');
    expect((await putOn(b, second, '2.3', 'tanpa perpanjangan').expect(422)).body.message).toMatch(/deadline passed/);
    await deadline(first, closesAt, 'Dikembalikan');
    b.clock.reset();
  });

  it("the answers table's audit triggers write a save only while it was checked on the current versions, with its audit row", async () => {
    const ds = a.app.get(DataSource);
    const [ctx] = await ds.query(
      'SELECT p.version AS pv, per.version AS perv, q.id AS qid FROM participations p JOIN periods per ON per.id = p.period_id JOIN questions q ON q.period_id = per.id WHERE p.id = ? AND q.code = ?',
      [first.participationId, '2.1'],
    );
    const [ppid] = await ds.query('SELECT id FROM users WHERE public_body_id = ?', [first.bodyId]);
    const [pv, perv] = [Number(ctx.pv), Number(ctx.perv)];
    const save = (versions: [number | null, number | null], requestId: string) =>
      ds.query(
        'INSERT INTO answers (participation_id, question_id, value, self_points, version, updated_by, updated_at, request_id, checked_participation_version, checked_period_version) VALUES (?, ?, ?, 0, 1, ?, NOW(), ?, ?, ?) ON DUPLICATE KEY UPDATE version = version + 1, request_id = VALUES(request_id), checked_participation_version = VALUES(checked_participation_version), checked_period_version = VALUES(checked_period_version)',
        [first.participationId, ctx.qid, '"x"', ppid.id, requestId, ...versions],
      );
    const row = async () => (await ds.query('SELECT * FROM answers WHERE participation_id = ? AND question_id = ?', [first.participationId, ctx.qid]))[0];
    const audited = async (requestId: string) => Number((await ds.query('SELECT COUNT(*) AS n FROM audit_log WHERE request_id = ?', [requestId]))[0].n);
    const refused = { driverError: { code: 'ER_SIGNAL_EXCEPTION' } };

    const before = await row();
    await expect(save([pv - 1, perv], 'guard-stale-participation')).rejects.toMatchObject(refused);
    await expect(save([pv, perv + 1], 'guard-stale-period')).rejects.toMatchObject(refused);
    expect(await row()).toEqual(before);
    expect(await audited('guard-stale-participation')).toBe(0);

    await save([pv, perv], 'guard-insert-or-overwrite');
    await save([pv, perv], 'guard-overwrite');
    const saved = await row();
    expect(saved).toMatchObject({ checked_participation_version: pv, checked_period_version: perv, request_id: 'guard-overwrite' });
    expect(Number(saved.version)).toBe(before ? Number(before.version) + 2 : 2);
    expect(await audited('guard-insert-or-overwrite')).toBe(1);
    expect(await audited('guard-overwrite')).toBe(1);

    // A save that bumps the version keeping the versions of an earlier save is checked on them.
    await ds.query('UPDATE participations SET version = version + 1 WHERE id = ?', [first.participationId]);
    try {
      await expect(ds.query('UPDATE answers SET version = version + 1 WHERE participation_id = ? AND question_id = ?', [first.participationId, ctx.qid])).rejects.toMatchObject(
        refused,
      );
      expect(Number((await row()).version)).toBe(Number(saved.version));
      // A write that gives no versions is audited unchecked.
      await save([null, null], 'guard-unchecked');
      expect(await audited('guard-unchecked')).toBe(1);
    } finally {
      await ds.query('UPDATE participations SET version = version - 1 WHERE id = ?', [first.participationId]);
    }
  });

  it('refuses a save in one instance right after the submission in the other', async () => {
    await fillSmallInstrument(a, second);
    await putOn(b, second, '2.3', 'disimpan sebelum kirim').expect(200);
    await a.http().post(`${API}/participations/${second.participationId}/submit`).set(bearer(second.token)).expect(200);
    expect((await putOn(b, second, '2.3', 'sesudah kirim').expect(422)).body.message).toMatch(/already submitted/);
  });
});

/**
 * The answer save is served in front of Express (src/saq/answer-save-route.ts) for its canonical URL;
 * the same URL with a query string goes through Express, Nest's guards and pipes and the controller.
 * Every answer, a refusal or a save, must be the same on both ways.
 */
describe('the answer save in front of Express answers as the guarded route does', () => {
  let t: TestApp;
  let f: Factory;
  let mine: SaqBody;
  let other: SaqBody;

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    f = new Factory(t);
    [mine, other] = (await saqPeriod(t, f, { count: 2, year: 2034 })).bodies;
  });
  afterAll(async () => t?.close());

  const put = (path: string, headers: Record<string, string>, body?: string | Buffer) =>
    rawRequest(t, `${API}/${path}`, { 'Content-Type': 'application/json', ...headers }, 'PUT', body);
  /** The same request on the early route and through Express: their status, error body and headers. */
  async function bothWays(path: string, headers: Record<string, string>, body?: string | Buffer) {
    const early = await put(path, headers, body);
    const viaExpress = await put(`${path}?via=express`, headers, body);
    const json = (r: RawResponse) => {
      const parsed = JSON.parse(r.body.toString());
      delete parsed.requestId;
      return parsed;
    };
    expect({ status: early.status, body: json(early) }).toEqual({ status: viaExpress.status, body: json(viaExpress) });
    for (const r of [early, viaExpress]) {
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(r.headers['x-request-id']).toBeTruthy();
    }
    return { status: early.status, body: json(early) };
  }
  const auth = (b: SaqBody) => ({ Authorization: `Bearer ${b.token}` });
  const answer = (b: SaqBody, code = '2.3') => `participations/${b.participationId}/answers/${encodeURIComponent(code)}`;

  it('refuses what the guards, the pipes and the service refuse, with the same status and body', async () => {
    const valid = JSON.stringify({ value: 'jawaban' });
    const refusals: [string, Record<string, string>, string | Buffer, number, string][] = [
      ['no token', {}, valid, 401, 'AUTH_TOKEN_MISSING'],
      ['a forged token', { Authorization: 'Bearer not.a.jwt' }, valid, 401, 'AUTH_TOKEN_INVALID'],
      ['an admin', { Authorization: `Bearer ${t.adminToken}` }, valid, 403, 'FORBIDDEN_ROLE'],
      ['unreadable JSON', auth(mine), '{"value": ', 400, 'INVALID_JSON'],
      ['an unknown field', auth(mine), JSON.stringify({ value: 'x', points: 9 }), 400, 'VALIDATION_FAILED'],
      ['a value of the wrong type', auth(mine), JSON.stringify({ value: 'ya' }), 400, 'SAQ_VALUE_INVALID'],
      ['a body over 1 MB', auth(mine), JSON.stringify({ value: 'x'.repeat(1024 * 1024) }), 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [what, headers, body, status, code] of refusals) {
      const code11 = what === 'a value of the wrong type' ? '1.1' : '2.3';
      const got = await bothWays(answer(mine, code11), headers, body);
      expect({ what, status: got.status, code: got.body.code }).toEqual({ what, status, code });
    }
    const details = (await bothWays(answer(mine), auth(mine), JSON.stringify({ value: 'x', points: 9 }))).body.details;
    expect(details).toEqual([expect.objectContaining({ field: 'points', code: 'FIELD_UNKNOWN_FIELD' })]);
    // A malformed id, another body's SAQ and an unknown question: not found, the same way.
    expect((await bothWays(`participations/01/answers/2.3`, auth(mine), valid)).status).toBe(404);
    expect((await bothWays(answer(other), auth(mine), valid)).status).toBe(404);
    expect((await bothWays(answer(mine, 'Z.9'), auth(mine), valid)).status).toBe(404);
  });

  it('saves, counts versions and refuses a stale one the same way; the audit row carries the request id', async () => {
    const early = await put(answer(mine), { ...auth(mine), 'X-Request-Id': 'early-save-1' }, JSON.stringify({ value: 'pertama' }));
    expect(early.status).toBe(200);
    expect(early.headers['x-request-id']).toBe('early-save-1');
    const saved = JSON.parse(early.body.toString());
    const viaExpress = await put(`${answer(mine)}?via=express`, auth(mine), JSON.stringify({ value: 'kedua', version: saved.version }));
    expect(viaExpress.status).toBe(200);
    const overwritten = JSON.parse(viaExpress.body.toString());
    expect(Object.keys(overwritten).sort()).toEqual(Object.keys(saved).sort());
    expect(overwritten).toMatchObject({ questionCode: '2.3', value: 'kedua', version: saved.version + 1 });

    const stale = await bothWays(answer(mine), auth(mine), JSON.stringify({ value: 'basi', version: saved.version }));
    expect(stale).toMatchObject({ status: 409, body: { code: 'STALE_VERSION', details: { currentVersion: saved.version + 1 } } });

    const ds = t.app.get(DataSource);
    const [row] = await ds.query("SELECT actor_id FROM audit_log WHERE action = 'answer.save' AND request_id = 'early-save-1'");
    expect(row).toBeDefined();
    const listed = await t.http().get(`${API}/participations/${mine.participationId}/answers`).set(bearer(mine.token)).expect(200);
    expect(listed.body.items.find((a: { questionCode: string }) => a.questionCode === '2.3')).toMatchObject({ value: 'kedua', version: saved.version + 1 });
  });

  it('leaves other forms of the URL and other methods to Express', async () => {
    // A trailing slash and an escaped code reach the same route through Express.
    const slash = await put(`${answer(mine)}/`, auth(mine), JSON.stringify({ value: 'garis miring' }));
    expect(slash.status).toBe(200);
    const escaped = await put(`participations/${mine.participationId}/answers/%32.3`, auth(mine), JSON.stringify({ value: 'lolos' }));
    expect(JSON.parse(escaped.body.toString())).toMatchObject({ questionCode: '2.3', value: 'lolos' });
    const bad = await put(`participations/${mine.participationId}/answers/%E0%A4%A`, auth(mine), JSON.stringify({ value: 'x' }));
    expect(bad.status).toBe(400);
    const post = await rawRequest(t, `${API}/${answer(mine)}`, { ...auth(mine), 'Content-Type': 'application/json' }, 'POST', '{}');
    expect(post.status).toBe(404);
  });
});

/**
 * Saves without an expected version that arrive together are one multi-row statement
 * (src/database/statement-batch.ts): each still answers its own version, has its own audit row, and a
 * save whose context changed meanwhile is refused and checked again without failing the others.
 */
describe('answer saves arriving together', () => {
  let t: TestApp;
  let bodies: SaqBody[];
  let users: AuthUser[];
  let answers: AnswersService;
  let ds: DataSource;
  const stored = async (b: SaqBody, code: string) =>
    (
      await ds.query(
        'SELECT a.value, a.version, a.checked_participation_version FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.participation_id = ? AND q.code = ?',
        [b.participationId, code],
      )
    ).map((r: { value: string; version: number; checked_participation_version: number }) => ({ ...r, value: JSON.parse(r.value) as unknown }))[0];
  const auditRows = async () =>
    Number(
      (await ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'answer.save' AND entity_id REGEXP ?", [`^(${bodies.map((b) => b.participationId).join('|')}):`]))[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp({ workers: false });
    const f = new Factory(t);
    ({ bodies } = await saqPeriod(t, f, { count: 3, year: 2035 }));
    answers = t.app.get(AnswersService);
    ds = t.app.get(DataSource);
    users = await Promise.all(bodies.map((b) => t.app.get(AuthService).verify(b.token)));
    // A first save each over HTTP: the contexts and the instrument are at hand from here on.
    for (const b of bodies) await t.http().put(`${API}/participations/${b.participationId}/answers/2.3`).set(bearer(b.token)).send({ value: 'awal' }).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the saves of one moment in one statement; each answers its own version and has its audit row', async () => {
    const before = { ...answers.upserts.stats };
    const audited = await auditRows();
    const saves = bodies.flatMap((b, i) => [
      answers.save(users[i], b.participationId, '2.3', { value: `bersama ${i}` }),
      answers.save(users[i], b.participationId, '2.2', { value: 10 + i }),
    ]);
    // The same answer twice in the same moment: never in one statement (the second is its own).
    saves.push(answers.save(users[0], bodies[0].participationId, '2.3', { value: 'bersama 0 lagi' }));
    const saved = await Promise.all(saves);

    expect(answers.upserts.stats.batches - before.batches).toBe(1);
    expect(answers.upserts.stats.batchedItems - before.batchedItems).toBe(6);
    expect(answers.upserts.stats.singles - before.singles).toBe(1);
    expect(saved.map((s) => [s.questionCode, s.value])).toEqual([
      ['2.3', 'bersama 0'],
      ['2.2', 10],
      ['2.3', 'bersama 1'],
      ['2.2', 11],
      ['2.3', 'bersama 2'],
      ['2.2', 12],
      ['2.3', 'bersama 0 lagi'],
    ]);
    expect(saved.filter((s) => s.questionCode === '2.2').map((s) => s.version)).toEqual([1, 1, 1]);
    expect([saved[2].version, saved[4].version]).toEqual([2, 2]);
    // Body 0's two saves of 2.3 went in two statements: versions 2 and 3, the row holds the later one.
    expect([saved[0].version, saved[6].version].sort()).toEqual([2, 3]);
    const row0 = await stored(bodies[0], '2.3');
    expect(row0.version).toBe(3);
    expect(row0.value).toEqual(saved[0].version === 3 ? 'bersama 0' : 'bersama 0 lagi');
    for (const [i, b] of bodies.entries()) {
      expect((await stored(b, '2.2')).value).toBe(10 + i);
      const listed = (await t.http().get(`${API}/participations/${b.participationId}/answers`).set(bearer(b.token)).expect(200)).body.items;
      expect(listed.find((a: { questionCode: string }) => a.questionCode === '2.2')).toEqual(saved[2 * i + 1]);
    }
    expect((await auditRows()) - audited).toBe(7);
  });

  it('refuses only the save whose participation changed meanwhile; it is checked again and saved, the others are saved at once', async () => {
    // Another process's write to body 1's participation, which this one's cached context has not seen.
    await ds.query('UPDATE participations SET version = version + 1 WHERE id = ?', [bodies[1].participationId]);
    const [{ version: current }] = await ds.query('SELECT version FROM participations WHERE id = ?', [bodies[1].participationId]);
    const before = { ...answers.upserts.stats };
    const saved = await Promise.all(bodies.map((b, i) => answers.save(users[i], b.participationId, '2.3', { value: `sesudah ${i}` })));
    expect(answers.upserts.stats.fallbacks - before.fallbacks).toBe(1);
    expect(saved.map((s) => s.value)).toEqual(['sesudah 0', 'sesudah 1', 'sesudah 2']);
    for (const [i, b] of bodies.entries()) expect((await stored(b, '2.3')).value).toBe(`sesudah ${i}`);
    expect((await stored(bodies[1], '2.3')).checked_participation_version).toBe(Number(current));
  });

  it('over HTTP, saves sent at once each answer 200 with their version and an audit row with their request id', async () => {
    const sent = bodies.flatMap((b, i) =>
      ['2.2', '2.3'].flatMap((code) =>
        [0, 1, 2].map((n) => {
          const requestId = `together-${i}-${code}-${n}`;
          return { b, code, requestId, value: code === '2.2' ? 100 + n : `serentak ${n}` };
        }),
      ),
    );
    const answered = await Promise.all(
      sent.map((s) =>
        t.http().put(`${API}/participations/${s.b.participationId}/answers/${s.code}`).set(bearer(s.b.token)).set('X-Request-Id', s.requestId).send({ value: s.value }),
      ),
    );
    expect(answered.map((r) => r.status)).toEqual(sent.map(() => 200));
    for (const [k, s] of sent.entries()) {
      const [audit] = await ds.query("SELECT after_state FROM audit_log WHERE action = 'answer.save' AND request_id = ?", [s.requestId]);
      expect(audit).toBeDefined();
      const after = typeof audit.after_state === 'string' ? JSON.parse(audit.after_state) : audit.after_state;
      expect(after.version).toBe(answered[k].body.version);
    }
    // Three saves per answer, each its own version: the row's is the highest answered.
    for (const b of bodies)
      for (const code of ['2.2', '2.3']) {
        const versions = answered.filter((_, k) => sent[k].b === b && sent[k].code === code).map((r) => r.body.version as number);
        expect(new Set(versions).size).toBe(3);
        expect((await stored(b, code)).version).toBe(Math.max(...versions));
      }
  });
});
