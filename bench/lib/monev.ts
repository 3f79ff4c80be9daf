/**
 * Monev fixtures shared by the benches: an admin session, categories, a period with a schedule that
 * is open now, the seed instrument, and thousands of public bodies with their PPID accounts inserted
 * with multi-row SQL (argon2 hashed once, reused for every account).
 */
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { hashPassword } from '../../src/users/password';
import { bulkInsert } from './db';
import { ApiClient, login } from './http';

export const DAY = 24 * 3600 * 1000;

/** Consecutive windows from `start`, each `days` long (like test/factories `Factory.schedule`). */
export function schedule(start: Date, days = 10, withVisitation = false): Record<string, { opensAt: string; closesAt: string }> {
  const stages = ['SAQ', 'VERIFICATION', 'OBJECTION', ...(withVisitation ? ['VISITATION'] : []), 'PRESENTATION'];
  return Object.fromEntries(
    stages.map((s, i) => [s, { opensAt: new Date(start.getTime() + i * days * DAY).toISOString(), closesAt: new Date(start.getTime() + (i + 1) * days * DAY).toISOString() }]),
  );
}

export async function adminClient(base: string, email: string, password: string): Promise<{ admin: ApiClient; organizerId: string; userId: string }> {
  const r = await login(base, email, password);
  return { admin: new ApiClient(base, r.accessToken), organizerId: String(r.user.organizerId), userId: String(r.user.id) };
}

export interface CategoryRow {
  id: string;
  code: string;
}

/** Creates the categories over HTTP; returns them with their ids. */
export async function createCategories(admin: ApiClient, pool: Pool, organizerId: string, codes: string[]): Promise<CategoryRow[]> {
  for (const code of codes) await admin.post('/categories', { code, name: `Kategori ${code}` }, 201);
  const [rows] = await pool.query<RowDataPacket[]>('SELECT id, code FROM categories WHERE organizer_id = ? ORDER BY id', [organizerId]);
  return rows.map((r) => ({ id: String(r.id), code: String(r.code) }));
}

/** POST /periods: SAQ open from a minute ago for `saqDays`, later windows after it. */
export async function createPeriod(admin: ApiClient, overrides: Record<string, unknown> = {}, saqDays = 30): Promise<{ id: string; year: number }> {
  const start = new Date(Date.now() - 60_000);
  const body = {
    year: new Date().getUTCFullYear(),
    name: 'Monev Keterbukaan Informasi Publik (bench)',
    timezone: 'Asia/Jakarta',
    weights: { saq: 70, presentation: 30 },
    finalistRule: { type: 'THRESHOLD', value: 80 },
    schedule: schedule(start, saqDays),
    ...overrides,
  };
  const p = await admin.post('/periods', body, 201);
  return { id: String(p.id), year: Number(p.year) };
}

export interface BenchBody {
  id: string;
  categoryCode: string;
  email: string;
  userId: string;
}

/**
 * Inserts `count` public bodies spread round-robin over the categories, and one PPID account per
 * body (role public_body) sharing one argon2 hash of `password`. Multi-row INSERTs of `chunk` rows.
 */
export async function insertBodiesWithPpids(
  pool: Pool,
  opts: { organizerId: string; categories: CategoryRow[]; count: number; password: string; chunk?: number },
): Promise<BenchBody[]> {
  const { organizerId, categories, count } = opts;
  const pad = (i: number) => String(i + 1).padStart(6, '0');
  const bodyRows = Array.from({ length: count }, (_, i) => {
    const c = categories[i % categories.length];
    return [organizerId, c.id, `Badan Publik Bench ${pad(i)}`, `ppid${pad(i)}@bench.monev.local`];
  });
  await bulkInsert(pool, 'public_bodies', ['organizer_id', 'category_id', 'name', 'email'], bodyRows, opts.chunk ?? 1000);
  const [bodies] = await pool.query<RowDataPacket[]>(
    `SELECT b.id, b.email, c.code AS category_code FROM public_bodies b JOIN categories c ON c.id = b.category_id
      WHERE b.organizer_id = ? AND b.name LIKE 'Badan Publik Bench %' ORDER BY b.id`,
    [organizerId],
  );
  const hash = await hashPassword(opts.password);
  const userRows = bodies.map((b) => [organizerId, b.email, `PPID ${b.email.split('@')[0]}`, 'public_body', hash, b.id]);
  await bulkInsert(pool, 'users', ['organizer_id', 'email', 'name', 'role', 'password_hash', 'public_body_id'], userRows, opts.chunk ?? 1000);
  const [users] = await pool.query<RowDataPacket[]>(`SELECT id, public_body_id FROM users WHERE organizer_id = ? AND role = 'public_body' AND email LIKE '%@bench.monev.local'`, [
    organizerId,
  ]);
  const userOf = new Map(users.map((u) => [String(u.public_body_id), String(u.id)]));
  return bodies.map((b) => ({ id: String(b.id), categoryCode: String(b.category_code), email: String(b.email), userId: userOf.get(String(b.id))! }));
}

export async function enrollCategories(admin: ApiClient, periodId: string, categoryCodes: string[]): Promise<{ enrolled: number }> {
  return admin.post(`/periods/${periodId}/participants`, { categoryCodes }, [200, 201]);
}

export async function advance(admin: ApiClient, periodId: string, to: string, extra: Record<string, unknown> = {}): Promise<void> {
  await admin.post(`/periods/${periodId}/advance`, { to, ...extra }, 200);
}

/** participation id per public body id, for one period. */
export async function participationsByBody(pool: Pool, periodId: string): Promise<Map<string, string>> {
  const [rows] = await pool.query<RowDataPacket[]>('SELECT id, public_body_id FROM participations WHERE period_id = ?', [periodId]);
  return new Map(rows.map((r) => [String(r.public_body_id), String(r.id)]));
}
