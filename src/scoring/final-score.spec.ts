import fc from 'fast-check';
import { dec, round2 } from './decimal';
import { checkStageWeights, finalScore } from './final-score';
import { saqScore } from './saq-score';

const w70_30 = { saq: 70, visitation: 0, presentation: 30 };
const w60_10_30 = { saq: '60', visitation: '10', presentation: '30' };

describe('finalScore', () => {
  it('a finalist: weighted over the stages', () => {
    const r = finalScore({ saq: 80, visitation: null, presentation: 90, finalist: true }, w70_30);
    expect(r.exact.toString()).toBe('83');
    expect(r.rounded.toString()).toBe('83');
    const r2 = finalScore({ saq: '80.5', visitation: '70', presentation: '90.25', finalist: true }, w60_10_30);
    // 48.3 + 7 + 27.075 = 82.375 -> 82.38
    expect(r2.exact.toString()).toBe('82.375');
    expect(r2.rounded.toString()).toBe('82.38');
  });
  it('a non-finalist: its SAQ score', () => {
    const r = finalScore({ saq: '89.995', visitation: null, presentation: null, finalist: false }, w70_30);
    expect(r.exact.toString()).toBe('89.995');
    expect(r.rounded.toString()).toBe('90');
    const r2 = finalScore({ saq: '76.123456789', visitation: '100', presentation: '100', finalist: false }, w60_10_30);
    expect(r2.exact.toString()).toBe('76.123456789');
    expect(r2.rounded.toString()).toBe('76.12');
  });
  it('a missing sub-score counts as 0', () => {
    expect(finalScore({ saq: 80, visitation: null, presentation: null, finalist: true }, w60_10_30).exact.toString()).toBe('48');
    expect(finalScore({ saq: 80, visitation: 90, presentation: null, finalist: true }, w60_10_30).exact.toString()).toBe('57');
  });
  it('rounds once: the sub-scores are used exactly', () => {
    // exact: (84.994*70 + 85.004*30)/100 = 84.997 -> 85.00
    // rounding the sub-scores first would give (84.99*70 + 85.00*30)/100 = 84.993 -> 84.99
    const r = finalScore({ saq: '84.994', visitation: null, presentation: '85.004', finalist: true }, w70_30);
    expect(r.exact.toString()).toBe('84.997');
    expect(r.rounded.toString()).toBe('85');
    const twice = round2(
      dec(round2('84.994'))
        .times(70)
        .plus(dec(round2('85.004')).times(30))
        .div(100),
    );
    expect(twice.toString()).toBe('84.99');
  });
  it('uses a non-terminating SAQ exactly', () => {
    const saq = saqScore([{ code: 'A', weight: 100, points: 2, maxPoints: 3, questionCount: 1 }]).score; // 66.666...
    const r = finalScore({ saq, visitation: null, presentation: '80.01', finalist: true }, w70_30);
    // 46.6666... + 24.003 = 70.6696666... -> 70.67
    expect(r.exact.toDecimalPlaces(30).toString()).toBe('70.669666666666666666666666666667');
    expect(r.rounded.toString()).toBe('70.67');
  });
  it('never double-rounds through the 50-digit exact value', () => {
    const saq = '89.99' + '4'.repeat(1) + '9'.repeat(50); // 89.9949999... (55 fractional digits)
    const r = finalScore({ saq, visitation: null, presentation: null, finalist: true }, { saq: 100, visitation: 0, presentation: 0 });
    expect(r.rounded.toString()).toBe('89.99');
  });
  it('rounds half-up at the two-decimal edge', () => {
    // (89.99*70 + 90.01*30)/100 = 62.993 + 27.003 = 89.996 -> 90.00
    expect(finalScore({ saq: '89.99', visitation: null, presentation: '90.01', finalist: true }, w70_30).rounded.toString()).toBe('90');
    // (89.98*50 + 90.01*50)/100 = 89.995 -> 90.00
    expect(finalScore({ saq: '89.98', visitation: null, presentation: '90.01', finalist: true }, { saq: 50, visitation: 0, presentation: 50 }).rounded.toString()).toBe('90');
    // (89.98*50 + 90.008*50)/100 = 89.994 -> 89.99
    expect(finalScore({ saq: '89.98', visitation: null, presentation: '90.008', finalist: true }, { saq: 50, visitation: 0, presentation: 50 }).rounded.toString()).toBe('89.99');
  });
  it('throws when the weights do not sum to 100', () => {
    expect(() => finalScore({ saq: 80, visitation: null, presentation: 80, finalist: true }, { saq: 70, visitation: 0, presentation: '29.99' })).toThrow(/sum to 100/);
  });
  it('is a weighted mean: within the sub-scores, rounded = round2(exact) (property)', () => {
    const score = fc.integer({ min: 0, max: 10000 }).map((n) => dec(n).div(100));
    const weights = fc
      .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }))
      .filter(([a, b]) => a + b <= 10000)
      .map(([a, b]) => ({ saq: dec(a).div(100), visitation: dec(b).div(100), presentation: dec(10000 - a - b).div(100) }));
    fc.assert(
      fc.property(score, score, score, weights, (saq, visitation, presentation, w) => {
        const r = finalScore({ saq, visitation, presentation, finalist: true }, w);
        const lo = [saq, visitation, presentation].reduce((m, v) => (v.lt(m) ? v : m));
        const hi = [saq, visitation, presentation].reduce((m, v) => (v.gt(m) ? v : m));
        expect(r.exact.gte(lo) && r.exact.lte(hi)).toBe(true);
        expect(r.rounded.eq(round2(r.exact))).toBe(true);
        expect(r.rounded.decimalPlaces()).toBeLessThanOrEqual(2);
        const nf = finalScore({ saq, visitation, presentation, finalist: false }, w);
        expect(nf.exact.eq(saq)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkStageWeights', () => {
  it('accepts weights summing to 100, visitation optional', () => {
    expect(checkStageWeights({ saq: 70, presentation: 30 })).toEqual([]);
    expect(checkStageWeights({ saq: '60', visitation: '10', presentation: '30' })).toEqual([]);
  });
  it('rejects bad values and sums other than 100', () => {
    expect(checkStageWeights({ saq: 70, presentation: '29.99' })).toEqual([{ field: 'weights', message: 'must sum to 100', code: 'FIELD_SUM_NOT_100' }]);
    expect(checkStageWeights({ saq: 70, presentation: '30.001' })).toEqual([
      { field: 'weights.presentation', message: 'must have at most 2 decimals', code: 'FIELD_TOO_MANY_DECIMALS' },
    ]);
    expect(checkStageWeights({ saq: 170, visitation: -70, presentation: 0 }).map((e) => e.field)).toEqual(['weights.saq', 'weights.visitation']);
    expect(checkStageWeights({ presentation: 100 })).toEqual([{ field: 'weights.saq', message: 'must be a number or a decimal string', code: 'FIELD_NOT_DECIMAL' }]);
  });
});
