/** Refusals of the access layer (whose participations a caller may see); part of the API contract. */
export const ParticipationErrorCode = {
  NOT_FOUND: 'PARTICIPATION_NOT_FOUND',
} as const;
