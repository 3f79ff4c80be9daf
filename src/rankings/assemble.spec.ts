import { DEFAULT_BANDS } from '../scoring/bands';
import { dec, format2 } from '../scoring/decimal';
import { assembleRanking, RankingInput } from './assemble';

const W = { saq: 70, visitation: 0, presentation: 30 };
const base = (id: string, over: Partial<RankingInput>): RankingInput => ({
  participationId: id,
  publicBodyId: `b${id}`,
  bodyName: `Badan ${id}`,
  categoryCode: 'OPD',
  categoryName: 'OPD',
  participating: true,
  finalist: false,
  saq: dec(50),
  visitation: null,
  presentation: null,
  submittedAt: new Date('2026-03-01T00:00:00Z'),
  ...over,
});

describe('assembleRanking', () => {
  it('rounds the final score once and bands it: 89.995 is Informatif, 89.994 Menuju Informatif', () => {
    const rows = assembleRanking(
      [
        base('1', { saq: dec('89.995') }),
        base('2', { saq: dec('89.994') }),
        base('3', { saq: dec('79.995') }),
        base('4', { saq: dec('59.995') }),
        base('5', { saq: dec('39.995') }),
        base('6', { saq: dec('39.994') }),
      ],
      W,
      DEFAULT_BANDS,
    );
    expect(rows.map((r) => `${format2(r.finalRounded)} ${r.qualification}`)).toEqual([
      '90.00 INFORMATIF',
      '89.99 MENUJU_INFORMATIF',
      '80.00 MENUJU_INFORMATIF',
      '60.00 CUKUP_INFORMATIF',
      '40.00 KURANG_INFORMATIF',
      '39.99 TIDAK_INFORMATIF',
    ]);
  });

  it('weights finalists by stage, leaves non-finalists at their SAQ, and uses exact sub-scores', () => {
    // 70% of 80.005 + 30% of 90.0049 = 56.0035 + 27.00147 = 83.00497 -> 83.00 (rounding sub-scores first would give 83.01)
    const rows = assembleRanking([base('1', { finalist: true, saq: dec('80.005'), presentation: dec('90.0049') }), base('2', { saq: dec('83.004') })], W, DEFAULT_BANDS);
    const [second, first] = [rows.find((r) => r.participationId === '1')!, rows.find((r) => r.participationId === '2')!];
    expect(second.finalExact!.toString()).toBe('83.00497');
    expect(format2(second.finalRounded)).toBe('83.00');
    expect(format2(first.finalRounded)).toBe('83.00');
    // Tie on the rounded final is broken by the exact SAQ: 83.004 > 80.005.
    expect(rows.map((r) => r.participationId)).toEqual(['2', '1']);
    expect(rows.map((r) => r.rankOverall)).toEqual([1, 2]);
  });

  it('lists bodies that never submitted after the ranked ones, unranked, as Tidak Mengikuti Monev', () => {
    const rows = assembleRanking([base('1', { participating: false, saq: null }), base('2', { saq: dec(10) })], W, DEFAULT_BANDS);
    expect(rows.map((r) => [r.participationId, r.status, r.rankOverall, r.qualificationLabel])).toEqual([
      ['2', 'RANKED', 1, 'Tidak Informatif'],
      ['1', 'NOT_PARTICIPATING', null, 'Tidak Mengikuti Monev'],
    ]);
  });

  it('shares a rank on a full tie and skips the next (1, 2, 2, 4)', () => {
    const t = new Date('2026-03-01T00:00:00Z');
    const rows = assembleRanking(
      [base('1', { saq: dec(90) }), base('2', { saq: dec(80), submittedAt: t }), base('3', { saq: dec(80), submittedAt: t }), base('4', { saq: dec(70) })],
      W,
      DEFAULT_BANDS,
    );
    expect(rows.map((r) => r.rankInCategory)).toEqual([1, 2, 2, 4]);
  });
});
