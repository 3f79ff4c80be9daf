/**
 * Checks of a period's settings that span fields (sums, orders, windows). Pure; the DTOs check shapes.
 */
import { Band, checkBands } from '../scoring/bands';
import Decimal from 'decimal.js';
import { dec, format2, sumIs100 } from '../scoring/decimal';
import { checkFinalistRule, FinalistRule } from '../scoring/finalists';
import { checkRubric, RubricCriterion } from '../scoring/panel-scores';
import { WINDOWED_STAGES, WindowedStage } from './stage-machine';
import { FieldError } from '../common/field-error';


export interface Window {
  opensAt: string;
  closesAt: string;
}
export type Schedule = Partial<Record<WindowedStage, Window>>;

export interface PeriodSettings {
  weights: { saq: string | number; visitation?: string | number; presentation: string | number };
  finalistRule: { type: 'THRESHOLD' | 'TOP_N'; value: string | number };
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
  const values = [w.saq, w.visitation ?? 0, w.presentation];
  if (!sumIs100(values)) {
    const sum = values.reduce<ReturnType<typeof dec>>((a, v) => a.plus(dec(v)), dec(0));
    return [{ field: 'weights', message: `weights must sum to exactly 100 (saq + visitation + presentation = ${sum.toString()})` }];
  }
  return [];
}

export function checkSchedule(schedule: Schedule, usesVisitation: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const required: WindowedStage[] = ['SAQ', 'VERIFICATION', 'OBJECTION', 'PRESENTATION', ...(usesVisitation ? (['VISITATION'] as const) : [])];
  for (const s of required) if (!schedule[s]) errors.push({ field: `schedule.${s}`, message: `schedule.${s} is required${s === 'VISITATION' ? ' when visitation is weighted' : ''}` });
  let previousOpen: { stage: string; at: number } | null = null;
  for (const s of WINDOWED_STAGES) {
    const w = schedule[s];
    if (!w) continue;
    const opens = Date.parse(w.opensAt);
    const closes = Date.parse(w.closesAt);
    if (!(opens < closes)) errors.push({ field: `schedule.${s}`, message: `schedule.${s}.opensAt must be before closesAt` });
    if (previousOpen && opens < previousOpen.at) {
      errors.push({ field: `schedule.${s}.opensAt`, message: `schedule.${s} must not open before ${previousOpen.stage} opens (windows follow the stage order)` });
    }
    previousOpen = { stage: s, at: opens };
  }
  return errors;
}

/** Whether the period weights the visitation stage at all (a 0 weight skips it). */
export const usesVisitation = (weightVisitation: Decimal.Value | null | undefined): boolean => !dec(weightVisitation ?? 0).isZero();

/** The finalist rule as stored (type and a DECIMAL string): TOP_N as a whole number. */
export function finalistRuleOf(type: 'THRESHOLD' | 'TOP_N', value: string): { type: 'TOP_N'; value: number } | { type: 'THRESHOLD'; value: string } {
  return type === 'TOP_N' ? { type, value: Number.parseInt(value, 10) } : { type, value };
}

/** The rule as the API shows it: TOP_N a number, THRESHOLD a two-decimal string. */
export const finalistRuleView = (r: FinalistRule) => ({ type: r.type, value: r.type === 'TOP_N' ? r.value : format2(r.value)! });

/** Every window's instants as UTC ISO strings. */
export const scheduleInUtc = (s: Schedule): Schedule =>
  Object.fromEntries(Object.entries(s).map(([k, w]) => [k, { opensAt: new Date(w!.opensAt).toISOString(), closesAt: new Date(w!.closesAt).toISOString() }]));

/** Every cross-field rule of a period's settings; an empty list means valid. */
export function checkPeriodSettings(p: PeriodSettings): FieldError[] {
  const visitation = usesVisitation(p.weights.visitation);
  return [
    ...checkWeights(p.weights),
    ...checkFinalistRule(p.finalistRule),
    ...checkBands(p.bands).map((message) => ({ field: 'bands', message })),
    ...checkRubric(p.presentationRubric),
    ...checkSchedule(p.schedule, visitation),
  ];
}
