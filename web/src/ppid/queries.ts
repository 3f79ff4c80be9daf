import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const path = (id: string) => ({ params: { path: { id } } });

export const keys = {
  mine: ['ppid', 'mine'] as const,
  participation: (id: string) => ['ppid', 'participation', id] as const,
  answers: (id: string) => ['ppid', 'answers', id] as const,
  evidence: (id: string) => ['ppid', 'evidence', id] as const,
  verifications: (id: string) => ['ppid', 'verifications', id] as const,
};

// What a PPID works on changes under its hands (its own saves, the admin's stage moves): read fresh.
const fresh = { staleTime: 0 };

export const useMine = () => useQuery({ queryKey: keys.mine, queryFn: () => unwrap(api.GET('/participations/mine')), ...fresh });

export const useParticipation = (id: string) =>
  useQuery({ queryKey: keys.participation(id), queryFn: () => unwrap(api.GET('/participations/{id}', path(id))), ...fresh });

export const usePeriod = (id: string | undefined) =>
  useQuery({ queryKey: ['ppid', 'period', id], enabled: !!id, queryFn: () => unwrap(api.GET('/periods/{id}', path(id!))), ...fresh });

export const useInstrument = (periodId: string | undefined, categoryCode: string | undefined) =>
  useQuery({
    queryKey: ['ppid', 'instrument', periodId, categoryCode],
    enabled: !!periodId && !!categoryCode,
    queryFn: () => unwrap(api.GET('/periods/{id}/instrument', { params: { path: { id: periodId! }, query: { categoryCode: categoryCode! } } })),
    staleTime: Infinity,
  });

export const useAnswers = (id: string) =>
  useQuery({ queryKey: keys.answers(id), queryFn: () => unwrap(api.GET('/participations/{id}/answers', path(id))), ...fresh });

export const useEvidenceFiles = (id: string) =>
  useQuery({ queryKey: keys.evidence(id), queryFn: () => unwrap(api.GET('/participations/{id}/evidence', path(id))), ...fresh });

export const useVerifications = (id: string, enabled = true) =>
  useQuery({ queryKey: keys.verifications(id), enabled, queryFn: () => unwrap(api.GET('/participations/{id}/verifications', path(id))), ...fresh });

export const useCertificateMeta = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['ppid', 'certificate', id],
    enabled,
    queryFn: () => unwrap(api.GET('/participations/{id}/certificate/meta', path(id))),
    ...fresh,
  });

/** The certificate PDF, fetched with the session's token, as a Blob to save. */
export const certificatePdf = (id: string) => unwrap(api.GET('/participations/{id}/certificate', { ...path(id), parseAs: 'blob' }));
