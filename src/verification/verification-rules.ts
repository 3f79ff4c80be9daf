/** Rules of verification and assignment (pure). */
import Decimal from 'decimal.js';
import { FieldError, FieldErrorCode } from '../common/field-error';
import { dec, format2 } from '../scoring/decimal';
import { hasConflict } from '../users/conflict-of-interest';

export const VERIFICATION_STATUSES = ['ACCEPTED', 'ADJUSTED', 'EVIDENCE_INACCESSIBLE'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const OBJECTION_DECISIONS = ['ACCEPTED', 'REJECTED'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

/**
 * The points to store for a verification, or what is wrong with it: points within 0..maxPoints;
 * EVIDENCE_INACCESSIBLE stores 0 whatever was sent; a note is required unless the assessor accepts
 * the body's own points unchanged.
 */
/** The points a verified question counts with: an accepted objection's points replace the verifier's. */
export function effectivePoints(v: { points: string | null; objection_points: string | null } | undefined | null): string | null {
  return v?.points == null ? null : (v.objection_points ?? v.points);
}

export function checkVerification(v: { status: VerificationStatus; points: Decimal.Value; note?: string | null; selfPoints: Decimal.Value | null; maxPoints: Decimal.Value }): {
  points: Decimal;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const points = v.status === 'EVIDENCE_INACCESSIBLE' ? dec(0) : dec(v.points);
  if (points.gt(v.maxPoints))
    errors.push({ field: 'points', message: `points must be between 0 and ${format2(v.maxPoints)} (the question's maximum)`, code: FieldErrorCode.OUT_OF_RANGE });
  const acceptedAsIs = v.status === 'ACCEPTED' && v.selfPoints !== null && points.eq(v.selfPoints);
  if (!acceptedAsIs && !v.note?.trim()) {
    errors.push({ field: 'note', message: 'note is required unless the self-assessed points are accepted unchanged', code: FieldErrorCode.REQUIRED });
  }
  return { points, errors };
}

export interface AssignableParticipation {
  id: string;
  body: { id: string; name: string };
  assessorIds: string[];
}
export interface Assessor {
  id: string;
  affiliation: string | null;
  /** assignments it already has in this period */
  load: number;
}

/**
 * Gives each participation `perParticipation` assessors, keeping existing assignments, never an
 * assessor with a conflict, always the least loaded eligible one (ties by id), so loads stay within
 * one of each other wherever conflicts allow.
 */
export function planAssignments(participations: AssignableParticipation[], assessors: Assessor[], perParticipation: number, declared: Set<string>) {
  const load = new Map(assessors.map((a) => [a.id, a.load]));
  const planned: { participationId: string; assessorId: string }[] = [];
  const unassigned: string[] = [];
  let skippedForConflict = 0;
  const conflicts: { participationId: string; assessorId: string }[] = [];
  for (const p of participations) {
    const have = new Set(p.assessorIds);
    let conflicted = false;
    while (have.size < perParticipation) {
      const eligible = assessors.filter((a) => !have.has(a.id));
      const free = eligible.filter((a) => {
        const c = hasConflict(a, p.body, declared);
        if (c && !conflicts.some((x) => x.participationId === p.id && x.assessorId === a.id)) conflicts.push({ participationId: p.id, assessorId: a.id });
        conflicted ||= c;
        return !c;
      });
      if (!free.length) {
        unassigned.push(p.id);
        break;
      }
      free.sort((a, b) => load.get(a.id)! - load.get(b.id)! || Number(a.id) - Number(b.id));
      const pick = free[0];
      have.add(pick.id);
      load.set(pick.id, load.get(pick.id)! + 1);
      planned.push({ participationId: p.id, assessorId: pick.id });
    }
    if (conflicted) skippedForConflict++;
  }
  return { planned, unassigned, skippedForConflict, conflicts };
}
