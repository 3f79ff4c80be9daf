import { ParticipationErrorCode } from './access/access.errors';
import { AuthErrorCode } from './auth/auth.errors';
import { CertificateErrorCode } from './certificates/certificates.errors';
import { CommonErrorCode } from './common/error-codes';
import { InstrumentErrorCode } from './instruments/instruments.errors';
import { JobErrorCode } from './jobs/jobs.errors';
import { NotificationErrorCode } from './notifications/notifications.errors';
import { OrganizerErrorCode } from './organizers/organizers.errors';
import { PanelErrorCode } from './panel/panel.errors';
import { PeriodErrorCode, PeriodPreconditionCode } from './periods/periods.errors';
import { PublicBodyErrorCode } from './public-bodies/public-bodies.errors';
import { RankingErrorCode } from './rankings/rankings.errors';
import { ReportErrorCode } from './reports/reports.errors';
import { EvidenceErrorCode, SaqErrorCode, SaqMissingCode } from './saq/saq.errors';
import { FieldErrorCode } from './scoring/field-error';
import { UserErrorCode } from './users/users.errors';
import { ObjectionErrorCode, VerificationErrorCode } from './verification/verification.errors';

/**
 * Every module's error codes (the `code` of an error body), by module: the one list the OpenAPI
 * enum (openapi-document.ts) and the tests read. At the composition root, since it names every module.
 */
export const ERROR_CODES_BY_MODULE = {
  common: CommonErrorCode,
  access: ParticipationErrorCode,
  auth: AuthErrorCode,
  users: UserErrorCode,
  organizers: OrganizerErrorCode,
  publicBodies: PublicBodyErrorCode,
  periods: PeriodErrorCode,
  instruments: InstrumentErrorCode,
  saq: SaqErrorCode,
  evidence: EvidenceErrorCode,
  verification: VerificationErrorCode,
  objections: ObjectionErrorCode,
  panel: PanelErrorCode,
  rankings: RankingErrorCode,
  certificates: CertificateErrorCode,
  reports: ReportErrorCode,
  jobs: JobErrorCode,
  notifications: NotificationErrorCode,
} as const;

/** The codes of the entries of `details`: a field error, an unmet advance precondition, a missing SAQ answer or evidence. */
export const DETAIL_CODES_BY_KIND = {
  field: FieldErrorCode,
  periodPrecondition: PeriodPreconditionCode,
  saqMissing: SaqMissingCode,
} as const;

type ValuesOf<T> = { [K in keyof T]: T[K][keyof T[K]] }[keyof T];
export type ErrorCode = ValuesOf<typeof ERROR_CODES_BY_MODULE>;
export type DetailCode = ValuesOf<typeof DETAIL_CODES_BY_KIND>;

const valuesOf = (groups: Record<string, Record<string, string>>) => Object.values(groups).flatMap((g) => Object.values(g));
export const ALL_ERROR_CODES = valuesOf(ERROR_CODES_BY_MODULE) as ErrorCode[];
export const ALL_DETAIL_CODES = valuesOf(DETAIL_CODES_BY_KIND) as DetailCode[];
