/**
 * A synthetic period of any size, built directly with set-based SQL (no API, no ORM loop): for the
 * ranking benchmark and the crash-recovery test. Deterministic: the same sizes give the same data.
 */
import { Connection } from 'mysql2/promise';
import { DEFAULT_BANDS } from '../src/scoring/bands';
import { format2 } from '../src/scoring/decimal';

export interface SyntheticOptions {
  organizerId: string;
  year: number;
  bodies: number;
  questions: number;
  categories?: number;
  /** one in `absentEvery` bodies never submitted */
  absentEvery?: number;
  finalistsPerCategory?: number;
}

export interface SyntheticPeriod {
  periodId: string;
  participations: number;
  verifications: number;
}

const ASPECT_WEIGHTS = ['15.00', '15.00', '25.00', '20.00', '15.00', '10.00'];

export async function buildSyntheticPeriod(db: Connection, o: SyntheticOptions): Promise<SyntheticPeriod> {
  const categories = o.categories ?? 8;
  const absentEvery = o.absentEvery ?? 50;
  const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params))[0] as { insertId: number; affectedRows: number } & unknown[];
  const now = new Date();
  const day = 24 * 3600 * 1000;
  const at = (d: number) => new Date(now.getTime() + d * day).toISOString();
  const schedule = {
    SAQ: { opensAt: at(-60), closesAt: at(-50) },
    VERIFICATION: { opensAt: at(-50), closesAt: at(-40) },
    OBJECTION: { opensAt: at(-40), closesAt: at(-30) },
    PRESENTATION: { opensAt: at(-30), closesAt: at(-20) },
  };
  const bands = DEFAULT_BANDS.map((b) => ({ code: b.code, label: b.label, min: format2(b.min) }));
  const rubric = [{ code: 'OVERALL', title: 'Overall', weight: '100.00' }];
  const period = await q(
    `INSERT INTO periods (organizer_id, year, name, timezone, stage, weight_saq, weight_visitation, weight_presentation, finalist_rule_type, finalist_rule_value, bands, presentation_rubric, schedule, version)
     VALUES (?, ?, ?, 'Asia/Jakarta', 'FINALIZATION', 70, 0, 30, 'TOP_N', ?, ?, ?, ?, 1)`,
    [o.organizerId, o.year, `Synthetic monev ${o.bodies} x ${o.questions}`, o.finalistsPerCategory ?? 3, JSON.stringify(bands), JSON.stringify(rubric), JSON.stringify(schedule)],
  );
  const periodId = String(period.insertId);
  const tag = `syn${periodId}`;

  const catRows = Array.from({ length: categories }, (_, i) => [o.organizerId, `${tag.toUpperCase()}_C${i + 1}`, `Kategori sintetis ${i + 1}`]);
  await q('INSERT INTO categories (organizer_id, code, name) VALUES ?', [catRows]);
  const cats = (await q('SELECT id FROM categories WHERE organizer_id = ? AND code LIKE ? ORDER BY id', [o.organizerId, `${tag.toUpperCase()}_C%`])) as unknown as { id: number }[];

  for (let i = 0; i < ASPECT_WEIGHTS.length; i++) {
    await q('INSERT INTO aspects (period_id, code, title, weight, position) VALUES (?, ?, ?, ?, ?)', [periodId, `A${i + 1}`, `Aspek ${i + 1}`, ASPECT_WEIGHTS[i], i + 1]);
  }
  const aspects = (await q('SELECT id FROM aspects WHERE period_id = ? ORDER BY position', [periodId])) as unknown as { id: number }[];
  const questionRows = Array.from({ length: o.questions }, (_, i) => {
    const max = ['1.00', '2.00', '2.50', '3.00', '4.00'][i % 5];
    return [periodId, aspects[i % aspects.length].id, `${(i % aspects.length) + 1}.${Math.floor(i / aspects.length) + 1}`, `Pertanyaan ${i + 1}`, 'YES_NO', max, 'NONE', 1, i + 1];
  });
  await q('INSERT INTO questions (period_id, aspect_id, code, text, type, max_points, evidence, required, position) VALUES ?', [questionRows]);

  // Bodies and participations in chunks of multi-row inserts.
  const CHUNK = 5000;
  for (let start = 0; start < o.bodies; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(o.bodies, start + CHUNK); i++) rows.push([o.organizerId, cats[i % categories].id, `Badan Publik Sintetis ${tag}-${i + 1}`]);
    await q('INSERT INTO public_bodies (organizer_id, category_id, name) VALUES ?', [rows]);
  }
  await q(
    `INSERT INTO participations (organizer_id, period_id, public_body_id, category_id, status, submitted_at, version)
     SELECT b.organizer_id, ?, b.id, b.category_id,
            IF(MOD(b.id, ?) = 0, 'NOT_PARTICIPATING', 'VERIFIED'),
            IF(MOD(b.id, ?) = 0, NULL, TIMESTAMPADD(SECOND, MOD(b.id * 7919, 86400), ?)), 1
       FROM public_bodies b WHERE b.organizer_id = ? AND b.name LIKE ?`,
    [periodId, absentEvery, absentEvery, new Date(now.getTime() - 55 * day), o.organizerId, `Badan Publik Sintetis ${tag}-%`],
  );
  // Verified points: a deterministic spread over 0..max in quarter steps.
  const v = await q(
    `INSERT INTO verifications (participation_id, question_id, aspect_id, points, status, version, verified_by, updated_at)
     SELECT p.id, qu.id, qu.aspect_id, ROUND(qu.max_points * MOD(p.id * 31 + qu.id * 17, 5) / 4, 2), 'ACCEPTED', 1, 0, ?
       FROM participations p JOIN questions qu ON qu.period_id = p.period_id
      WHERE p.period_id = ? AND p.status = 'VERIFIED'
      ORDER BY p.id, qu.id`,
    [now, periodId],
  );
  await q(
    `INSERT INTO aspect_subtotals (participation_id, aspect_id, points)
     SELECT v.participation_id, v.aspect_id, SUM(v.points) FROM verifications v JOIN participations p ON p.id = v.participation_id
      WHERE p.period_id = ? GROUP BY v.participation_id, v.aspect_id`,
    [periodId],
  );
  // Finalists: the first N verified bodies of each category, each with three presentation sheets.
  const finalists = (await q(
    `SELECT id FROM (SELECT p.id, ROW_NUMBER() OVER (PARTITION BY p.category_id ORDER BY p.id) AS rn FROM participations p WHERE p.period_id = ? AND p.status = 'VERIFIED') x WHERE rn <= ?`,
    [periodId, o.finalistsPerCategory ?? 3],
  )) as unknown as { id: number }[];
  const ids = finalists.map((f) => String(f.id));
  await q(`INSERT INTO finalist_selections (period_id, rule_type, rule_value, participation_ids, finalist_count, selected_by, selected_at) VALUES (?, 'TOP_N', ?, ?, ?, 0, ?)`, [
    periodId,
    o.finalistsPerCategory ?? 3,
    JSON.stringify(ids),
    ids.length,
    now,
  ]);
  if (ids.length) {
    await q(`UPDATE participations SET status = 'FINALIST' WHERE id IN (?)`, [ids]);
    const sheets = ids.flatMap((id, i) => [1, 2, 3].map((panelist) => [id, panelist, '[]', `${60 + ((i * 7 + panelist * 11) % 40)}.${(i * 3 + panelist) % 10}25`, 1, now]));
    await q('INSERT INTO presentation_sheets (participation_id, panelist_id, criteria, total, version, updated_at) VALUES ?', [sheets]);
  }
  return { periodId, participations: o.bodies, verifications: v.affectedRows };
}
