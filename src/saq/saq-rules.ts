/** Rules of filling and submitting an SAQ (pure): deadlines, evidence kinds, completeness, progress. */
import type { EvidenceKind } from '../instruments/instrument-rules';
import { unreachable } from '../scoring/never';
import { SaqErrorCode, SaqMissingCode } from './saq.errors';

/** The body's own deadline when it has one, else the SAQ window's end. */
export function effectiveDeadline(saqClosesAt: string | undefined, override: Date | null): Date | null {
  if (override) return override;
  return saqClosesAt ? new Date(saqClosesAt) : null;
}

/** What the write rules read of a participation and its period. */
export interface SaqWriteState {
  stage: string;
  status: string;
  submittedAt: Date | null;
  deadlineOverride: Date | null;
  schedule: { SAQ?: { closesAt?: string } };
}

/** Why the body may not write its SAQ (answers, evidence, submit) at `now`, or null when it may. `closesAt` is exclusive. */
export function saqWriteRefusal(p: SaqWriteState, now: Date): { code: SaqErrorCode; message: string; details: Record<string, unknown> } | null {
  if (p.stage !== 'SAQ') return { code: SaqErrorCode.WINDOW_CLOSED, message: `The SAQ is closed: the period is in ${p.stage}`, details: { stage: p.stage } };
  if (p.status === 'SUBMITTED' || p.submittedAt)
    return { code: SaqErrorCode.ALREADY_SUBMITTED, message: 'The SAQ is already submitted and can no longer change', details: { status: p.status } };
  if (p.status === 'NOT_PARTICIPATING') return { code: SaqErrorCode.NOT_PARTICIPATING, message: 'This body no longer takes part in the monev', details: { status: p.status } };
  const deadline = effectiveDeadline(p.schedule.SAQ?.closesAt, p.deadlineOverride);
  if (deadline && now.getTime() >= deadline.getTime()) {
    return { code: SaqErrorCode.DEADLINE_PASSED, message: `The SAQ deadline passed at ${deadline.toISOString()}`, details: { deadline: deadline.toISOString() } };
  }
  return null;
}

/** Which evidence an answer carries, judged against what its question asks. */
export function evidenceProblem(kind: EvidenceKind, has: { files: number; url: boolean }): string | null {
  if (kind === 'NONE' && (has.files || has.url)) return 'this question takes no evidence';
  if (kind === 'FILE' && has.url) return 'this question takes a PDF file, not a link';
  if (kind === 'URL' && has.files) return 'this question takes a link, not a file';
  return null;
}

export function hasRequiredEvidence(kind: EvidenceKind, has: { files: number; url: boolean }): boolean {
  switch (kind) {
    case 'NONE':
      return true;
    case 'FILE':
      return has.files > 0;
    case 'URL':
      return has.url;
    case 'FILE_OR_URL':
      return has.files > 0 || has.url;
    default:
      return unreachable(kind, 'evidence kind');
  }
}

const EVIDENCE_NAME: Record<EvidenceKind, string> = { NONE: 'nothing', FILE: 'a PDF file', URL: 'a link', FILE_OR_URL: 'a PDF file or a link' };

export interface QuestionForSubmit {
  code: string;
  aspectCode?: string;
  required: boolean;
  evidence: EvidenceKind;
}
export interface AnswerForSubmit {
  files: number;
  url: boolean;
}
export interface MissingItem {
  questionCode: string;
  missing: 'ANSWER' | 'EVIDENCE';
  code: SaqMissingCode;
  message: string;
}

/** Every question still unanswered (when required) or missing the evidence it needs. */
export function missingForSubmit(questions: QuestionForSubmit[], answers: Map<string, AnswerForSubmit>): MissingItem[] {
  const out: MissingItem[] = [];
  for (const q of questions) {
    const a = answers.get(q.code);
    if (!a) {
      if (q.required) out.push({ questionCode: q.code, missing: 'ANSWER', code: SaqMissingCode.ANSWER_MISSING, message: `question ${q.code} is not answered` });
      continue;
    }
    if (!hasRequiredEvidence(q.evidence, a))
      out.push({ questionCode: q.code, missing: 'EVIDENCE', code: SaqMissingCode.EVIDENCE_MISSING, message: `question ${q.code} needs ${EVIDENCE_NAME[q.evidence]} as evidence` });
  }
  return out;
}

export function progressOf(questions: QuestionForSubmit[], answers: Map<string, AnswerForSubmit>) {
  let answered = 0;
  let missingEvidence = 0;
  for (const q of questions) {
    const a = answers.get(q.code);
    if (!a) continue;
    answered++;
    if (!hasRequiredEvidence(q.evidence, a)) missingEvidence++;
  }
  return { answered, total: questions.length, missingEvidence };
}

/** progressOf per aspect, in the instrument's order of aspects (aspects with no applicable question left out). */
export function progressByAspect(aspects: { code: string; title: string }[], questions: QuestionForSubmit[], answers: Map<string, AnswerForSubmit>) {
  return aspects
    .map((a) => ({
      aspectCode: a.code,
      title: a.title,
      ...progressOf(
        questions.filter((q) => q.aspectCode === a.code),
        answers,
      ),
    }))
    .filter((a) => a.total > 0);
}

export const isHttpUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
  } catch {
    return false;
  }
};

/** A client file name kept only as display text: no path, no control characters, bounded. */
export function displayFileName(original: string | undefined): string {
  const base = (original ?? 'evidence.pdf').split(/[\\/]/).pop() ?? 'evidence.pdf';
  // Bounded by code points, so an emoji at the cut is not split into half a surrogate pair.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, '').trim())
    .slice(0, 200)
    .join('')
    .trim();
  return clean || 'evidence.pdf';
}

export const isPdf = (buf: Buffer): boolean => buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-';
