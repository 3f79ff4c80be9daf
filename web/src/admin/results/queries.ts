import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : R extends { 202: infer S }
        ? JsonOf<S>
        : never
  : never;

export type AssessorProgress = Ok<'/periods/{id}/assignments', 'get'>['items'][number];
export type AutoAssignResult = Ok<'/periods/{id}/assignments/auto', 'post'>;
export type PeriodObjection = Ok<'/periods/{id}/objections', 'get'>['items'][number];
export type FinalistSelection = Ok<'/periods/{id}/finalists', 'post'>;
export type PanelOverviewItem = Ok<'/periods/{id}/panel', 'get'>['items'][number];
export type RankingRun = Ok<'/rankings/{runId}', 'get'>;
export type RankingResult = Ok<'/rankings/{runId}/results', 'get'>['items'][number];
export type RankingComparison = Ok<'/rankings/{runId}/compare', 'get'>;
export type CertificateBatch = Ok<'/certificate-batches/{id}', 'get'>;
export type RevokedCertificate = Ok<'/periods/{id}/certificates/revoked', 'get'>['items'][number];
export type ReportStats = Ok<'/periods/{id}/stats', 'get'>;
export type PreviousYear = Ok<'/periods/{id}/reports/previous-year', 'get'>;

const path = (id: string) => ({ params: { path: { id } } });

export const resultKeys = {
  progress: (id: string) => ['admin', 'results', 'progress', id] as const,
  objections: (id: string) => ['admin', 'results', 'objections', id] as const,
  submitted: (id: string) => ['admin', 'results', 'submitted', id] as const,
  staff: (role: 'assessor' | 'panelist') => ['admin', 'results', 'staff', role] as const,
  panel: (id: string) => ['admin', 'results', 'panel', id] as const,
  runs: (id: string) => ['admin', 'results', 'runs', id] as const,
  run: (runId: string) => ['admin', 'results', 'run', runId] as const,
  results: (runId: string) => ['admin', 'results', 'results', runId] as const,
  compare: (runId: string, against: string) => ['admin', 'results', 'compare', runId, against] as const,
  batches: (id: string) => ['admin', 'results', 'batches', id] as const,
  revoked: (id: string) => ['admin', 'results', 'revoked', id] as const,
  stats: (id: string) => ['admin', 'results', 'stats', id] as const,
  previousYear: (id: string) => ['admin', 'results', 'previous-year', id] as const,
};

const fresh = { staleTime: 0 };

export const useAssessorProgress = (id: string) => useQuery({ queryKey: resultKeys.progress(id), queryFn: () => unwrap(api.GET('/periods/{id}/assignments', path(id))), ...fresh });

export const useOpenObjections = (id: string) =>
  useQuery({ queryKey: resultKeys.objections(id), queryFn: () => unwrap(api.GET('/periods/{id}/objections', { params: { path: { id }, query: { status: 'OPEN' } } })), ...fresh });

/** Participations that can be handed to an assessor or a panelist (submitted or further). */
export const useSubmitted = (id: string) =>
  useQuery({ queryKey: resultKeys.submitted(id), queryFn: () => unwrap(api.GET('/periods/{id}/participants', { params: { path: { id }, query: { pageSize: 500 } } })), ...fresh });

export const useStaff = (role: 'assessor' | 'panelist') =>
  useQuery({ queryKey: resultKeys.staff(role), queryFn: () => unwrap(api.GET('/users', { params: { query: { role, pageSize: 500 } } })), ...fresh });

export const usePanelOverview = (id: string) => useQuery({ queryKey: resultKeys.panel(id), queryFn: () => unwrap(api.GET('/periods/{id}/panel', path(id))), ...fresh });

export const useRuns = (id: string, poll: boolean) =>
  useQuery({ queryKey: resultKeys.runs(id), queryFn: () => unwrap(api.GET('/periods/{id}/rankings', path(id))), refetchInterval: poll ? 1000 : false, ...fresh });

export const useResults = (runId: string | undefined) =>
  useQuery({
    queryKey: resultKeys.results(runId ?? ''),
    enabled: !!runId,
    queryFn: () => unwrap(api.GET('/rankings/{runId}/results', { params: { path: { runId: runId! }, query: { pageSize: 500 } } })),
    staleTime: Infinity,
  });

export const useComparison = (runId: string | undefined, against: string | undefined) =>
  useQuery({
    queryKey: resultKeys.compare(runId ?? '', against ?? ''),
    enabled: !!runId && !!against && runId !== against,
    queryFn: () => unwrap(api.GET('/rankings/{runId}/compare', { params: { path: { runId: runId! }, query: { against: against! } } })),
    staleTime: Infinity,
  });

export const useBatches = (id: string, poll: boolean) =>
  useQuery({ queryKey: resultKeys.batches(id), queryFn: () => unwrap(api.GET('/periods/{id}/certificate-batches', path(id))), refetchInterval: poll ? 1000 : false, ...fresh });

export const useRevoked = (id: string) =>
  useQuery({
    queryKey: resultKeys.revoked(id),
    queryFn: () => unwrap(api.GET('/periods/{id}/certificates/revoked', { params: { path: { id }, query: { pageSize: 500 } } })),
    ...fresh,
  });

export const useStats = (id: string) => useQuery({ queryKey: resultKeys.stats(id), queryFn: () => unwrap(api.GET('/periods/{id}/stats', path(id))), ...fresh });

export const usePreviousYear = (id: string) =>
  useQuery({ queryKey: resultKeys.previousYear(id), queryFn: () => unwrap(api.GET('/periods/{id}/reports/previous-year', path(id))), ...fresh });
