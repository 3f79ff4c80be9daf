import Decimal from 'decimal.js';
import { Dec, plainString } from './decimal';

/**
 * Exact rational arithmetic on integers (BigInt), used where a score is a sum of non-terminating
 * ratios: the sum is built exactly and divided once at the end, so equal rationals always give
 * identical decimals (ties stay ties) and full marks give exactly 100.
 */
export interface Fraction {
  /** numerator */
  readonly n: bigint;
  /** denominator, always > 0 */
  readonly d: bigint;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function make(n: bigint, d: bigint): Fraction {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const FRACTION_ZERO: Fraction = { n: 0n, d: 1n };

/** The exact fraction of a finite decimal value. */
export function fractionOf(v: Decimal.Value): Fraction {
  const d = new Dec(v);
  if (!d.isFinite()) throw new Error(`not a finite decimal: ${d.toString()}`);
  const text = plainString(d);
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const scale = dot < 0 ? 0 : body.length - dot - 1;
  const n = BigInt(digits);
  return make(negative ? -n : n, 10n ** BigInt(scale));
}

export function fracAdd(a: Fraction, b: Fraction): Fraction {
  return make(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function fracMul(a: Fraction, b: Fraction): Fraction {
  return make(a.n * b.n, a.d * b.d);
}

export function fracDiv(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new Error('division by zero');
  return make(a.n * b.d, a.d * b.n);
}

/** One correctly rounded division (50 significant digits, half-up). */
export function fracToDecimal(f: Fraction): Decimal {
  const q = new Dec(f.n.toString()).div(new Dec(f.d.toString()));
  return q.isZero() ? new Dec(0) : q;
}

/** A non-negative fraction rounded half-up to `places` decimals, exactly (BigInt). */
export function roundFraction(f: Fraction, places: number): string {
  if (f.n < 0n) throw new Error('roundFraction expects a non-negative value');
  const scale = 10n ** BigInt(places);
  const q = (2n * f.n * scale + f.d) / (2n * f.d);
  const s = q.toString().padStart(places + 1, '0');
  return places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
}

/** -1, 0 or 1 as `a` is below, equal to or above `b` (positive denominators). */
export function fracCompare(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
