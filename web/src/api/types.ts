/**
 * Response types the pages use, all generated from the API's OpenAPI document (every route declares
 * its response DTO), so a changed API breaks the portal's type-check.
 */
import type { components, paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type OkBody<Op> = Op extends { responses: infer R } ? (R extends { 200: infer S } ? JsonOf<S> : R extends { 201: infer S } ? JsonOf<S> : never) : never;
type Response<P extends keyof paths, M extends keyof paths[P]> = OkBody<paths[P][M]>;

export type Role = components['schemas']['Role'];
export type Organizers = Response<'/organizers', 'get'>;
export type PublishedPeriods = Response<'/public/organizers/{slug}/periods', 'get'>;
export type PublicRanking = Response<'/public/periods/{year}/ranking', 'get'>;
export type RankingItem = PublicRanking['items'][number];
export type CertificateCheck = Response<'/public/certificates/{code}', 'get'>;
export type LoginResult = Response<'/auth/login', 'post'>;
export type SessionUser = LoginResult['user'];

type Schemas = components['schemas'];

// A PPID's pages (web/src/ppid/).
export type Stage = Schemas['Stage'];
export type ParticipationStatus = Schemas['ParticipationStatus'];
export type Participation = Response<'/participations/{id}', 'get'>;
export type Period = Response<'/periods/{id}', 'get'>;
export type Instrument = Response<'/periods/{id}/instrument', 'get'>;
export type Question = Instrument['aspects'][number]['questions'][number];
export type EvidenceKind = Schemas['EvidenceKind'];
export type Answer = Response<'/participations/{id}/answers', 'get'>['items'][number];
export type SaveAnswer = NonNullable<paths['/participations/{id}/answers/{questionCode}']['put']['requestBody']>['content']['application/json'];
export type EvidenceFile = Response<'/participations/{id}/evidence', 'get'>['items'][number];
export type VerificationItem = Response<'/participations/{id}/verifications', 'get'>['items'][number];

/**
 * One entry of a refused submit's 422 `details.missing` (src/saq/saq-rules.ts). Error details are
 * not typed per route in the OpenAPI document, so this one shape is written here.
 */
export interface MissingItem {
  questionCode: string;
  missing: 'ANSWER' | 'EVIDENCE';
}

/**
 * A request's score or points (a decimal string, api.md). The generator types these `string | number`
 * fields (IsDecimalInput) as an empty object, so a decimal string passes through this one cast.
 */
export type DecimalInput = Record<string, never>;
export const decimalInput = (text: string): DecimalInput => text as unknown as DecimalInput;

// The assessor's and the panelist's pages (web/src/assessor/, web/src/panel/).
export type Assignment = Response<'/assignments/mine', 'get'>['items'][number];
export type PanelFinalist = Response<'/panel/mine', 'get'>['items'][number];
// Accounts by e-mail (web/src/public/SetPasswordPage.tsx, ForgotPasswordPage.tsx) and the console's e-mail pages (web/src/admin/notices/).
type Accepted<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 202: infer S } } ? JsonOf<S> : never;
export type AccountLink = Response<'/account/activation/{token}', 'get'>;
export type ResetRequested = Accepted<'/account/password-reset', 'post'>;
export type BodyInvitation = Response<'/periods/{id}/invitations', 'get'>['items'][number];
export type InvitationBatch = Response<'/invitation-batches/{id}', 'get'>;
export type InvitationBatchQueued = Accepted<'/periods/{id}/invitations', 'post'>;
export type OutboxPage = Response<'/notifications', 'get'>;
export type OutboxItem = OutboxPage['items'][number];
export type NotificationStatus = Schemas['NotificationStatus'];
