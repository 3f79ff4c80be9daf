/** Refusals of ranking runs and publication; part of the API contract. */
export const RankingErrorCode = {
  RUN_NOT_FOUND: 'RANKING_RUN_NOT_FOUND',
  COMPUTE_WRONG_STAGE: 'RANKING_COMPUTE_WRONG_STAGE',
  RUN_NOT_DONE: 'RANKING_RUN_NOT_DONE',
  NOT_PUBLISHED: 'RANKING_NOT_PUBLISHED',
} as const;
