import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface ProblemRecord {
  table: 'organisations' | 'establishments' | 'conventions' | 'board_mandates';
  id: string;
  organisationId: string | null;
  label: string;
}

export interface Acceptance {
  id: string;
  reason: string;
  acceptedBy: string | null;
  acceptedAt: string;
}

export interface QualityProblem {
  key: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  records: ProblemRecord[];
  field?: string;
  value?: string;
  suggestion?: string;
  suggestions?: string[];
  accepted: Acceptance | null;
}

export interface QualityList {
  problems: QualityProblem[];
  counts: { open: number; accepted: number };
}

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
