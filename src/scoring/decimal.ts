import Decimal from 'decimal.js';
import { FieldErrorCode } from './field-error';

/**
 * The one decimal constructor of the scoring rules: 50 significant digits (our "exact"),
 * ROUND_HALF_UP (ties away from zero, so negative values round symmetrically).
 * Note: `new Dec(x)` never rounds on construction; only arithmetic does.
 */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
/** Instances of the clone are ordinary `Decimal` instances type-wise. */
export type Dec = Decimal;

export function dec(v: Decimal.Value): Decimal {
  return new Dec(v);
}

/** Throws unless `v` is a finite decimal; `what` names it in the error. */
export function finiteDec(v: Decimal.Value, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Dec(v);
  } catch {
    throw new Error(`${what} is not a decimal value: ${String(v)}`);
  }
  if (!d.isFinite()) throw new Error(`${what} must be finite, got ${d.toString()}`);
  return d;
}

/** Half-up (away from zero on a tie) to 2 decimal places: 89.995 -> 90.00, 89.994 -> 89.99. */
export function round2(v: Decimal.Value): Decimal {
  const r = new Dec(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return r.isZero() ? new Dec(0) : r;
}

/** "87.50": rounded half-up to 2 decimals; null and undefined give null. Never "-0.00". */
export function format2(v: Decimal.Value | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const r = round2(v);
  return r.toFixed(2);
}

/** `current - previous` of two scores, exact, as a signed two-decimal string ("+1.50", "-0.90", "0.00"). */
export function signedChange(current: Decimal.Value, previous: Decimal.Value): string {
  const d = new Dec(current).minus(new Dec(previous)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (d.isZero()) return '0.00';
  return d.gt(0) ? `+${d.toFixed(2)}` : d.toFixed(2);
}

/** The full decimal digits in normal notation (no exponent, no rounding). */
export function plainString(v: Decimal.Value): string {
  return new Dec(v).toFixed();
}

export type ParseDecimalResult = { ok: true; value: Decimal } | { ok: false; message: string; code: FieldErrorCode };

export interface ParseDecimalOptions {
  /** At most this many fractional digits (default 2). */
  maxDecimals?: number;
  /** Inclusive lower bound. */
  min?: Decimal.Value;
  /** Inclusive upper bound. */
  max?: Decimal.Value;
}

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
const MAX_INPUT_LENGTH = 64;

/**
 * Parses a request value that should be a decimal: a finite JS number (taken as String(n), so
 * exponent forms such as 1e-7 are refused) or a string like "12", "-3.5", "90.10".
 * Finite Decimal instances are accepted too (for internal callers). Messages start with "must"
 * so a caller can prefix the field name.
 */
export function parseDecimalInput(v: unknown, opts: ParseDecimalOptions = {}): ParseDecimalResult {
  const maxDecimals = opts.maxDecimals ?? 2;
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, message: 'must be a finite number', code: FieldErrorCode.NOT_DECIMAL };
    text = String(v);
    if (/e/i.test(text)) {
      return { ok: false, message: `must be written without an exponent (got ${text})`, code: FieldErrorCode.NOT_DECIMAL };
    }
  } else if (typeof v === 'string') {
    if (v.length > MAX_INPUT_LENGTH) {
      return { ok: false, message: `must be at most ${MAX_INPUT_LENGTH} characters long`, code: FieldErrorCode.TOO_LONG };
    }
    if (!DECIMAL_RE.test(v)) {
      return { ok: false, message: 'must be a decimal number such as 12 or 12.5 (digits, optional minus sign and decimal point)', code: FieldErrorCode.NOT_DECIMAL };
    }
    text = v;
  } else if (Decimal.isDecimal(v)) {
    const d = v as Decimal;
    if (!d.isFinite()) return { ok: false, message: 'must be a finite number', code: FieldErrorCode.NOT_DECIMAL };
    text = d.toFixed();
  } else {
    return { ok: false, message: 'must be a number or a decimal string', code: FieldErrorCode.NOT_DECIMAL };
  }
  if (!DECIMAL_RE.test(text)) {
    return { ok: false, message: 'must be a decimal number such as 12 or 12.5', code: FieldErrorCode.NOT_DECIMAL };
  }
  const dot = text.indexOf('.');
  const decimals = dot < 0 ? 0 : text.length - dot - 1;
  if (decimals > maxDecimals) {
    return {
      ok: false,
      message: maxDecimals === 0 ? 'must be a whole number' : `must have at most ${maxDecimals} decimals`,
      code: FieldErrorCode.TOO_MANY_DECIMALS,
    };
  }
  let value = new Dec(text);
  if (value.isZero()) value = new Dec(0);
  const min = opts.min === undefined ? undefined : new Dec(opts.min);
  const max = opts.max === undefined ? undefined : new Dec(opts.max);
  const outside = (min !== undefined && value.lt(min)) || (max !== undefined && value.gt(max));
  if (outside) {
    if (min !== undefined && max !== undefined) {
      return { ok: false, message: `must be between ${min.toFixed()} and ${max.toFixed()}`, code: FieldErrorCode.OUT_OF_RANGE };
    }
    if (min !== undefined) return { ok: false, message: `must be at least ${min.toFixed()}`, code: FieldErrorCode.OUT_OF_RANGE };
    return { ok: false, message: `must be at most ${max!.toFixed()}`, code: FieldErrorCode.OUT_OF_RANGE };
  }
  return { ok: true, value };
}

/** Exact: true only when the values add up to exactly 100 (99.99 and 100.01 are false). */
export function sumIs100(values: Decimal.Value[]): boolean {
  let sum = new Dec(0);
  for (const v of values) {
    let d: Decimal;
    try {
      d = new Dec(v);
    } catch {
      return false;
    }
    if (!d.isFinite()) return false;
    sum = sum.plus(d);
  }
  return sum.eq(100);
}
