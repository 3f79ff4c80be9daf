/** Refusals of the reports module; part of the API contract. */
export const ReportErrorCode = {
  RUN_NOT_DONE: 'REPORT_RUN_NOT_DONE',
  NO_RUN: 'REPORT_NO_RUN',
} as const;
