import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const path = (id: string) => ({ params: { path: { id } } });

/** Query keys of the console, so a write invalidates exactly what it changed. */
export const adminKeys = {
  periods: ['admin', 'periods'] as const,
  period: (id: string) => ['admin', 'period', id] as const,
  categories: ['admin', 'categories'] as const,
  bodies: ['admin', 'bodies'] as const,
  users: ['admin', 'users'] as const,
  instrument: (id: string, categoryCode: string | undefined) => ['admin', 'instrument', id, categoryCode ?? ''] as const,
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
