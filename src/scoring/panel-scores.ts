import Decimal from 'decimal.js';
import { Dec, finiteDec, parseDecimalInput } from './decimal';
import { FieldError, FieldErrorCode } from './field-error';
import { FRACTION_ZERO, fracAdd, fracDiv, fracMul, fracToDecimal, fractionOf } from './fraction';

export interface RubricCriterion {
  code: string;
  title?: string;
  weight: Decimal.Value;
}

/** The rubric a period gets when it names none: one criterion weighted 100. */
export const DEFAULT_RUBRIC: RubricCriterion[] = [{ code: 'OVERALL', title: 'Overall', weight: '100' }];

/** Checks a period's presentation rubric: at least one criterion, unique codes, weights 0..100 (2 decimals) summing to 100. */
export function checkRubric(rubric: RubricCriterion[]): FieldError[] {
  const out: FieldError[] = [];
  if (!Array.isArray(rubric) || rubric.length === 0) {
    return [{ field: 'presentationRubric', message: 'must have at least one criterion', code: FieldErrorCode.TOO_FEW_ITEMS }];
  }
  const seen = new Set<string>();
  const weights: Decimal[] = [];
  rubric.forEach((c, i) => {
    if (c === null || typeof c !== 'object') {
      out.push({ field: `presentationRubric[${i}]`, message: 'must be an object with code and weight', code: FieldErrorCode.NOT_OBJECT });
      return;
    }
    if (typeof c.code !== 'string' || c.code.trim() === '') {
      out.push({ field: `presentationRubric[${i}].code`, message: 'must be a non-empty string', code: FieldErrorCode.EMPTY });
    } else if (seen.has(c.code)) {
      out.push({ field: `presentationRubric[${i}].code`, message: `duplicate criterion '${c.code}'`, code: FieldErrorCode.DUPLICATE });
    } else {
      seen.add(c.code);
    }
    const w = parseDecimalInput(c.weight, { maxDecimals: 2, min: 0, max: 100 });
    if (!w.ok) out.push({ field: `presentationRubric[${i}].weight`, message: w.message, code: w.code });
    else weights.push(w.value);
  });
  if (out.length === 0 && !weights.reduce((s, w) => s.plus(w), new Dec(0)).eq(100)) {
    out.push({ field: 'presentationRubric', message: 'weights must sum to 100', code: FieldErrorCode.SUM_NOT_100 });
  }
  return out;
}

/**
 * Checks one panelist's sheet against the rubric: every rubric code exactly once, each score
 * 0..100 with at most 2 decimals. Returns {field, message} details (empty = fine).
 */
export function checkRubricScores(rubric: RubricCriterion[], scores: { code: string; score: unknown }[]): FieldError[] {
  if (!Array.isArray(scores)) return [{ field: 'criteria', message: 'must be an array of {code, score}', code: FieldErrorCode.NOT_ARRAY }];
  const out: FieldError[] = [];
  const known = new Set(rubric.map((c) => c.code));
  const expected = rubric.map((c) => c.code).join(', ');
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (s === null || typeof s !== 'object') {
      out.push({ field: `criteria[${i}]`, message: 'must be an object with code and score', code: FieldErrorCode.NOT_OBJECT });
      return;
    }
    const code: unknown = s.code;
    if (typeof code !== 'string') {
      out.push({ field: `criteria[${i}].code`, message: 'must be a string', code: FieldErrorCode.NOT_STRING });
    } else if (!known.has(code)) {
      out.push({ field: `criteria[${i}].code`, message: `unknown criterion '${code}'; expected one of ${expected}`, code: FieldErrorCode.NOT_IN_LIST });
    } else if (seen.has(code)) {
      out.push({ field: `criteria[${i}].code`, message: `duplicate criterion '${code}'`, code: FieldErrorCode.DUPLICATE });
    } else {
      seen.add(code);
    }
    const r = parseDecimalInput(s.score, { maxDecimals: 2, min: 0, max: 100 });
    if (!r.ok) out.push({ field: `criteria[${i}].score`, message: r.message, code: r.code });
  });
  for (const c of rubric) {
    if (!seen.has(c.code)) out.push({ field: 'criteria', message: `missing score for criterion '${c.code}'`, code: FieldErrorCode.REQUIRED });
  }
  return out;
}

/**
 * A panelist's weighted rubric total: sum(score * weight) / 100, exact. Scores are matched to the
 * rubric by code; a missing or unknown code throws (run checkRubricScores first).
 */
export function rubricTotal(rubric: RubricCriterion[], scores: { code: string; score: Decimal.Value }[]): Decimal {
  const byCode = new Map<string, Decimal.Value>();
  for (const s of scores) {
    if (byCode.has(s.code)) throw new Error(`duplicate criterion '${s.code}'`);
    byCode.set(s.code, s.score);
  }
  const codes = new Set(rubric.map((c) => c.code));
  for (const code of byCode.keys()) if (!codes.has(code)) throw new Error(`unknown criterion '${code}'`);
  let total = FRACTION_ZERO;
  for (const c of rubric) {
    const v = byCode.get(c.code);
    if (v === undefined) throw new Error(`missing score for criterion '${c.code}'`);
    const value = fractionOf(finiteDec(v, `criterion ${c.code}`));
    const w = fractionOf(finiteDec(c.weight, `criterion ${c.code} weight`));
    total = fracAdd(total, fracMul(value, w));
  }
  return fracToDecimal(fracDiv(total, fractionOf(100)));
}

/** Exact mean (one correctly rounded division); null for no values. */
export function mean(values: Decimal.Value[]): Decimal | null {
  if (values.length === 0) return null;
  let sum = FRACTION_ZERO;
  for (const v of values) sum = fracAdd(sum, fractionOf(finiteDec(v, 'mean input')));
  return fracToDecimal(fracDiv(sum, fractionOf(values.length)));
}
