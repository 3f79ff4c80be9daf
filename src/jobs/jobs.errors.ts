/** Refusals of the jobs module; part of the API contract. */
export const JobErrorCode = {
  QUEUE_NOT_FOUND: 'JOB_QUEUE_NOT_FOUND',
  NOT_FOUND: 'JOB_NOT_FOUND',
} as const;
