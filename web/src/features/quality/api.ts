import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';

export type QualityProblem = Schema<'QualityProblem'>;
export type ProblemRecord = QualityProblem['records'][number];
export type Acceptance = Schema<'QualityAcceptance'>;
export type QualityList = Schema<'QualityList'>;

export const qualityKeys = { list: ['quality', 'problems'] as const };

export function useQualityProblems() {
  return useQuery({
    queryKey: qualityKeys.list,
    queryFn: ({ signal }) => api<QualityList>('/api/members/quality', { signal }),
  });
}

export function acceptProblem(key: string, reason: string) {
  return api<Acceptance>('/api/members/quality/acceptances', { method: 'POST', body: { key, reason } });
}

export function reopenProblem(acceptanceId: string) {
  return api<null>(`/api/members/quality/acceptances/${acceptanceId}`, { method: 'DELETE' });
}
