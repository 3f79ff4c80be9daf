import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, API_BASE, unwrap } from './client';
import type { CertificateCheck, Organizers, PublicRanking, PublishedPeriods } from './types';

/** The largest page the API serves; the public ranking is read whole, page by page. */
const PAGE_SIZE = 500;

export const useOrganizers = () => useQuery({ queryKey: ['organizers'], queryFn: () => unwrap<Organizers>(api.GET('/organizers')) });

export const usePublishedPeriods = (slug: string) =>
  useQuery({ queryKey: ['published-periods', slug], queryFn: () => unwrap<PublishedPeriods>(api.GET('/public/organizers/{slug}/periods', { params: { path: { slug } } })) });

export async function fetchWholeRanking(organizer: string, year: number): Promise<PublicRanking> {
  const first = await unwrap<PublicRanking>(api.GET('/public/periods/{year}/ranking', { params: { path: { year }, query: { organizer, pageSize: PAGE_SIZE } } }));
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) {
    const next = await unwrap<PublicRanking>(api.GET('/public/periods/{year}/ranking', { params: { path: { year }, query: { organizer, pageSize: PAGE_SIZE, page } } }));
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items };
}

export const rankingQuery = (organizer: string, year: number) =>
  queryOptions({ queryKey: ['public-ranking', organizer, year], queryFn: () => fetchWholeRanking(organizer, year), enabled: Number.isInteger(year) });

export const usePublicRanking = (organizer: string, year: number) => useQuery(rankingQuery(organizer, year));

/** A ranking opened directly (a shared link) is fetched while its page's code still loads. */
export function prefetchForLocation(client: QueryClient, pathname: string): void {
  const m = /^\/peringkat\/([^/]+)\/(\d{4})\/?$/.exec(pathname);
  if (m) void client.prefetchQuery(rankingQuery(decodeURIComponent(m[1]), Number(m[2])));
}

export const useCertificateCheck = (code: string) =>
  useQuery({ queryKey: ['certificate', code], queryFn: () => unwrap<CertificateCheck>(api.GET('/public/certificates/{code}', { params: { path: { code } } })) });

/** The open-data files of a published ranking (plain links, for anyone). */
export const rankingFiles = (organizer: string, year: number) => {
  const q = `organizer=${encodeURIComponent(organizer)}`;
  return { csv: `${API_BASE}/public/periods/${year}/ranking.csv?${q}`, json: `${API_BASE}/public/periods/${year}/ranking?${q}&pageSize=${PAGE_SIZE}` };
};
