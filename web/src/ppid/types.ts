/** What the PPID pages read from the API (docs/api.md, src/saq and src/verification). */

export interface Progress {
  answered: number;
  total: number;
  missingEvidence: number;
}

export interface AspectProgress extends Progress {
  aspectCode: string;
  title: string;
}

export interface Participation {
  id: string;
  periodId: string;
  periodYear: number;
  stage: string;
  publicBody: { id: string; name: string };
  categoryCode: string;
  status: string;
  deadline: string | null;
  deadlineExtended: boolean;
  submittedAt: string | null;
  writable: boolean;
  progress: Progress;
  progressByAspect: AspectProgress[];
  evidenceMaxBytes: number;
}

export interface Period {
  id: string;
  year: number;
  name: string;
  timezone: string;
  stage: string;
  schedule: Record<string, { opensAt: string; closesAt: string } | undefined>;
}

export type QuestionType = 'YES_NO' | 'CHOICE' | 'MULTI_CHOICE' | 'NUMBER' | 'TEXT';
export type EvidenceKind = 'NONE' | 'FILE' | 'URL' | 'FILE_OR_URL';

export interface Question {
  code: string;
  text: string;
  type: QuestionType;
  maxPoints: string;
  options?: { value: string; label: string; points: string }[];
  evidence: EvidenceKind;
  required: boolean;
}

export interface Aspect {
  code: string;
  title: string;
  questions: Question[];
}

export interface Instrument {
  aspects: Aspect[];
}

export interface Answer {
  questionCode: string;
  value: unknown;
  evidenceIds: string[];
  url: string | null;
  selfPoints: string;
  version: number;
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface Objection {
  id: string;
  status: 'OPEN' | 'ACCEPTED' | 'REJECTED';
  reason: string;
  pointsBefore: string | null;
  pointsAfter: string | null;
  decisionNote: string | null;
}

export interface VerificationItem {
  questionCode: string;
  aspectCode: string;
  maxPoints: string;
  selfPoints: string | null;
  verifiedPoints: string | null;
  effectivePoints: string | null;
  status: string | null;
  note: string | null;
  objection: Objection | null;
}

export interface Verifications {
  saqScore: string;
  items: VerificationItem[];
}

export interface CertificateMeta {
  code: string;
  issuedAt: string;
  revoked: boolean;
}

export interface MissingItem {
  questionCode: string;
  missing: 'ANSWER' | 'EVIDENCE';
}

export const STAGE_LABELS: Record<string, string> = {
  PREPARATION: 'Persiapan',
  REGISTRATION: 'Registrasi',
  SAQ: 'Pengisian kuesioner (SAQ)',
  VERIFICATION: 'Verifikasi',
  OBJECTION: 'Masa sanggah',
  VISITATION: 'Visitasi',
  PRESENTATION: 'Presentasi',
  FINALIZATION: 'Finalisasi',
  PUBLISHED: 'Diumumkan',
  ARCHIVED: 'Diarsipkan',
};

export const STATUS_LABELS: Record<string, string> = {
  INVITED: 'Diundang',
  IN_PROGRESS: 'Sedang diisi',
  SUBMITTED: 'Terkirim',
  VERIFIED: 'Terverifikasi',
  FINALIST: 'Finalis',
  RANKED: 'Dinilai',
  NOT_PARTICIPATING: 'Tidak Mengikuti Monev',
};

/** The stages from OBJECTION on, when the body reads its verification. */
export const FROM_OBJECTION = ['OBJECTION', 'VISITATION', 'PRESENTATION', 'FINALIZATION', 'PUBLISHED', 'ARCHIVED'];
