import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { DeclaredFigure } from '../figures/api';

export interface SessionCounts {
  /** `trainees`: counted from the named trainees; `counts`: the counts the source gives. */
  basis: 'trainees' | 'counts';
  trainees: number;
  hours: number;
  organisations: number | null;
}

export interface TrainingSession {
  id: string;
  title: string;
  providerId: string | null;
  providerName: string | null;
  funderId: string | null;
  funderName: string | null;
  trainer: string | null;
  startsOn: string;
  endsOn: string;
  town: string | null;
  department: string | null;
  traineesCount: number | null;
  hoursTotal: number | null;
  organisationsCount: number | null;
  actionId: string | null;
  note: string | null;
  source: string | null;
  computed: SessionCounts;
}

export interface Trainee {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  hours: number;
}

export type TrainingSessionRecord = TrainingSession & { trainees: Trainee[] };

export interface TrainingTotals {
  year: number;
  computed: {
    sessions: number;
    trainees: number;
    hours: number;
    sources: { fromTrainees: number; fromCounts: number };
  };
  declared: { trainees?: DeclaredFigure; trainingHours?: DeclaredFigure };
}

/** A partner of the delegation, as the partners registry lists it (`GET /api/partners`). */
export interface PartnerOption {
  id: string;
  name: string;
}

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
      api<{ items: TrainingSession[] }>(`/api/trainings${query({ year })}`, { signal }),
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

type Body = Record<string, unknown>;
const sessionUrl = (id: string) => `/api/trainings/${encodeURIComponent(id)}`;

export function saveSession(id: string | null, body: Body) {
  return id
    ? api<TrainingSessionRecord>(sessionUrl(id), { method: 'PATCH', body })
    : api<TrainingSessionRecord>('/api/trainings', { method: 'POST', body });
}

export function deleteSession(id: string) {
  return api<void>(sessionUrl(id), { method: 'DELETE' });
}

export function addTrainee(sessionId: string, body: Body) {
  return api<TrainingSessionRecord>(`${sessionUrl(sessionId)}/trainees`, { method: 'POST', body });
}

export function removeTrainee(sessionId: string, traineeId: string) {
  return api<void>(`${sessionUrl(sessionId)}/trainees/${encodeURIComponent(traineeId)}`, {
    method: 'DELETE',
  });
}
