import Decimal from 'decimal.js';
import { Dec, finiteDec } from './decimal';
import { FRACTION_ZERO, fracAdd, fracDiv, fracMul, fracToDecimal, fractionOf, gcd } from './fraction';

/**
 * One aspect, with points and maxPoints already summed over the questions that apply to the
 * body's category (questionCount of them). An aspect with questionCount 0 or maxPoints 0 drops out.
 */
export interface AspectTally {
  code: string;
  weight: Decimal.Value;
  points: Decimal.Value;
  maxPoints: Decimal.Value;
  questionCount: number;
}

export interface AspectScore {
  code: string;
  /** points / maxPoints (0 for a dropped aspect) */
  share: Decimal;
  /** weight * 100 / (sum of the weights of the aspects that did not drop out); 0 when dropped */
  effectiveWeight: Decimal;
  /** share * effectiveWeight */
  contribution: Decimal;
  /** true when the aspect has no applicable question (or maxPoints 0) */
  dropped: boolean;
}

export interface SaqScoreResult {
  /** 0..100, exact (50 significant digits, one correctly rounded division of the exact sum) */
  score: Decimal;
  aspects: AspectScore[];
}

/**
 * SAQ score = sum over aspects of points/maxPoints * effectiveWeight. The sum is built as an exact
 * fraction and divided once, so mathematically equal scores are identical decimals and full marks
 * are exactly 100. Throws on points above maxPoints, negative values or a bad questionCount.
 */
export function saqScore(aspects: AspectTally[]): SaqScoreResult {
  const rows = aspects.map((a) => {
    const what = `aspect ${a.code}`;
    const weight = finiteDec(a.weight, `${what} weight`);
    const points = finiteDec(a.points, `${what} points`);
    const max = finiteDec(a.maxPoints, `${what} maxPoints`);
    if (weight.lt(0)) throw new Error(`${what}: weight must not be negative`);
    if (points.lt(0)) throw new Error(`${what}: points must not be negative`);
    if (max.lt(0)) throw new Error(`${what}: maxPoints must not be negative`);
    if (points.gt(max)) {
      throw new Error(`${what}: points ${points.toString()} exceed maxPoints ${max.toString()}`);
    }
    if (!Number.isInteger(a.questionCount) || a.questionCount < 0) {
      throw new Error(`${what}: questionCount must be a whole number >= 0`);
    }
    const dropped = a.questionCount === 0 || max.isZero();
    return { code: a.code, weight, points, max, dropped };
  });

  let weightSum = FRACTION_ZERO;
  for (const r of rows) if (!r.dropped) weightSum = fracAdd(weightSum, fractionOf(r.weight));

  const hundred = fractionOf(100);
  let total = FRACTION_ZERO;
  const out: AspectScore[] = rows.map((r) => {
    if (r.dropped) {
      return { code: r.code, share: new Dec(0), effectiveWeight: new Dec(0), contribution: new Dec(0), dropped: true };
    }
    const share = fracDiv(fractionOf(r.points), fractionOf(r.max));
    const eff = weightSum.n === 0n ? FRACTION_ZERO : fracDiv(fracMul(fractionOf(r.weight), hundred), weightSum);
    const contribution = fracMul(share, eff);
    total = fracAdd(total, contribution);
    return {
      code: r.code,
      share: fracToDecimal(share),
      effectiveWeight: fracToDecimal(eff),
      contribution: fracToDecimal(contribution),
      dropped: false,
    };
  });
  return { score: fracToDecimal(total), aspects: out };
}

/**
 * Sums the questions per aspect, in the order of `aspectWeights`. Null points (not answered or
 * not verified) count as 0 while the question still counts in maxPoints. A question whose
 * aspectCode is not among the aspects throws.
 */
export function tallyAspects(
  aspectWeights: { code: string; weight: Decimal.Value }[],
  questions: { aspectCode: string; points: Decimal.Value | null; maxPoints: Decimal.Value }[],
): AspectTally[] {
  const byCode = new Map<string, { points: Decimal; maxPoints: Decimal; questionCount: number }>();
  for (const a of aspectWeights) {
    if (byCode.has(a.code)) throw new Error(`aspect ${a.code} is listed twice`);
    byCode.set(a.code, { points: new Dec(0), maxPoints: new Dec(0), questionCount: 0 });
  }
  for (const q of questions) {
    const t = byCode.get(q.aspectCode);
    if (!t) throw new Error(`question of unknown aspect ${q.aspectCode}`);
    if (q.points !== null && q.points !== undefined) t.points = t.points.plus(finiteDec(q.points, `aspect ${q.aspectCode} points`));
    t.maxPoints = t.maxPoints.plus(finiteDec(q.maxPoints, `aspect ${q.aspectCode} maxPoints`));
    t.questionCount += 1;
  }
  return aspectWeights.map((a) => {
    const t = byCode.get(a.code)!;
    return { code: a.code, weight: a.weight, points: t.points, maxPoints: t.maxPoints, questionCount: t.questionCount };
  });
}

/**
 * The SAQ score of one category's shape compiled for speed (a ranking scores every body of a
 * period): per aspect an integer coefficient over one common denominator, so a body's score is a
 * few integer products and one division. Equal, digit for digit, to `saqScore` on the same tallies.
 * `points` are in the order of `shape`, each with at most two decimals.
 */
export function compileSaqScorer(shape: { code: string; weight: Decimal.Value; maxPoints: Decimal.Value; questionCount: number }[]): (points: Decimal.Value[]) => Decimal {
  const active = shape.map((a) => a.questionCount > 0 && !new Dec(a.maxPoints).isZero());
  // Everything in hundredths: score = sum(P_a * W_a * 100 / (M_a * Wsum)).
  const hundredths = (v: Decimal.Value, what: string): bigint => {
    const cents = finiteDec(v, what).times(100);
    if (!cents.isInteger()) throw new Error(`${what} must have at most two decimals`);
    return BigInt(cents.toString());
  };
  const W = shape.map((a, i) => (active[i] ? hundredths(a.weight, `aspect ${a.code} weight`) : 0n));
  const M = shape.map((a, i) => (active[i] ? hundredths(a.maxPoints, `aspect ${a.code} maxPoints`) : 1n));
  const wsum = W.reduce((s, w) => s + w, 0n);
  if (wsum === 0n) return () => new Dec(0);
  const denominators = M.map((m) => m * wsum);
  const D = denominators.reduce((l, d) => (l * d) / gcd(l, d), 1n);
  const K = W.map((w, i) => (active[i] ? (w * 100n * D) / denominators[i] : 0n));
  // n / D is the exact score (P / M is a unit-free ratio): one correctly rounded division.
  const denominator = new Dec(D.toString());
  return (points) => {
    let n = 0n;
    for (let i = 0; i < K.length; i++) {
      if (!active[i]) continue;
      const v = points[i] ?? 0;
      const p = typeof v === 'string' && TWO_DECIMALS.test(v) ? BigInt(v.replace('.', '')) : hundredths(v, `aspect ${shape[i].code} points`);
      if (p < 0n || p > M[i]) throw new Error(`aspect ${shape[i].code}: points ${String(points[i])} outside 0..${new Dec(shape[i].maxPoints).toString()}`);
      n += p * K[i];
    }
    const q = new Dec(n.toString()).div(denominator);
    return q.isZero() ? new Dec(0) : q;
  };
}

const TWO_DECIMALS = /^\d+\.\d\d$/;
