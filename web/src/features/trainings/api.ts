import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Body, Schema } from '../../app/contract';
import type { Partner } from '../actions/api';

export type SessionCounts = Schema<'TrainingCounts'>;
export type TrainingSession = Schema<'TrainingSession'>;
export type Trainee = Schema<'TrainingTrainee'>;
export type TrainingSessionRecord = Schema<'TrainingSessionRecord'>;
export type TrainingTotals = Schema<'TrainingTotals'>;

/** A partner of the delegation, as the partners registry lists it (`GET /api/partners`). */
export type PartnerOption = Pick<Partner, 'id' | 'name'>;

export const trainingsKeys = {
  all: ['trainings'] as const,
  year: (year: number) => ['trainings', 'year', year] as const,
  totals: (year: number) => ['trainings', 'totals', year] as const,
  session: (id: string) => ['trainings', 'session', id] as const,
  partners: ['trainings', 'partner-options'] as const,
};

export function useSessions(year: number) {
  return useQuery({
    queryKey: trainingsKeys.year(year),
    queryFn: ({ signal }) =>
      api<Schema<'TrainingSessionList'>>(`/api/trainings${query({ year })}`, { signal }),
  });
}

export function useTrainingTotals(year: number) {
  return useQuery({
    queryKey: trainingsKeys.totals(year),
    queryFn: ({ signal }) => api<TrainingTotals>(`/api/trainings/totals?year=${year}`, { signal }),
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: trainingsKeys.session(id),
    queryFn: ({ signal }) =>
      api<TrainingSessionRecord>(`/api/trainings/${encodeURIComponent(id)}`, { signal }),
  });
}

export function usePartnerOptions(enabled: boolean) {
  return useQuery({
    queryKey: trainingsKeys.partners,
    queryFn: ({ signal }) => api<{ items: PartnerOption[] }>('/api/partners', { signal }),
    enabled,
  });
}

const sessionUrl = (id: string) => `/api/trainings/${encodeURIComponent(id)}`;

export function saveSession(id: string | null, body: Body<'/api/trainings/{id}', 'patch'>) {
  return id
    ? api<TrainingSessionRecord>(sessionUrl(id), { method: 'PATCH', body })
    : api<TrainingSessionRecord>('/api/trainings', { method: 'POST', body });
}

export function deleteSession(id: string) {
  return api<void>(sessionUrl(id), { method: 'DELETE' });
}

export function addTrainee(sessionId: string, body: Partial<Body<'/api/trainings/{id}/trainees', 'post'>>) {
  return api<TrainingSessionRecord>(`${sessionUrl(sessionId)}/trainees`, { method: 'POST', body });
}

export function removeTrainee(sessionId: string, traineeId: string) {
  return api<void>(`${sessionUrl(sessionId)}/trainees/${encodeURIComponent(traineeId)}`, {
    method: 'DELETE',
  });
}
