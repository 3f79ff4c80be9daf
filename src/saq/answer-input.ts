import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldError, FieldErrorCode } from '../common/field-error';
import { isId } from '../common/id';
import { validationFailed } from '../common/validation';

/** The body of `PUT /participations/:id/answers/:questionCode` (its schema for the docs: SaveAnswerDto). */
export interface SaveAnswerInput {
  value: unknown;
  evidenceIds?: string[];
  url?: string;
  note?: string;
  version?: number;
}

export const ANSWER_INPUT_LIMITS = { evidenceIds: 20, url: 2000, note: 5000 } as const;
const FIELDS = new Set(['value', 'evidenceIds', 'url', 'note', 'version']);

const absent = (v: unknown) => v === undefined || v === null;
const tooLong = (field: string, max: number): FieldError => ({ field, message: `${field} must be shorter than or equal to ${max} characters`, code: FieldErrorCode.TOO_LONG });
const notString = (field: string): FieldError => ({ field, message: `${field} must be a string`, code: FieldErrorCode.NOT_STRING });

/**
 * What is wrong with an answer save's body, with the messages and codes the validation pipe gives on
 * every other route. The hottest request of the service is checked here rather than by class-validator
 * (whose per-call metadata lookup walks every DTO class of the app), by the Nest route and its early
 * route alike (SAVE_ANSWER_BODY).
 */
export function answerInputProblems(body: unknown): FieldError[] {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const problems: FieldError[] = [];
  if (absent(b.value)) problems.push({ field: 'value', message: 'value is required', code: FieldErrorCode.REQUIRED });
  const ids = b.evidenceIds;
  if (!absent(ids)) {
    if (!Array.isArray(ids)) problems.push({ field: 'evidenceIds', message: 'evidenceIds must be an array', code: FieldErrorCode.NOT_ARRAY });
    else {
      if (ids.length > ANSWER_INPUT_LIMITS.evidenceIds)
        problems.push({ field: 'evidenceIds', message: `evidenceIds must contain no more than ${ANSWER_INPUT_LIMITS.evidenceIds} elements`, code: FieldErrorCode.TOO_MANY_ITEMS });
      if (!ids.every(isId)) problems.push({ field: 'evidenceIds', message: 'each evidenceIds entry must be an evidence id', code: FieldErrorCode.BAD_FORMAT });
    }
  }
  for (const field of ['url', 'note'] as const) {
    const v = b[field];
    if (absent(v)) continue;
    if (typeof v !== 'string') problems.push(notString(field));
    else if (v.length > ANSWER_INPUT_LIMITS[field]) problems.push(tooLong(field, ANSWER_INPUT_LIMITS[field]));
  }
  const version = b.version;
  if (!absent(version)) {
    if (!Number.isInteger(version)) problems.push({ field: 'version', message: 'version must be an integer number', code: FieldErrorCode.NOT_INT });
    else if ((version as number) < 0) problems.push({ field: 'version', message: 'version must not be less than 0', code: FieldErrorCode.TOO_SMALL });
  }
  for (const key of Object.keys(b)) if (!FIELDS.has(key)) problems.push({ field: key, message: `property ${key} should not exist`, code: FieldErrorCode.UNKNOWN_FIELD });
  return problems;
}

/** The answer save's body pipe: 400 VALIDATION_FAILED naming each problem, else the body (its absent optional fields left out). */
@Injectable()
export class AnswerInputPipe implements PipeTransform<unknown, SaveAnswerInput> {
  transform(body: unknown): SaveAnswerInput {
    const problems = answerInputProblems(body);
    if (problems.length) throw validationFailed(problems);
    const b = body as Record<string, unknown>;
    const input: SaveAnswerInput = { value: b.value };
    if (!absent(b.evidenceIds)) input.evidenceIds = b.evidenceIds as string[];
    if (!absent(b.url)) input.url = b.url as string;
    if (!absent(b.note)) input.note = b.note as string;
    if (!absent(b.version)) input.version = b.version as number;
    return input;
  }
}

export const SAVE_ANSWER_BODY = new AnswerInputPipe();
