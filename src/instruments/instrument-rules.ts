/** Cross-field rules of an instrument (pure): weights, unique codes, per-type fields, categories. */
import { FieldError, FieldErrorCode } from '../common/field-error';
import { dec, sumIs100 } from '../scoring/decimal';
import { checkQuestionRule, QuestionRule } from '../scoring/question-points';

/** What evidence a question asks for. */
export const EVIDENCE_KINDS = ['NONE', 'FILE', 'URL', 'FILE_OR_URL'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface InstrumentInput {
  aspects: {
    code: string;
    weight: string | number;
    questions: (QuestionRule & { code: string; categoryCodes?: string[] })[];
  }[];
}

export function checkInstrument(ins: InstrumentInput, knownCategoryCodes: Set<string>): FieldError[] {
  if (!isRecord(ins) || !Array.isArray(ins.aspects)) return [{ field: 'aspects', message: 'aspects must be a list of aspects', code: FieldErrorCode.NOT_ARRAY }];
  const errors: FieldError[] = [];
  const aspects = ins.aspects as unknown[];
  if (!aspects.every(isRecord)) return [{ field: 'aspects', message: 'each entry of aspects must be an object', code: FieldErrorCode.NOT_OBJECT }];
  if (!sumIs100(ins.aspects.map((a) => a.weight))) errors.push({ field: 'aspects', message: 'aspect weights must sum to exactly 100', code: FieldErrorCode.SUM_NOT_100 });
  const aspectCodes = new Set<string>();
  const questionCodes = new Set<string>();
  ins.aspects.forEach((a, i) => {
    if (aspectCodes.has(a.code)) errors.push({ field: `aspects[${i}].code`, message: `duplicate aspect code ${a.code}`, code: FieldErrorCode.DUPLICATE });
    aspectCodes.add(a.code);
    const questions = a.questions as unknown;
    if (!Array.isArray(questions) || !questions.every(isRecord)) {
      errors.push({ field: `aspects[${i}].questions`, message: 'questions must be a list of question objects', code: FieldErrorCode.NOT_ARRAY });
      return;
    }
    a.questions.forEach((q, j) => {
      const field = `aspects[${i}].questions[${j}]`;
      if (questionCodes.has(q.code)) errors.push({ field: `${field}.code`, message: `duplicate question code ${q.code}`, code: FieldErrorCode.DUPLICATE });
      questionCodes.add(q.code);
      for (const message of checkQuestionRule(q)) errors.push({ field, message: `question ${q.code}: ${message.replace(/^question \S+: /, '')}`, code: FieldErrorCode.INVALID });
      const categoryCodes = q.categoryCodes as unknown;
      if (categoryCodes !== undefined && categoryCodes !== null && !Array.isArray(categoryCodes)) {
        errors.push({ field: `${field}.categoryCodes`, message: 'categoryCodes must be a list of category codes', code: FieldErrorCode.NOT_ARRAY });
        return;
      }
      const unknown = (q.categoryCodes ?? []).filter((c) => !knownCategoryCodes.has(c));
      if (unknown.length)
        errors.push({
          field: `${field}.categoryCodes`,
          message: `unknown categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')}`,
          code: FieldErrorCode.UNKNOWN_REFERENCE,
        });
    });
  });
  return errors;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether a question applies to a category (no list: every category). */
export const appliesTo = (categoryCodes: string[] | null | undefined, categoryCode: string): boolean => !categoryCodes?.length || categoryCodes.includes(categoryCode);

export interface AspectShape {
  id: string;
  code: string;
  weight: string;
}
export interface QuestionShape {
  aspectId: string;
  maxPoints: string;
  categoryCodes: string[] | null;
}

/** The per-aspect shape of one category: maximum points and question count over the questions that apply to it. */
export function tallyTemplate(aspects: AspectShape[], questions: QuestionShape[], categoryCode: string) {
  const shape = aspects.map((a) => {
    const applicable = questions.filter((q) => q.aspectId === a.id && appliesTo(q.categoryCodes, categoryCode));
    return { id: a.id, code: a.code, weight: a.weight, maxPoints: applicable.reduce((s, q) => s.plus(q.maxPoints), dec(0)), questionCount: applicable.length };
  });
  return { shape };
}
