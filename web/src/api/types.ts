/**
 * Response types the pages use. Where the API's OpenAPI document declares a response body, the
 * generated type is used (so a changed API breaks the portal's type-check); where it does not yet,
 * the local shape below (from docs/api.md and the services) stands in until it does.
 */
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : unknown;
type OkBody<Op> = Op extends { responses: infer R } ? (R extends { 200: infer S } ? JsonOf<S> : R extends { 201: infer S } ? JsonOf<S> : unknown) : unknown;
type Response<P extends keyof paths, M extends keyof paths[P]> = OkBody<paths[P][M]>;
/** The generated type once the API declares it, else the local one (an undeclared body reads as `unknown` or as an empty object). */
type Declared<Generated, Local> = unknown extends Generated ? Local : string extends keyof Generated ? (Generated extends Record<string, never> ? Local : Generated) : Generated;

export type Role = 'admin' | 'public_body' | 'assessor' | 'panelist';

interface LocalOrganizers {
  items: { slug: string; name: string; level: 'PUSAT' | 'PROVINSI' | 'KABUPATEN_KOTA'; region: string | null }[];
}

interface LocalPublishedPeriods {
  organizer: { slug: string; name: string };
  items: { year: number; name: string; timezone: string; publishedAt: string }[];
}

interface LocalRankingItem {
  publicBody: string;
  categoryCode: string;
  categoryName: string;
  status: string;
  finalist: boolean;
  saqScore: string | null;
  visitationScore: string | null;
  presentationScore: string | null;
  finalScore: string | null;
  qualification: string;
  qualificationLabel: string;
  rankInCategory: number | null;
  rankOverall: number | null;
}

interface LocalPublicRanking {
  year: number;
  periodName: string;
  organizer: { slug: string; name: string };
  publishedAt: string;
  items: LocalRankingItem[];
  total: number;
  page: number;
  pageSize: number;
}

interface LocalCertificateCheck {
  valid: boolean;
  revoked: boolean;
  publicBody: string;
  categoryCode: string;
  year: number;
  qualification: string;
  qualificationLabel: string;
  finalScore: string | null;
  rankInCategory: number | null;
  organizer: string;
  timezone: string;
  issuedAt: string;
  revokedAt?: string;
}

interface LocalLogin {
  accessToken: string;
  user: { id: string; email: string; name: string; role: Role; publicBodyId: string | null };
}

export type Organizers = Declared<Response<'/organizers', 'get'>, LocalOrganizers>;
export type PublishedPeriods = Declared<Response<'/public/organizers/{slug}/periods', 'get'>, LocalPublishedPeriods>;
export type PublicRanking = Declared<Response<'/public/periods/{year}/ranking', 'get'>, LocalPublicRanking>;
export type RankingItem = PublicRanking['items'][number];
export type CertificateCheck = Declared<Response<'/public/certificates/{code}', 'get'>, LocalCertificateCheck>;
export type LoginResult = Declared<Response<'/auth/login', 'post'>, LocalLogin>;
export type SessionUser = LoginResult['user'];
