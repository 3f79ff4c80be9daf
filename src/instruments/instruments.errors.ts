/** Refusals of the instruments module; part of the API contract. */
export const InstrumentErrorCode = {
  INVALID: 'INSTRUMENT_INVALID',
  FROZEN: 'INSTRUMENT_FROZEN',
  QUESTION_NOT_FOUND: 'INSTRUMENT_QUESTION_NOT_FOUND',
  QUESTION_NOT_APPLICABLE: 'INSTRUMENT_QUESTION_NOT_APPLICABLE',
} as const;
