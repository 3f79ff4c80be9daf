/** Conflict-of-interest rules shared by assessor and panelist assignment (pure). */

/** Case- and space-insensitive form of a name: "Universitas  Palangka Raya" ~ "universitaspalangkaraya". */
export const normalizeName = (s: string | null | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, '');

/** An affiliation names the body when it is the body's name, ignoring case and spaces. */
export function affiliationNamesBody(affiliation: string | null | undefined, bodyName: string): boolean {
  const a = normalizeName(affiliation);
  return a.length > 0 && a === normalizeName(bodyName);
}

export interface Person {
  id: string;
  affiliation: string | null;
}
export interface Body {
  id: string;
  name: string;
}

/** Whether `person` may not judge `body`: its affiliation names it, or an explicit conflict was declared. */
export function hasConflict(person: Person, body: Body, declared: Set<string>): boolean {
  return affiliationNamesBody(person.affiliation, body.name) || declared.has(conflictKey(person.id, body.id));
}

export const conflictKey = (userId: string, bodyId: string) => `${userId}|${bodyId}`;
