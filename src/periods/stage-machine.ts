/**
 * The monev cycle as data: the order of stages, which moves are allowed, and the preconditions of
 * each move. Pure: no framework or database import. The service gathers the facts, this file decides.
 */
import { PeriodPreconditionCode } from './periods.errors';

export const STAGES = ['PREPARATION', 'REGISTRATION', 'SAQ', 'VERIFICATION', 'OBJECTION', 'VISITATION', 'PRESENTATION', 'FINALIZATION', 'PUBLISHED', 'ARCHIVED'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that take input within a window of the schedule. */
export const WINDOWED_STAGES = ['SAQ', 'VERIFICATION', 'OBJECTION', 'VISITATION', 'PRESENTATION'] as const;
export type WindowedStage = (typeof WINDOWED_STAGES)[number];

/** The stages a period goes through: VISITATION only when the period weights it. */
export function stagesOf(usesVisitation: boolean): Stage[] {
  return STAGES.filter((s) => s !== 'VISITATION' || usesVisitation);
}

export const stageIndex = (s: Stage): number => STAGES.indexOf(s);
export const isBefore = (a: Stage, b: Stage): boolean => stageIndex(a) < stageIndex(b);

export type MoveCheck = { ok: true } | { ok: false; reason: string };

/** Only the next stage of this period's path is a legal move; backward and skipping moves are refused. */
export function checkMove(from: Stage, to: Stage, usesVisitation: boolean): MoveCheck {
  const path = stagesOf(usesVisitation);
  if (!path.includes(to)) return { ok: false, reason: `${to} is not a stage of this period (it has no visitation weight)` };
  const i = path.indexOf(from);
  const j = path.indexOf(to);
  if (j === i) return { ok: false, reason: `The period is already in ${to}` };
  if (j < i) return { ok: false, reason: `Moving backwards from ${from} to ${to} is not allowed` };
  if (j > i + 1) return { ok: false, reason: `Cannot skip from ${from} to ${to}; the next stage is ${path[i + 1]}` };
  return { ok: true };
}

/**
 * Publishing a ranking: from FINALIZATION it is the move to PUBLISHED; in PUBLISHED it replaces the
 * published run (a correction) and the stage stays.
 */
export function checkPublish(from: Stage, usesVisitation: boolean): MoveCheck {
  if (from === 'PUBLISHED') return { ok: true };
  if (from !== 'FINALIZATION') return { ok: false, reason: `A ranking is published from FINALIZATION (or PUBLISHED, to correct it); the period is in ${from}` };
  return checkMove(from, 'PUBLISHED', usesVisitation);
}

/** What the service knows about the period when it moves; a fact left undefined is not checked. */
export interface StageFacts {
  questionCount: number;
  participantCount: number;
  /** Bodies whose own extended SAQ deadline has not passed yet and that have not submitted. */
  runningExtensions: number;
  /** Submitted participations not yet VERIFIED. */
  unverifiedSubmissions?: number;
  openObjections?: number;
  finalistCount?: number;
  /** Finalists missing a complete presentation sheet from an assigned panelist. */
  finalistsMissingSheets?: number;
  publishedRun?: boolean;
}

export interface Precondition {
  /** The move it guards: leaving `from` (for `to` only, when given). */
  from: Stage;
  to?: Stage;
  code: PeriodPreconditionCode;
  unmet(f: StageFacts): string | null;
}

/** The precondition table; each later capability adds its rows here. */
export const PRECONDITIONS: Precondition[] = [
  { from: 'PREPARATION', code: PeriodPreconditionCode.NO_INSTRUMENT, unmet: (f) => (f.questionCount > 0 ? null : 'the instrument has no question') },
  { from: 'PREPARATION', code: PeriodPreconditionCode.NO_PARTICIPANTS, unmet: (f) => (f.participantCount > 0 ? null : 'no public body is enrolled') },
  { from: 'REGISTRATION', code: PeriodPreconditionCode.NO_INSTRUMENT, unmet: (f) => (f.questionCount > 0 ? null : 'the instrument has no question') },
  { from: 'REGISTRATION', code: PeriodPreconditionCode.NO_PARTICIPANTS, unmet: (f) => (f.participantCount > 0 ? null : 'no public body is enrolled') },
  {
    from: 'SAQ',
    code: PeriodPreconditionCode.EXTENSION_RUNNING,
    unmet: (f) => (f.runningExtensions > 0 ? `${f.runningExtensions} public bod${f.runningExtensions === 1 ? 'y has' : 'ies have'} an extended SAQ deadline still running` : null),
  },
  {
    from: 'VERIFICATION',
    code: PeriodPreconditionCode.UNVERIFIED_SAQ,
    unmet: (f) => (f.unverifiedSubmissions ? `${f.unverifiedSubmissions} submitted SAQ(s) are not verified yet` : null),
  },
  { from: 'OBJECTION', code: PeriodPreconditionCode.OPEN_OBJECTIONS, unmet: (f) => (f.openObjections ? `${f.openObjections} objection(s) are still open` : null) },
  {
    from: 'OBJECTION',
    to: 'PRESENTATION',
    code: PeriodPreconditionCode.NO_FINALISTS,
    unmet: (f) => (f.finalistCount === 0 ? 'no finalist is selected; run POST /periods/:id/finalists' : null),
  },
  { from: 'VISITATION', code: PeriodPreconditionCode.NO_FINALISTS, unmet: (f) => (f.finalistCount === 0 ? 'no finalist is selected; run POST /periods/:id/finalists' : null) },
  {
    from: 'PRESENTATION',
    code: PeriodPreconditionCode.MISSING_PRESENTATION_SHEETS,
    unmet: (f) => (f.finalistsMissingSheets ? `${f.finalistsMissingSheets} finalist(s) lack a complete sheet from an assigned panelist` : null),
  },
  {
    from: 'FINALIZATION',
    code: PeriodPreconditionCode.NO_PUBLISHED_RUN,
    unmet: (f) => (f.publishedRun ? null : 'no ranking run is published; publish one with POST /periods/:id/publish'),
  },
];

export interface UnmetPrecondition {
  code: PeriodPreconditionCode;
  message: string;
}

export function unmetPreconditions(from: Stage, facts: StageFacts, to?: Stage): UnmetPrecondition[] {
  return PRECONDITIONS.filter((p) => p.from === from && (!p.to || !to || p.to === to))
    .map((p) => ({ code: p.code, message: p.unmet(facts) }))
    .filter((u): u is UnmetPrecondition => u.message !== null);
}

/**
 * Whether a stage's writes are open: the period is in that stage and the instant is before the
 * window's end (`closesAt` itself is already closed). `deadline` overrides the window's end (a body's
 * own SAQ extension).
 */
export function isWindowOpen(current: Stage, stage: WindowedStage, closesAt: Date, now: Date): boolean {
  return current === stage && now.getTime() < closesAt.getTime();
}
