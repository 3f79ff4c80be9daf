/** Refusals of the SAQ (participation, enrolment, answers); part of the API contract. */
export const SaqErrorCode = {
  WINDOW_CLOSED: 'SAQ_WINDOW_CLOSED',
  DEADLINE_PASSED: 'SAQ_DEADLINE_PASSED',
  ALREADY_SUBMITTED: 'SAQ_ALREADY_SUBMITTED',
  NOT_PARTICIPATING: 'SAQ_NOT_PARTICIPATING',
  INCOMPLETE: 'SAQ_INCOMPLETE',
  CHANGED_DURING_SAVE: 'SAQ_CHANGED_DURING_SAVE',
  VALUE_INVALID: 'SAQ_VALUE_INVALID',
  URL_NOT_HTTP: 'SAQ_URL_NOT_HTTP',
  EVIDENCE_KIND_MISMATCH: 'SAQ_EVIDENCE_KIND_MISMATCH',
  UNKNOWN_EVIDENCE: 'SAQ_UNKNOWN_EVIDENCE',
  DEADLINE_LOCKED: 'SAQ_DEADLINE_LOCKED',
  DEADLINE_BEFORE_OPENING: 'SAQ_DEADLINE_BEFORE_OPENING',
  ENROL_TARGET_REQUIRED: 'SAQ_ENROL_TARGET_REQUIRED',
  ENROLMENT_CLOSED: 'SAQ_ENROLMENT_CLOSED',
} as const;
export type SaqErrorCode = (typeof SaqErrorCode)[keyof typeof SaqErrorCode];

/** Each entry of a refused submit's `details.missing`. */
export const SaqMissingCode = {
  ANSWER_MISSING: 'SAQ_ANSWER_MISSING',
  EVIDENCE_MISSING: 'SAQ_EVIDENCE_MISSING',
} as const;
export type SaqMissingCode = (typeof SaqMissingCode)[keyof typeof SaqMissingCode];

/** Refusals of evidence uploads and downloads; part of the API contract. */
export const EvidenceErrorCode = {
  NOT_FOUND: 'EVIDENCE_NOT_FOUND',
  FILE_REQUIRED: 'EVIDENCE_FILE_REQUIRED',
  TOO_LARGE: 'EVIDENCE_TOO_LARGE',
  NOT_PDF: 'EVIDENCE_NOT_PDF',
  PDF_UNREADABLE: 'EVIDENCE_PDF_UNREADABLE',
  PDF_NO_PAGES: 'EVIDENCE_PDF_NO_PAGES',
  PDF_PASSWORD_PROTECTED: 'EVIDENCE_PDF_PASSWORD_PROTECTED',
  PDF_TIMEOUT: 'EVIDENCE_PDF_TIMEOUT',
} as const;
export type EvidenceErrorCode = (typeof EvidenceErrorCode)[keyof typeof EvidenceErrorCode];
