import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldOf, foldRows } from '../database/fold-rows';

export interface CategoryName {
  code: string;
  name: string;
}

/** Enough ids for one IN list; larger sets are read in slices. */
const SLICE = 5000;

/**
 * The public-bodies module's read interface for display names, keyed by ids: other modules join
 * their rows to these maps instead of joining `public_bodies` or `categories` in their SQL.
 */
@Injectable()
export class RegistryNames {
  async bodyNames(em: EntityManager, bodyIds: Iterable<string>): Promise<Map<string, string>> {
    const ids = [...new Set(bodyIds)];
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += SLICE) {
      const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM public_bodies WHERE id IN (?)', [ids.slice(i, i + SLICE)]);
      for (const r of rows) out.set(String(r.id), r.name);
    }
    return out;
  }

  /** The bodies' names and official (PPID) e-mail addresses from the registry. */
  async contacts(em: EntityManager, bodyIds: Iterable<string>): Promise<Map<string, { name: string; email: string | null }>> {
    const ids = [...new Set(bodyIds)];
    const out = new Map<string, { name: string; email: string | null }>();
    for (let i = 0; i < ids.length; i += SLICE) {
      const rows: { id: string; name: string; email: string | null }[] = await em.query('SELECT id, name, email FROM public_bodies WHERE id IN (?)', [ids.slice(i, i + SLICE)]);
      for (const r of rows) out.set(String(r.id), { name: r.name, email: r.email || null });
    }
    return out;
  }

  async categories(em: EntityManager, categoryIds: Iterable<string>): Promise<Map<string, CategoryName>> {
    const ids = [...new Set(categoryIds)];
    if (!ids.length) return new Map();
    const rows: { id: string; code: string; name: string }[] = await em.query('SELECT id, code, name FROM categories WHERE id IN (?)', [ids]);
    return new Map(rows.map((r) => [String(r.id), { code: r.code, name: r.name }]));
  }

  /** One body's name and one category's code, in one statement (a participation's context). */
  async bodyAndCategory(em: EntityManager, bodyId: string, categoryId: string): Promise<{ bodyName: string; categoryCode: string }> {
    const [r] = await em.query('SELECT (SELECT name FROM public_bodies WHERE id = ?) AS body_name, (SELECT code FROM categories WHERE id = ?) AS category_code', [
      bodyId,
      categoryId,
    ]);
    return { bodyName: r.body_name, categoryCode: r.category_code };
  }

  /** The organizer's bodies among `bodyIds` or in `categoryIds`, with their categories (an enrollment). */
  async bodiesOf(em: EntityManager, organizerId: string, bodyIds: string[], categoryIds: string[]): Promise<{ id: string; categoryId: string }[]> {
    const conditions: string[] = [];
    const params: unknown[] = [organizerId];
    if (bodyIds.length) {
      conditions.push('id IN (?)');
      params.push(bodyIds);
    }
    if (categoryIds.length) {
      conditions.push('category_id IN (?)');
      params.push(categoryIds);
    }
    if (!conditions.length) return [];
    const rows: { id: string; category_id: string }[] = await em.query(
      `SELECT id, category_id FROM public_bodies WHERE organizer_id = ? AND (${conditions.join(' OR ')}) ORDER BY id`,
      params,
    );
    return rows.map((r) => ({ id: String(r.id), categoryId: String(r.category_id) }));
  }

  /** Whether the public body exists in the organizer (a user's body, a declared conflict's body). */
  async hasBody(em: EntityManager, organizerId: string, bodyId: string): Promise<boolean> {
    const rows: unknown[] = await em.query('SELECT id FROM public_bodies WHERE id = ? AND organizer_id = ?', [bodyId, organizerId]);
    return rows.length > 0;
  }

  /** The names an organizer's ranking shows, folded (see foldRows): a renamed body or category changes it. */
  async fingerprint(em: EntityManager, organizerId: string): Promise<string> {
    const [bodies, categories] = await Promise.all([
      em.query(foldRows(`SELECT CONCAT_WS('|', id, name) AS r FROM public_bodies WHERE organizer_id = ?`), [organizerId]),
      em.query(foldRows(`SELECT CONCAT_WS('|', id, code, name) AS r FROM categories WHERE organizer_id = ?`), [organizerId]),
    ]);
    return `${foldOf(bodies)}/${foldOf(categories)}`;
  }
}
