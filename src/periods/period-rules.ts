/**
 * Checks of a period's settings that span fields (sums, orders, windows). Pure; the DTOs check shapes.
 */
import Decimal from 'decimal.js';
import { FieldError, FieldErrorCode } from '../common/field-error';
import { Band, checkBands } from '../scoring/bands';
import { dec, format2, parseDecimalInput, sumIs100 } from '../scoring/decimal';
import { checkFinalistRule, FinalistRule, FinalistRuleType } from '../scoring/finalists';
import { checkRubric, RubricCriterion } from '../scoring/panel-scores';
import { WINDOWED_STAGES, WindowedStage } from './stage-machine';

export interface Window {
  opensAt: string;
  closesAt: string;
}
export type Schedule = Partial<Record<WindowedStage, Window>>;

export interface PeriodSettings {
  weights: { saq: string | number; visitation?: string | number; presentation: string | number };
  finalistRule: { type: FinalistRuleType; value: string | number };
  bands: Band[];
  presentationRubric: RubricCriterion[];
  schedule: Schedule;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

export function checkWeights(w: PeriodSettings['weights']): FieldError[] {
  if (!isRecord(w)) return [{ field: 'weights', message: 'weights must be an object {saq, visitation?, presentation}', code: FieldErrorCode.NOT_OBJECT }];
  const values = [w.saq, w.visitation ?? 0, w.presentation];
  const parsed = values.map((v) => parseDecimalInput(v));
  if (parsed.some((r) => !r.ok)) return [{ field: 'weights', message: 'weights saq, visitation and presentation must be decimal numbers', code: FieldErrorCode.NOT_DECIMAL }];
  if (!sumIs100(values)) {
    const sum = parsed.reduce((a, r) => (r.ok ? a.plus(r.value) : a), dec(0));
    return [{ field: 'weights', message: `weights must sum to exactly 100 (saq + visitation + presentation = ${sum.toString()})`, code: FieldErrorCode.SUM_NOT_100 }];
  }
  return [];
}

export function checkSchedule(schedule: Schedule, usesVisitation: boolean): FieldError[] {
  if (!isRecord(schedule)) return [{ field: 'schedule', message: 'schedule must be an object of stage windows {opensAt, closesAt}', code: FieldErrorCode.NOT_OBJECT }];
  const errors: FieldError[] = [];
  const required: WindowedStage[] = ['SAQ', 'VERIFICATION', 'OBJECTION', 'PRESENTATION', ...(usesVisitation ? (['VISITATION'] as const) : [])];
  for (const s of required)
    if (!schedule[s])
      errors.push({ field: `schedule.${s}`, message: `schedule.${s} is required${s === 'VISITATION' ? ' when visitation is weighted' : ''}`, code: FieldErrorCode.REQUIRED });
  let previousOpen: { stage: string; at: number } | null = null;
  for (const s of WINDOWED_STAGES) {
    const w: unknown = schedule[s];
    if (!w) continue;
    if (!isRecord(w)) {
      errors.push({ field: `schedule.${s}`, message: `schedule.${s} must be an object {opensAt, closesAt}`, code: FieldErrorCode.NOT_OBJECT });
      continue;
    }
    const opens = instantOf(w.opensAt);
    const closes = instantOf(w.closesAt);
    if (opens === null) errors.push({ field: `schedule.${s}.opensAt`, message: `schedule.${s}.opensAt must be an ISO-8601 instant`, code: FieldErrorCode.NOT_INSTANT });
    if (closes === null) errors.push({ field: `schedule.${s}.closesAt`, message: `schedule.${s}.closesAt must be an ISO-8601 instant`, code: FieldErrorCode.NOT_INSTANT });
    if (opens === null || closes === null) continue;
    if (!(opens < closes)) errors.push({ field: `schedule.${s}`, message: `schedule.${s}.opensAt must be before closesAt`, code: FieldErrorCode.OUT_OF_ORDER });
    if (previousOpen && opens < previousOpen.at) {
      errors.push({
        field: `schedule.${s}.opensAt`,
        message: `schedule.${s} must not open before ${previousOpen.stage} opens (windows follow the stage order)`,
        code: FieldErrorCode.OUT_OF_ORDER,
      });
    }
    previousOpen = { stage: s, at: opens };
  }
  return errors;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Milliseconds of an instant string, or null when it is not a string or names no moment. */
function instantOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}

/** Whether the period weights the visitation stage at all (a 0 weight skips it). */
export const usesVisitation = (weightVisitation: Decimal.Value | null | undefined): boolean => {
  try {
    return !dec(weightVisitation ?? 0).isZero();
  } catch {
    return false; // not a number: checkWeights names it
  }
};

/** The finalist rule as stored (type and a DECIMAL string): TOP_N as a whole number. */
export function finalistRuleOf(type: FinalistRuleType, value: string): { type: 'TOP_N'; value: number } | { type: 'THRESHOLD'; value: string } {
  return type === 'TOP_N' ? { type, value: Number.parseInt(value, 10) } : { type, value };
}

/** The rule as the API shows it: TOP_N a number, THRESHOLD a two-decimal string. */
export const finalistRuleView = (r: FinalistRule) => ({ type: r.type, value: r.type === 'TOP_N' ? r.value : format2(r.value)! });

/** Every window's instants as UTC ISO strings. */
export const scheduleInUtc = (s: Schedule): Schedule =>
  Object.fromEntries(Object.entries(s).map(([k, w]) => [k, { opensAt: new Date(w!.opensAt).toISOString(), closesAt: new Date(w!.closesAt).toISOString() }]));

/** Every cross-field rule of a period's settings; an empty list means valid. */
export function checkPeriodSettings(p: PeriodSettings): FieldError[] {
  const visitation = isRecord(p.weights) && usesVisitation(p.weights.visitation as Decimal.Value | undefined);
  return [
    ...checkWeights(p.weights),
    ...checkFinalistRule(p.finalistRule),
    ...checkBands(p.bands).map((message) => ({ field: 'bands', message, code: FieldErrorCode.INVALID })),
    ...checkRubric(p.presentationRubric),
    ...checkSchedule(p.schedule, visitation),
  ];
}
