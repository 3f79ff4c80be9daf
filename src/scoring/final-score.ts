import Decimal from 'decimal.js';
import { Dec, finiteDec, parseDecimalInput, round2 } from './decimal';
import { FieldError, FieldErrorCode } from './field-error';
import { FRACTION_ZERO, fracAdd, fracDiv, fracMul, fracToDecimal, fractionOf } from './fraction';

/** Stage weights of a period, summing to 100 (visitation 0 when the period has no visitation). */
export interface StageWeights {
  saq: Decimal.Value;
  visitation: Decimal.Value;
  presentation: Decimal.Value;
}

/** Checks stage weights from a request: each 0..100 with at most 2 decimals, summing to exactly 100. */
export function checkStageWeights(w: { saq?: unknown; visitation?: unknown; presentation?: unknown }): FieldError[] {
  const out: FieldError[] = [];
  const values: Decimal[] = [];
  for (const key of ['saq', 'visitation', 'presentation'] as const) {
    const raw = w?.[key];
    if (raw === undefined && key === 'visitation') continue;
    const r = parseDecimalInput(raw, { maxDecimals: 2, min: 0, max: 100 });
    if (!r.ok) out.push({ field: `weights.${key}`, message: r.message, code: r.code });
    else values.push(r.value);
  }
  if (out.length === 0 && !values.reduce((s, v) => s.plus(v), new Dec(0)).eq(100)) {
    out.push({ field: 'weights', message: 'must sum to 100', code: FieldErrorCode.SUM_NOT_100 });
  }
  return out;
}

/**
 * Final score. A finalist: (saq*w.saq + visitation*w.visitation + presentation*w.presentation)/100,
 * a missing sub-score counting as 0; a non-finalist: its SAQ score. `exact` is computed as an exact
 * fraction and rounded once to 50 significant digits; `rounded` is the one half-up rounding to two
 * decimals, taken from the exact sum (so there is never a double rounding).
 * Throws when the weights do not sum to 100 or a value is not finite.
 */
export function finalScore(
  input: { saq: Decimal.Value; visitation: Decimal.Value | null; presentation: Decimal.Value | null; finalist: boolean },
  w: StageWeights,
): { exact: Decimal; rounded: Decimal } {
  const ws = fractionOf(finiteDec(w.saq, 'stage weight saq'));
  const wv = fractionOf(finiteDec(w.visitation, 'stage weight visitation'));
  const wp = fractionOf(finiteDec(w.presentation, 'stage weight presentation'));
  const sum = fracAdd(fracAdd(ws, wv), wp);
  if (!(sum.n === 100n && sum.d === 1n)) throw new Error('stage weights must sum to 100');

  if (!input.finalist) {
    const exact = finiteDec(input.saq, 'SAQ score');
    return { exact, rounded: round2(exact) };
  }
  const part = (v: Decimal.Value | null, weight: typeof ws, what: string) => (v === null || v === undefined ? FRACTION_ZERO : fracMul(fractionOf(finiteDec(v, what)), weight));
  let total = part(input.saq, ws, 'SAQ score');
  total = fracAdd(total, part(input.visitation, wv, 'visitation score'));
  total = fracAdd(total, part(input.presentation, wp, 'presentation score'));
  const q = fracDiv(total, fractionOf(100));
  return { exact: fracToDecimal(q), rounded: roundFraction2(q) };
}

/** Half-up (away from zero) to 2 decimals, straight from an exact fraction. */
function roundFraction2(f: { n: bigint; d: bigint }): Decimal {
  const negative = f.n < 0n;
  const n = negative ? -f.n : f.n;
  // hundredths = floor((n*100)/d + 1/2) = floor((200n + d) / 2d)
  const hundredths = (n * 200n + f.d) / (2n * f.d);
  const text = `${negative && hundredths !== 0n ? '-' : ''}${hundredths.toString()}`;
  return round2(new Dec(text).div(100));
}
