import Decimal from 'decimal.js';
import { Dec, parseDecimalInput } from './decimal';
import { unreachable } from './never';

export const QUESTION_TYPES = ['YES_NO', 'CHOICE', 'MULTI_CHOICE', 'NUMBER', 'TEXT'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  value: string;
  label?: string;
  points: Decimal.Value;
}

export interface QuestionThreshold {
  min: Decimal.Value;
  points: Decimal.Value;
}

export interface QuestionRule {
  type: QuestionType;
  maxPoints: Decimal.Value;
  options?: QuestionOption[];
  thresholds?: QuestionThreshold[];
}

/** Longest TEXT answer, in characters (code points). */
export const TEXT_MAX_LENGTH = 5000;
/** Fractional digits a NUMBER answer (and a threshold min) may carry. */
export const NUMBER_MAX_DECIMALS = 6;

function optionList(q: QuestionRule): string {
  const values = (q.options ?? []).map((o) => o.value);
  return values.length ? values.join(', ') : '(none)';
}

function findOption(q: QuestionRule, value: string): QuestionOption | undefined {
  return (q.options ?? []).find((o) => o.value === value);
}

function textLength(s: string): number {
  // String length counts UTF-16 units; count code points only when it could matter.
  return s.length <= TEXT_MAX_LENGTH ? s.length : Array.from(s).length;
}

/**
 * null when `value` is a valid answer for the question, else a message saying what is wrong.
 * YES_NO: boolean. CHOICE: one option value. MULTI_CHOICE: array (may be empty) of distinct option
 * values. NUMBER: finite number or decimal string (at most 6 decimals, negatives allowed).
 * TEXT: a non-blank string of at most 5000 characters.
 */
export function checkAnswerValue(q: QuestionRule, value: unknown): string | null {
  switch (q.type) {
    case 'YES_NO':
      return typeof value === 'boolean' ? null : 'YES_NO expects true or false';
    case 'CHOICE': {
      if (typeof value !== 'string') return 'CHOICE expects one option value (a string)';
      if (!findOption(q, value)) return `unknown option '${value}'; expected one of ${optionList(q)}`;
      return null;
    }
    case 'MULTI_CHOICE': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return 'MULTI_CHOICE expects an array of distinct option values';
      }
      const seen = new Set<string>();
      for (const v of value as string[]) {
        if (seen.has(v)) return `MULTI_CHOICE expects an array of distinct option values (duplicate '${v}')`;
        seen.add(v);
        if (!findOption(q, v)) return `unknown option '${v}'; expected one of ${optionList(q)}`;
      }
      return null;
    }
    case 'NUMBER': {
      const parsed = parseDecimalInput(value, { maxDecimals: NUMBER_MAX_DECIMALS });
      if (!parsed.ok) {
        return `NUMBER expects a finite number or a decimal string with at most ${NUMBER_MAX_DECIMALS} decimals: the value ${parsed.message}`;
      }
      return null;
    }
    case 'TEXT': {
      if (typeof value !== 'string' || value.trim() === '' || textLength(value) > TEXT_MAX_LENGTH) {
        return `TEXT expects a non-empty string of at most ${TEXT_MAX_LENGTH} characters`;
      }
      return null;
    }
    default: {
      // A type the compiler does not know can still arrive from stored JSON: say so rather than throw.
      const unknownType: never = q.type;
      return `unknown question type '${String(unknownType)}'`;
    }
  }
}

/**
 * Self points of an answer (the value must fit the question; an unfitting one throws).
 * YES_NO true -> maxPoints, false -> 0; CHOICE -> the option's points; MULTI_CHOICE -> sum of the
 * chosen options' points; NUMBER -> points of the threshold with the highest min not above the
 * value, else 0; TEXT -> 0 (the assessor decides). Every result is capped at maxPoints (a no-op
 * for a rule that passes checkQuestionRule, except MULTI_CHOICE sums).
 */
export function selfPoints(q: QuestionRule, value: unknown): Decimal {
  const problem = checkAnswerValue(q, value);
  if (problem !== null) throw new Error(`selfPoints: ${problem}`);
  const max = new Dec(q.maxPoints);
  let points: Decimal;
  switch (q.type) {
    case 'YES_NO':
      points = value === true ? max : new Dec(0);
      break;
    case 'CHOICE':
      points = new Dec(findOption(q, value as string)!.points);
      break;
    case 'MULTI_CHOICE': {
      const byValue = new Map((q.options ?? []).map((o) => [o.value, o] as const));
      points = new Dec(0);
      for (const v of value as string[]) points = points.plus(new Dec(byValue.get(v)!.points));
      break;
    }
    case 'NUMBER': {
      const parsed = parseDecimalInput(value, { maxDecimals: NUMBER_MAX_DECIMALS });
      const x = (parsed as { ok: true; value: Decimal }).value;
      let bestMin: Decimal | null = null;
      points = new Dec(0);
      for (const t of q.thresholds ?? []) {
        const min = new Dec(t.min);
        if (min.lte(x) && (bestMin === null || min.gt(bestMin))) {
          bestMin = min;
          points = new Dec(t.points);
        }
      }
      break;
    }
    case 'TEXT':
      points = new Dec(0);
      break;
    default:
      return unreachable(q.type, 'question type');
  }
  return points.gt(max) ? max : points;
}

function prefixOf(q: { code?: string }): string {
  return q.code ? `question ${q.code}: ` : '';
}

function isPresent(list: unknown): boolean {
  return list !== undefined && list !== null && !(Array.isArray(list) && list.length === 0);
}

/**
 * Checks an instrument question definition; returns messages (empty = fine).
 * maxPoints > 0 with at most 2 decimals; CHOICE (>= 2 options) and MULTI_CHOICE (>= 1) need
 * distinct option values with points between 0 and maxPoints; NUMBER needs >= 1 threshold with
 * distinct mins and points between 0 and maxPoints; YES_NO and TEXT take neither.
 */
export function checkQuestionRule(q: QuestionRule & { code?: string }): string[] {
  const p = prefixOf(q);
  const out: string[] = [];
  const type = (q as { type: unknown }).type;
  if (!QUESTION_TYPES.includes(type as QuestionType)) {
    out.push(`${p}type must be one of ${QUESTION_TYPES.join(', ')}`);
    return out;
  }
  let max: Decimal | null = null;
  const parsedMax = parseDecimalInput(q.maxPoints, { maxDecimals: 2 });
  if (!parsedMax.ok) out.push(`${p}maxPoints ${parsedMax.message}`);
  else if (!parsedMax.value.gt(0)) out.push(`${p}maxPoints must be greater than 0`);
  else max = parsedMax.value;

  const checkPoints = (field: string, v: unknown): void => {
    const r = parseDecimalInput(v, { maxDecimals: 2, min: 0 });
    if (!r.ok) out.push(`${p}${field} ${r.message}`);
    else if (max !== null && r.value.gt(max)) {
      out.push(`${p}${field} must be between 0 and maxPoints (${max.toString()})`);
    }
  };

  const hasOptions = isPresent(q.options);
  const hasThresholds = isPresent(q.thresholds);

  if (q.type === 'YES_NO' || q.type === 'TEXT') {
    if (hasOptions) out.push(`${p}${q.type} questions take no options`);
    if (hasThresholds) out.push(`${p}${q.type} questions take no thresholds`);
    return out;
  }

  if (q.type === 'CHOICE' || q.type === 'MULTI_CHOICE') {
    if (hasThresholds) out.push(`${p}${q.type} questions take no thresholds`);
    const options = q.options;
    const least = q.type === 'CHOICE' ? 2 : 1;
    if (!Array.isArray(options) || options.length < least) {
      out.push(`${p}${q.type} needs at least ${least} option${least > 1 ? 's' : ''}`);
      return out;
    }
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (o === null || typeof o !== 'object') {
        out.push(`${p}options[${i}] must be an object with value and points`);
        return;
      }
      if (typeof o.value !== 'string' || o.value.trim() === '') {
        out.push(`${p}options[${i}].value must be a non-empty string`);
      } else if (seen.has(o.value)) {
        out.push(`${p}options[${i}].value '${o.value}' is duplicated`);
      } else {
        seen.add(o.value);
      }
      if (o.label !== undefined && typeof o.label !== 'string') out.push(`${p}options[${i}].label must be a string`);
      checkPoints(`options[${i}].points`, o.points);
    });
    return out;
  }

  // NUMBER
  if (hasOptions) out.push(`${p}NUMBER questions take no options`);
  const thresholds = q.thresholds;
  if (!Array.isArray(thresholds) || thresholds.length < 1) {
    out.push(`${p}NUMBER needs at least 1 threshold`);
    return out;
  }
  const mins: Decimal[] = [];
  thresholds.forEach((t, i) => {
    if (t === null || typeof t !== 'object') {
      out.push(`${p}thresholds[${i}] must be an object with min and points`);
      return;
    }
    const m = parseDecimalInput(t.min, { maxDecimals: NUMBER_MAX_DECIMALS });
    if (!m.ok) out.push(`${p}thresholds[${i}].min ${m.message}`);
    else if (mins.some((x) => x.eq(m.value))) out.push(`${p}thresholds[${i}].min ${m.value.toString()} is duplicated`);
    else mins.push(m.value);
    checkPoints(`thresholds[${i}].points`, t.points);
  });
  return out;
}
