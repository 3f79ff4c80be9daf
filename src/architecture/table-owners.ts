/**
 * Every table and the one module (a folder under src/) that owns it: only the owner's sources name
 * the table in SQL or inject its entity; other modules go through the owner's exported service or
 * read interface. `architecture.spec.ts` holds the code to this map; a new table gets a row here in
 * the same change as its migration.
 */
export const TABLE_OWNERS = {
  organizers: 'organizers',
  users: 'users',
  user_conflicts: 'users',
  refresh_tokens: 'auth',
  audit_log: 'audit',
  categories: 'public-bodies',
  public_bodies: 'public-bodies',
  periods: 'periods',
  aspects: 'instruments',
  questions: 'instruments',
  participations: 'saq',
  evidence: 'saq',
  answers: 'saq',
  assignments: 'verification',
  verifications: 'verification',
  aspect_subtotals: 'verification',
  objections: 'verification',
  finalist_selections: 'panel',
  panel_assignments: 'panel',
  visitor_assignments: 'panel',
  visitation_scores: 'panel',
  presentation_sheets: 'panel',
  ranking_runs: 'rankings',
  ranking_results: 'rankings',
  certificate_batches: 'certificates',
  certificates: 'certificates',
  account_links: 'notifications',
  notifications: 'notifications',
  invitation_batches: 'notifications',
} as const;

export type Table = keyof typeof TABLE_OWNERS;
