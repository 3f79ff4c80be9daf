import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const path = (id: string) => ({ params: { path: { id } } });

export const keys = {
  all: ['assessor'] as const,
  assignments: ['assessor', 'assignments'] as const,
  visits: ['assessor', 'visits'] as const,
  verifications: (id: string) => ['assessor', 'verifications', id] as const,
};

// An assessor's work moves under its hands (its own saves, objections filed, stage moves): read fresh.
const fresh = { staleTime: 0 };

export const useAssignments = () => useQuery({ queryKey: keys.assignments, queryFn: () => unwrap(api.GET('/assignments/mine')), ...fresh });

export const useVisits = () => useQuery({ queryKey: keys.visits, queryFn: () => unwrap(api.GET('/visits/mine')), ...fresh });

export const useParticipation = (id: string) =>
  useQuery({ queryKey: ['assessor', 'participation', id], queryFn: () => unwrap(api.GET('/participations/{id}', path(id))), retry: false, ...fresh });

export const usePeriod = (id: string | undefined) =>
  useQuery({ queryKey: ['assessor', 'period', id], enabled: !!id, queryFn: () => unwrap(api.GET('/periods/{id}', path(id!))), staleTime: 60_000 });

export const useInstrument = (periodId: string | undefined, categoryCode: string | undefined) =>
  useQuery({
    queryKey: ['assessor', 'instrument', periodId, categoryCode],
    enabled: !!periodId && !!categoryCode,
    queryFn: () => unwrap(api.GET('/periods/{id}/instrument', { params: { path: { id: periodId! }, query: { categoryCode: categoryCode! } } })),
    staleTime: Infinity,
  });

export const useAnswers = (id: string, enabled = true) =>
  useQuery({ queryKey: ['assessor', 'answers', id], enabled, queryFn: () => unwrap(api.GET('/participations/{id}/answers', path(id))), staleTime: 60_000 });

export const useEvidenceFiles = (id: string, enabled = true) =>
  useQuery({ queryKey: ['assessor', 'evidence', id], enabled, queryFn: () => unwrap(api.GET('/participations/{id}/evidence', path(id))), ...fresh });

export const useVerifications = (id: string, enabled = true) =>
  useQuery({ queryKey: keys.verifications(id), enabled, queryFn: () => unwrap(api.GET('/participations/{id}/verifications', path(id))), ...fresh });
