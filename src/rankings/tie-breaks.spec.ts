import { tieBreaks, TieRow } from './tie-breaks';

const row = (
  id: string,
  position: number,
  final: string,
  saq: string,
  presentation: string | null = null,
  at: string | null = '2026-06-01T00:00:00Z',
  category = 'OPD',
): TieRow => ({
  participation_id: id,
  category_code: category,
  final_score: final,
  saq_exact: saq,
  presentation_exact: presentation,
  submitted_at: at,
  position,
});

describe('tieBreaks', () => {
  it('names the key that separated bodies with the same final score, per category', () => {
    const m = tieBreaks([
      row('a', 1, '90.00', '88.5'),
      row('b', 2, '90.00', '88.4'),
      row('c', 3, '90.00', '88.4', null, '2026-06-02T00:00:00Z'),
      row('d', 4, '80.00', '80'),
      row('e', 5, '90.00', '70', null, null, 'BUMD'),
    ]);
    expect(Object.fromEntries(m)).toEqual({ a: 'SAQ_SCORE', b: 'SAQ_SCORE', c: 'SUBMITTED_AT' });
  });
  it('says SHARED for a full tie and reads the presentation score', () => {
    const m = tieBreaks([row('a', 2, '85', '80', '90'), row('b', 1, '85.00', '80', '91'), row('c', 3, '85', '80', '90')]);
    expect(Object.fromEntries(m)).toEqual({ b: 'PRESENTATION_SCORE', a: 'PRESENTATION_SCORE', c: 'SHARED' });
  });
});
