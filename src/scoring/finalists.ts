import Decimal from 'decimal.js';
import { finiteDec, parseDecimalInput } from './decimal';
import { FieldError, FieldErrorCode } from './field-error';

export const FINALIST_RULE_TYPES = ['THRESHOLD', 'TOP_N'] as const;
export type FinalistRuleType = (typeof FINALIST_RULE_TYPES)[number];
export type FinalistRule = { type: 'THRESHOLD'; value: Decimal.Value } | { type: 'TOP_N'; value: number };

/** Checks a finalist rule from a request: THRESHOLD 0..100 with at most 2 decimals; TOP_N a whole number >= 1. */
export function checkFinalistRule(rule: unknown): FieldError[] {
  if (rule === null || typeof rule !== 'object') return [{ field: 'finalistRule', message: 'must be an object {type, value}', code: FieldErrorCode.NOT_OBJECT }];
  const r = rule as { type?: unknown; value?: unknown };
  if (r.type === 'THRESHOLD') {
    const v = parseDecimalInput(r.value, { maxDecimals: 2, min: 0, max: 100 });
    return v.ok ? [] : [{ field: 'finalistRule.value', message: v.message, code: v.code }];
  }
  if (r.type === 'TOP_N') {
    const ok = typeof r.value === 'number' && Number.isSafeInteger(r.value) && r.value >= 1;
    return ok ? [] : [{ field: 'finalistRule.value', message: 'must be a whole number of at least 1', code: FieldErrorCode.OUT_OF_RANGE }];
  }
  return [{ field: 'finalistRule.type', message: 'must be THRESHOLD or TOP_N', code: FieldErrorCode.NOT_IN_LIST }];
}

/**
 * Keys of the finalists. THRESHOLD: exact SAQ >= value (79.999 is below 80). TOP_N: per category
 * the best N by exact SAQ, plus every body tied with the N-th.
 */
export function selectFinalists(entries: { key: string; categoryCode: string; saq: Decimal }[], rule: FinalistRule): Set<string> {
  const out = new Set<string>();
  if (rule.type === 'THRESHOLD') {
    const threshold = finiteDec(rule.value, 'finalist threshold');
    for (const e of entries) if (e.saq.gte(threshold)) out.add(e.key);
    return out;
  }
  if (rule.type !== 'TOP_N') throw new Error(`unknown finalist rule ${String((rule as { type: unknown }).type)}`);
  const n = rule.value;
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('TOP_N needs a whole number >= 0');
  if (n === 0) return out;
  const byCategory = new Map<string, { key: string; saq: Decimal }[]>();
  for (const e of entries) {
    const list = byCategory.get(e.categoryCode);
    if (list) list.push(e);
    else byCategory.set(e.categoryCode, [e]);
  }
  for (const list of byCategory.values()) {
    list.sort((a, b) => b.saq.cmp(a.saq));
    if (list.length <= n) {
      for (const e of list) out.add(e.key);
      continue;
    }
    const cut = list[n - 1].saq;
    for (const e of list) {
      if (e.saq.lt(cut)) break;
      out.add(e.key);
    }
  }
  return out;
}
