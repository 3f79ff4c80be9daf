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
