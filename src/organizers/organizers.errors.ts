/** Refusals of the organizers module; part of the API contract. */
export const OrganizerErrorCode = {
  NOT_FOUND: 'ORGANIZER_NOT_FOUND',
  PLATFORM_ADMIN_ONLY: 'ORGANIZER_PLATFORM_ADMIN_ONLY',
  SLUG_TAKEN: 'ORGANIZER_SLUG_TAKEN',
} as const;
