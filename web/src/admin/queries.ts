import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

const path = (id: string) => ({ params: { path: { id } } });

/** Query keys of the console, so a write invalidates exactly what it changed. */
export const adminKeys = {
  periods: ['admin', 'periods'] as const,
  period: (id: string) => ['admin', 'period', id] as const,
  categories: ['admin', 'categories'] as const,
  bodies: ['admin', 'bodies'] as const,
  users: ['admin', 'users'] as const,
  instrument: (id: string) => ['admin', 'instrument', id] as const,
  participants: (id: string) => ['admin', 'participants', id] as const,
  monitoring: (id: string) => ['admin', 'monitoring', id] as const,
  audit: ['admin', 'audit'] as const,
};

// The console's data changes under the admin's hands (its own writes, other admins): read fresh.
const fresh = { staleTime: 0 };

export const usePeriods = () => useQuery({ queryKey: adminKeys.periods, queryFn: () => unwrap(api.GET('/periods')), ...fresh });

export const useAdminPeriod = (id: string | undefined) =>
  useQuery({ queryKey: adminKeys.period(id ?? ''), enabled: !!id, queryFn: () => unwrap(api.GET('/periods/{id}', path(id!))), ...fresh });

export const useCategories = () => useQuery({ queryKey: adminKeys.categories, queryFn: () => unwrap(api.GET('/categories')), ...fresh });

export type BodiesQuery = NonNullable<paths['/public-bodies']['get']['parameters']['query']>;
export const useBodies = (query: BodiesQuery = {}) =>
  useQuery({ queryKey: [...adminKeys.bodies, query], queryFn: () => unwrap(api.GET('/public-bodies', { params: { query: { pageSize: 500, ...query } } })), ...fresh });

export const useUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: () => unwrap(api.GET('/users', { params: { query: { pageSize: 500 } } })), ...fresh });

export const useInstrument = (periodId: string, categoryCode: string | null) =>
  useQuery({
    queryKey: [...adminKeys.instrument(periodId), categoryCode ?? ''],
    queryFn: () => unwrap(api.GET('/periods/{id}/instrument', { params: { path: { id: periodId }, query: categoryCode ? { categoryCode } : {} } })),
    ...fresh,
  });

export const useParticipants = (periodId: string, page: number) =>
  useQuery({
    queryKey: [...adminKeys.participants(periodId), page],
    queryFn: () => unwrap(api.GET('/periods/{id}/participants', { params: { path: { id: periodId }, query: { page, pageSize: 100 } } })),
    ...fresh,
  });

export type MonitoringQuery = NonNullable<paths['/periods/{id}/monitoring']['get']['parameters']['query']>;
/** Read again every `pollMs` while the SAQ runs (0: no polling). */
export const useMonitoring = (periodId: string, query: MonitoringQuery, pollMs: number) =>
  useQuery({
    queryKey: [...adminKeys.monitoring(periodId), query],
    queryFn: () => unwrap(api.GET('/periods/{id}/monitoring', { params: { path: { id: periodId }, query } })),
    refetchInterval: pollMs || false,
    placeholderData: (previous) => previous,
    ...fresh,
  });

export type AuditQuery = NonNullable<paths['/audit']['get']['parameters']['query']>;
export const useAudit = (query: AuditQuery) =>
  useQuery({ queryKey: [...adminKeys.audit, query], queryFn: () => unwrap(api.GET('/audit', { params: { query } })), placeholderData: (previous) => previous, ...fresh });
