import Decimal from 'decimal.js';
import fc from 'fast-check';
import { dec } from './decimal';
import { AspectTally, saqScore, tallyAspects } from './saq-score';

const aspect = (code: string, weight: Decimal.Value, points: Decimal.Value, maxPoints: Decimal.Value, questionCount = 1): AspectTally => ({
  code,
  weight,
  points,
  maxPoints,
  questionCount,
});

describe('saqScore: fixed cases', () => {
  it('30/70 with shares 2/3 and 1/2 is exactly 55', () => {
    const r = saqScore([aspect('A', 30, 2, 3, 2), aspect('B', 70, 1, 2, 2)]);
    expect(r.score.toString()).toBe('55');
    expect(r.aspects.map((a) => a.code)).toEqual(['A', 'B']);
    expect(r.aspects[0].share.toDecimalPlaces(40).eq(dec(2).div(3).toDecimalPlaces(40))).toBe(true);
    expect(r.aspects[0].effectiveWeight.toString()).toBe('30');
    expect(r.aspects[0].contribution.toString()).toBe('20');
    expect(r.aspects[1].share.toString()).toBe('0.5');
    expect(r.aspects[1].contribution.toString()).toBe('35');
  });

  it('a dropped aspect (no question for the category) rescales the other weights to 100', () => {
    const r = saqScore([aspect('A', 20, 1, 2), aspect('B', 30, 3, 3), aspect('C', 50, 0, 0, 0)]);
    // effective weights 40 and 60: 40 * 1/2 + 60 * 1 = 80
    expect(r.score.toString()).toBe('80');
    expect(r.aspects.map((a) => a.effectiveWeight.toString())).toEqual(['40', '60', '0']);
    expect(r.aspects.map((a) => a.dropped)).toEqual([false, false, true]);
    expect(r.aspects[2].contribution.isZero()).toBe(true);
  });

  it('an aspect whose questions have maxPoints 0 also drops out', () => {
    const r = saqScore([aspect('A', 25, 1, 4), aspect('B', 75, 0, 0, 3)]);
    expect(r.score.toString()).toBe('25'); // 100 * 1/4
    expect(r.aspects[1].dropped).toBe(true);
  });

  it('keeps a non-terminating share exact to at least 40 digits (1/3)', () => {
    const r = saqScore([aspect('A', 50, 1, 3), aspect('B', 50, 0, 1)]);
    // 50 * 1/3 = 16.666...
    expect(r.score.toDecimalPlaces(40).toString()).toBe('16.' + '6'.repeat(39) + '7');
    expect(r.score.times(3).minus(50).abs().lt('1e-45')).toBe(true);
    expect(r.aspects[0].share.toDecimalPlaces(40).toString()).toBe('0.' + '3'.repeat(40));
  });

  it('full marks are exactly 100 even when the rescaled weights do not terminate', () => {
    const r = saqScore([aspect('A', 30, 5, 5), aspect('B', 30, 7, 7), aspect('C', 30, 1, 1), aspect('D', 10, 0, 0, 0)]);
    expect(r.aspects[0].effectiveWeight.toDecimalPlaces(40).toString()).toBe('33.' + '3'.repeat(40));
    expect(r.score.toString()).toBe('100');
  });

  it('mathematically equal scores are identical decimals (ties stay ties)', () => {
    const a = saqScore([aspect('A', 50, 1, 3), aspect('B', 50, 1, 3)]).score;
    const b = saqScore([aspect('A', 50, 2, 3), aspect('B', 50, 0, 3)]).score;
    const c = saqScore([aspect('A', 70, 1, 3), aspect('B', 30, 1, 3)]).score;
    expect(a.eq(b)).toBe(true);
    expect(a.eq(c)).toBe(true);
  });

  it('all aspects dropped gives 0', () => {
    expect(saqScore([aspect('A', 60, 0, 0, 0), aspect('B', 40, 0, 5, 0)]).score.toString()).toBe('0');
    expect(saqScore([]).score.toString()).toBe('0');
  });

  it('accepts 2-decimal points and weights', () => {
    // 33.33 * 1.5/2 + 66.67 * 0.25/1 = 24.9975 + 16.6675 = 41.665
    const r = saqScore([aspect('A', '33.33', '1.5', 2), aspect('B', '66.67', '0.25', 1)]);
    expect(r.score.toString()).toBe('41.665');
  });

  it('throws on points above maxPoints instead of clamping', () => {
    expect(() => saqScore([aspect('A', 100, '3.01', 3)])).toThrow(/points 3.01 exceed maxPoints 3/);
    expect(() => saqScore([aspect('A', 100, 1, 0, 0)])).toThrow(/exceed/);
  });

  it('throws on negative values and a bad questionCount', () => {
    expect(() => saqScore([aspect('A', 100, -1, 3)])).toThrow(/negative/);
    expect(() => saqScore([aspect('A', -1, 1, 3)])).toThrow(/negative/);
    expect(() => saqScore([aspect('A', 100, 1, 3, 1.5)])).toThrow(/questionCount/);
    expect(() => saqScore([aspect('A', 100, NaN, 3)])).toThrow(/finite/);
  });
});

describe('tallyAspects', () => {
  it('sums per aspect in the aspect order; null points count as 0 but keep their maxPoints', () => {
    const t = tallyAspects(
      [
        { code: 'A', weight: 30 },
        { code: 'B', weight: 70 },
        { code: 'C', weight: 0 },
      ],
      [
        { aspectCode: 'B', points: '1.5', maxPoints: 2 },
        { aspectCode: 'A', points: 1, maxPoints: 1 },
        { aspectCode: 'B', points: null, maxPoints: 3 },
        { aspectCode: 'A', points: '0.25', maxPoints: '0.5' },
      ],
    );
    expect(t.map((a) => [a.code, dec(a.weight).toString(), dec(a.points).toString(), dec(a.maxPoints).toString(), a.questionCount])).toEqual([
      ['A', '30', '1.25', '1.5', 2],
      ['B', '70', '1.5', '5', 2],
      ['C', '0', '0', '0', 0],
    ]);
    // A 30 * 1.25/1.5 = 25, B 70 * 1.5/5 = 21
    expect(saqScore(t).score.toString()).toBe('46');
  });

  it('throws on a question of an unknown aspect', () => {
    expect(() => tallyAspects([{ code: 'A', weight: 100 }], [{ aspectCode: 'Z', points: 1, maxPoints: 1 }])).toThrow(/unknown aspect Z/);
  });
});

// ---- properties ---------------------------------------------------------------------------

const hundredths = (max: number) => fc.integer({ min: 0, max }).map((n) => dec(n).div(100));

/** An instrument: aspects with weights, each with questions (max points, earned fraction). */
const instrumentArb = fc.array(
  fc.record({
    weight: hundredths(10000),
    questions: fc.array(fc.record({ max: hundredths(1000), earned: fc.integer({ min: 0, max: 100 }), answered: fc.boolean() }), { maxLength: 5 }),
  }),
  { minLength: 1, maxLength: 8 },
);

type Instrument = typeof instrumentArb extends fc.Arbitrary<infer T> ? T : never;

function scoreOf(inst: Instrument): Decimal {
  const aspects = inst.map((a, i) => ({ code: `A${i}`, weight: a.weight }));
  const questions = inst.flatMap((a, i) =>
    a.questions.map((q) => ({
      aspectCode: `A${i}`,
      maxPoints: q.max,
      points: q.answered ? q.max.times(q.earned).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN) : null,
    })),
  );
  return saqScore(tallyAspects(aspects, questions)).score;
}

describe('saqScore: properties', () => {
  it('stays within 0..100', () => {
    fc.assert(
      fc.property(instrumentArb, (inst) => {
        const s = scoreOf(inst);
        expect(s.gte(0) && s.lte(100)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in any question’s points', () => {
    fc.assert(
      fc.property(instrumentArb, fc.nat(), fc.integer({ min: 1, max: 100 }), (inst, pick, raise) => {
        // work on a copy: fast-check may reuse generated values while shrinking
        const copy = inst.map((a) => ({ ...a, questions: a.questions.map((q) => ({ ...q })) }));
        const all = copy.flatMap((a) => a.questions);
        fc.pre(all.length > 0);
        const q = all[pick % all.length];
        const before = scoreOf(copy);
        const oldEarned = q.answered ? q.earned : 0;
        q.answered = true;
        q.earned = Math.min(100, oldEarned + raise);
        const after = scoreOf(copy);
        if (
          q.max.gt(0) &&
          q.earned > oldEarned &&
          q.max.times(q.earned).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).gt(q.max.times(oldEarned).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN))
        ) {
          // the aspect has a positive weight share whenever its weight is positive
          const aspectOf = copy.find((a) => a.questions.includes(q))!;
          if (aspectOf.weight.gt(0)) expect(after.gt(before)).toBe(true);
        }
        expect(after.gte(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the sum of share * effectiveWeight and is 100 at full marks', () => {
    fc.assert(
      fc.property(instrumentArb, (inst) => {
        const aspects = inst.map((a, i) => ({ code: `A${i}`, weight: a.weight }));
        const questions = inst.flatMap((a, i) => a.questions.map((q) => ({ aspectCode: `A${i}`, maxPoints: q.max, points: q.max })));
        const tally = tallyAspects(aspects, questions);
        const r = saqScore(tally);
        const reference = r.aspects.reduce((s, a) => s.plus(a.share.times(a.effectiveWeight)), dec(0));
        expect(r.score.minus(reference).abs().lt('1e-40')).toBe(true);
        const active = tally.filter((t) => t.questionCount > 0 && !dec(t.maxPoints).isZero());
        const activeWeight = active.reduce((s, t) => s.plus(t.weight), dec(0));
        expect(r.score.toString()).toBe(activeWeight.isZero() ? '0' : '100');
      }),
      { numRuns: 200 },
    );
  });

  it('does not change when every weight is scaled by the same factor', () => {
    fc.assert(
      fc.property(instrumentArb, fc.integer({ min: 2, max: 7 }), (inst, k) => {
        const scaled = inst.map((a) => ({ ...a, weight: a.weight.times(k) }));
        expect(scoreOf(scaled).eq(scoreOf(inst))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('compileSaqScorer', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the reference tests on purpose
  const { compileSaqScorer } = require('./saq-score') as typeof import('./saq-score');

  const fromCents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

  it('equals saqScore digit for digit on random shapes and points, dropped aspects included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 0, max: 5000 }),
            max: fc.integer({ min: 0, max: 10000 }),
            count: fc.integer({ min: 0, max: 3 }),
            per: fc.integer({ min: 0, max: 1000 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (aspects) => {
          const shape = aspects.map((a, i) => ({ code: `A${i}`, weight: fromCents(a.weight), maxPoints: fromCents(a.max), questionCount: a.count }));
          const got = aspects.map((a) => fromCents(Math.floor((a.max * a.per) / 1000)));
          const expected = saqScore(shape.map((x, i) => ({ ...x, points: got[i] }))).score;
          expect(compileSaqScorer(shape)(got).toString()).toBe(expected.toString());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses points above the maximum', () => {
    const scorer = compileSaqScorer([{ code: 'A', weight: 100, maxPoints: '5.00', questionCount: 2 }]);
    expect(scorer(['5.00']).toString()).toBe('100');
    expect(() => scorer(['5.01'])).toThrow(/outside/);
  });
});
