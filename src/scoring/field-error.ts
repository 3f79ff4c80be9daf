/**
 * What can be wrong with one field of a request, as a stable code the portal translates (part of the
 * API contract: never renamed, never reused for another meaning). The class-validator constraints map
 * onto these in src/common/validation.ts; the pure rule modules name them directly. Defined here, in the
 * self-contained scoring package, so its checks can name them; src/common/field-error.ts re-exports both.
 */
export const FieldErrorCode = {
  REQUIRED: 'FIELD_REQUIRED',
  UNKNOWN_FIELD: 'FIELD_UNKNOWN_FIELD',
  NOT_ALLOWED: 'FIELD_NOT_ALLOWED',
  INVALID: 'FIELD_INVALID',
  NOT_STRING: 'FIELD_NOT_STRING',
  NOT_INT: 'FIELD_NOT_INT',
  NOT_BOOLEAN: 'FIELD_NOT_BOOLEAN',
  NOT_ARRAY: 'FIELD_NOT_ARRAY',
  NOT_OBJECT: 'FIELD_NOT_OBJECT',
  NOT_IN_LIST: 'FIELD_NOT_IN_LIST',
  EMPTY: 'FIELD_EMPTY',
  TOO_SMALL: 'FIELD_TOO_SMALL',
  TOO_LARGE: 'FIELD_TOO_LARGE',
  TOO_SHORT: 'FIELD_TOO_SHORT',
  TOO_LONG: 'FIELD_TOO_LONG',
  TOO_FEW_ITEMS: 'FIELD_TOO_FEW_ITEMS',
  TOO_MANY_ITEMS: 'FIELD_TOO_MANY_ITEMS',
  BAD_FORMAT: 'FIELD_BAD_FORMAT',
  NOT_EMAIL: 'FIELD_NOT_EMAIL',
  NOT_URL: 'FIELD_NOT_URL',
  NOT_HTTP_URL: 'FIELD_NOT_HTTP_URL',
  NOT_INSTANT: 'FIELD_NOT_INSTANT',
  NOT_DECIMAL: 'FIELD_NOT_DECIMAL',
  TOO_MANY_DECIMALS: 'FIELD_TOO_MANY_DECIMALS',
  OUT_OF_RANGE: 'FIELD_OUT_OF_RANGE',
  SUM_NOT_100: 'FIELD_SUM_NOT_100',
  OUT_OF_ORDER: 'FIELD_OUT_OF_ORDER',
  DUPLICATE: 'FIELD_DUPLICATE',
  UNKNOWN_REFERENCE: 'FIELD_UNKNOWN_REFERENCE',
} as const;
export type FieldErrorCode = (typeof FieldErrorCode)[keyof typeof FieldErrorCode];

/** What is wrong with one field of a request: the `details` of a 400. Framework-free, so pure rule modules can name it. */
export interface FieldError {
  field: string;
  message: string;
  code: FieldErrorCode;
  /** The class-validator constraint, when no specific code maps it (code is then FIELD_INVALID). */
  constraint?: string;
}
