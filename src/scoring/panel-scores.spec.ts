import fc from 'fast-check';
import { dec } from './decimal';
import { DEFAULT_RUBRIC, RubricCriterion, checkRubric, checkRubricScores, mean, rubricTotal } from './panel-scores';

const rubric: RubricCriterion[] = [
  { code: 'VISI', title: 'Visi dan komitmen pimpinan', weight: 40 },
  { code: 'INOVASI', title: 'Inovasi', weight: '35.5' },
  { code: 'LAYANAN', title: 'Layanan', weight: '24.5' },
];

describe('checkRubricScores', () => {
  it('accepts a complete sheet in any order, numbers or strings', () => {
    expect(
      checkRubricScores(rubric, [
        { code: 'LAYANAN', score: '90.10' },
        { code: 'VISI', score: 85 },
        { code: 'INOVASI', score: 0 },
      ]),
    ).toEqual([]);
    expect(
      checkRubricScores(rubric, [
        { code: 'VISI', score: 100 },
        { code: 'INOVASI', score: '100.00' },
        { code: 'LAYANAN', score: 0.5 },
      ]),
    ).toEqual([]);
  });
  it('names missing, unknown and duplicate codes', () => {
    expect(
      checkRubricScores(rubric, [
        { code: 'VISI', score: 80 },
        { code: 'HUMOR', score: 80 },
        { code: 'VISI', score: 70 },
      ]),
    ).toEqual([
      { field: 'criteria[1].code', message: "unknown criterion 'HUMOR'; expected one of VISI, INOVASI, LAYANAN", code: 'FIELD_NOT_IN_LIST' },
      { field: 'criteria[2].code', message: "duplicate criterion 'VISI'", code: 'FIELD_DUPLICATE' },
      { field: 'criteria', message: "missing score for criterion 'INOVASI'", code: 'FIELD_REQUIRED' },
      { field: 'criteria', message: "missing score for criterion 'LAYANAN'", code: 'FIELD_REQUIRED' },
    ]);
  });
  it('checks each score: 0..100, at most 2 decimals, a number or decimal string', () => {
    const errs = checkRubricScores(rubric, [
      { code: 'VISI', score: '100.01' },
      { code: 'INOVASI', score: 85.125 },
      { code: 'LAYANAN', score: true },
    ]);
    expect(errs).toEqual([
      { field: 'criteria[0].score', message: 'must be between 0 and 100', code: 'FIELD_OUT_OF_RANGE' },
      { field: 'criteria[1].score', message: 'must have at most 2 decimals', code: 'FIELD_TOO_MANY_DECIMALS' },
      { field: 'criteria[2].score', message: 'must be a number or a decimal string', code: 'FIELD_NOT_DECIMAL' },
    ]);
    expect(
      checkRubricScores(rubric, [
        { code: 'VISI', score: -1 },
        { code: 'INOVASI', score: null },
        { code: 'LAYANAN', score: '' },
      ]).map((e) => e.field),
    ).toEqual(['criteria[0].score', 'criteria[1].score', 'criteria[2].score']);
  });
  it('rejects a non-array and malformed items', () => {
    expect(checkRubricScores(rubric, 'x' as never)).toEqual([{ field: 'criteria', message: 'must be an array of {code, score}', code: 'FIELD_NOT_ARRAY' }]);
    const errs = checkRubricScores(DEFAULT_RUBRIC, [null as never, { code: 5 as never, score: 1 }, { code: 'OVERALL', score: 1 }]);
    expect(errs).toEqual([
      { field: 'criteria[0]', message: 'must be an object with code and score', code: 'FIELD_NOT_OBJECT' },
      { field: 'criteria[1].code', message: 'must be a string', code: 'FIELD_NOT_STRING' },
    ]);
  });
});

describe('checkRubric', () => {
  it('accepts the default and a valid rubric', () => {
    expect(checkRubric(DEFAULT_RUBRIC)).toEqual([]);
    expect(checkRubric(rubric)).toEqual([]);
  });
  it('rejects empty, duplicate codes, bad weights and a sum other than 100', () => {
    expect(checkRubric([])).toEqual([{ field: 'presentationRubric', message: 'must have at least one criterion', code: 'FIELD_TOO_FEW_ITEMS' }]);
    expect(
      checkRubric([
        { code: 'A', weight: 50 },
        { code: 'A', weight: 50 },
      ]),
    ).toEqual([{ field: 'presentationRubric[1].code', message: "duplicate criterion 'A'", code: 'FIELD_DUPLICATE' }]);
    expect(
      checkRubric([
        { code: 'A', weight: '50.001' },
        { code: 'B', weight: 50 },
      ])[0].field,
    ).toBe('presentationRubric[0].weight');
    expect(
      checkRubric([
        { code: 'A', weight: '50' },
        { code: 'B', weight: '49.99' },
      ]),
    ).toEqual([{ field: 'presentationRubric', message: 'weights must sum to 100', code: 'FIELD_SUM_NOT_100' }]);
  });
});

describe('rubricTotal', () => {
  it('is sum(score * weight) / 100, exact', () => {
    // 85.5*40 + 90.25*35.5 + 70*24.5 = 3420 + 3203.875 + 1715 = 8338.875
    const total = rubricTotal(rubric, [
      { code: 'VISI', score: '85.5' },
      { code: 'INOVASI', score: '90.25' },
      { code: 'LAYANAN', score: 70 },
    ]);
    expect(total.toString()).toBe('83.38875');
  });
  it('the default rubric total is the overall score', () => {
    expect(rubricTotal(DEFAULT_RUBRIC, [{ code: 'OVERALL', score: '77.77' }]).toString()).toBe('77.77');
  });
  it('throws on missing, unknown or duplicate codes', () => {
    expect(() => rubricTotal(rubric, [{ code: 'VISI', score: 1 }])).toThrow(/missing score for criterion 'INOVASI'/);
    expect(() =>
      rubricTotal(DEFAULT_RUBRIC, [
        { code: 'OVERALL', score: 1 },
        { code: 'X', score: 1 },
      ]),
    ).toThrow(/unknown criterion 'X'/);
    expect(() =>
      rubricTotal(DEFAULT_RUBRIC, [
        { code: 'OVERALL', score: 1 },
        { code: 'OVERALL', score: 2 },
      ]),
    ).toThrow(/duplicate/);
  });
  it('stays within 0..100 and between the lowest and highest criterion score (property)', () => {
    const sheet = fc
      .array(fc.record({ weight: fc.integer({ min: 0, max: 10000 }), score: fc.integer({ min: 0, max: 10000 }) }), { minLength: 1, maxLength: 8 })
      .filter((cs) => cs.some((c) => c.weight > 0));
    fc.assert(
      fc.property(sheet, (cs) => {
        // scale the weights (hundredths) so they sum to exactly 100: put the remainder on the last criterion
        const sum = cs.reduce((s, c) => s + c.weight, 0);
        const weights = cs.map((c) => dec(c.weight).times(10000).div(sum).toDecimalPlaces(2, 1));
        const rest = dec(100).minus(weights.slice(0, -1).reduce((s, w) => s.plus(w), dec(0)));
        weights[weights.length - 1] = rest;
        fc.pre(rest.gte(0));
        const r: RubricCriterion[] = cs.map((_, i) => ({ code: `C${i}`, weight: weights[i] }));
        const values = cs.map((c) => dec(c.score).div(100));
        const total = rubricTotal(
          r,
          values.map((v, i) => ({ code: `C${i}`, score: v })),
        );
        const lo = values.reduce((m, v) => (v.lt(m) ? v : m));
        const hi = values.reduce((m, v) => (v.gt(m) ? v : m));
        expect(total.gte(0) && total.lte(100)).toBe(true);
        expect(total.gte(lo) && total.lte(hi)).toBe(true);
        expect(total.times(100).eq(values.reduce((s, v, i) => s.plus(v.times(weights[i])), dec(0)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mean', () => {
  it('is null for no values', () => {
    expect(mean([])).toBeNull();
  });
  it('is exact', () => {
    expect(mean(['80', '90'])!.toString()).toBe('85');
    expect(mean(['83.38875', '90.125', 77])!.toString()).toBe('83.504583' + '3'.repeat(42));
    expect(mean([1, 1, 2])!.toDecimalPlaces(40).toString()).toBe('1.' + '3'.repeat(40));
    expect(mean(['0.1', '0.2'])!.toString()).toBe('0.15');
  });
  it('lies between the lowest and highest value, and n equal values give that value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 20 }), (ints) => {
        const values = ints.map((n) => dec(n).div(100));
        const m = mean(values)!;
        const lo = values.reduce((a, v) => (v.lt(a) ? v : a));
        const hi = values.reduce((a, v) => (v.gt(a) ? v : a));
        expect(m.gte(lo) && m.lte(hi)).toBe(true);
        expect(
          m
            .times(values.length)
            .minus(values.reduce((s, v) => s.plus(v), dec(0)))
            .abs()
            .lt('1e-40'),
        ).toBe(true);
        expect(mean(values.map(() => values[0]))!.eq(values[0])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
