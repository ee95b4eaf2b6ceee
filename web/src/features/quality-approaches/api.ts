import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';

export type CertificationStatus = Schema<'QualityCertificationStatus'>;
export type AuditKind = Schema<'QualityAuditKind'>;
export type AuditResult = Schema<'QualityAuditResult'>;
export type ActionStatus = Schema<'QualityProgressActionStatus'>;

export type Audit = Schema<'QualityAudit'>;
export type Certification = Schema<'QualityCertification'>;

export type Grid = Schema<'QualityGrid'>;
export type GridPillar = Grid['pillars'][number];
export type GridLevel = GridPillar['criteria'][number]['levels'][number];

/** A self-assessment; the list's items also name the organisation and the grid. */
export type Assessment = Schema<'QualityAssessment'> & { organisationName?: string; gridName?: string };
export type ProgressItem = Schema<'QualityProgress'>['items'][number];

export type ProgressAction = Schema<'QualityProgressActionList'>[number];

export type Cohort = Schema<'QualityCohort'>;

const base = '/api/quality-approaches';
const enc = encodeURIComponent;

export const qualityKeys = {
  all: ['quality-approaches'] as const,
  certifications: (days?: number) => ['quality-approaches', 'certifications', days ?? null] as const,
  grids: ['quality-approaches', 'grids'] as const,
  assessments: ['quality-approaches', 'assessments'] as const,
  progress: (organisationId: string) => ['quality-approaches', 'progress', organisationId] as const,
  actions: ['quality-approaches', 'actions'] as const,
  cohorts: ['quality-approaches', 'cohorts'] as const,
};

export function useCertifications(expiringWithinDays?: number) {
  const suffix = expiringWithinDays === undefined ? '' : `?expiringWithinDays=${expiringWithinDays}`;
  return useQuery({
    queryKey: qualityKeys.certifications(expiringWithinDays),
    queryFn: ({ signal }) =>
      api<Schema<'QualityCertificationList'>>(`${base}/certifications${suffix}`, { signal }),
  });
}
export const useGrids = () =>
  useQuery({
    queryKey: qualityKeys.grids,
    queryFn: ({ signal }) => api<Schema<'QualityGridList'>>(`${base}/grids`, { signal }),
  });
export const useAssessments = () =>
  useQuery({
    queryKey: qualityKeys.assessments,
    queryFn: ({ signal }) => api<Assessment[]>(`${base}/assessments`, { signal }),
  });
export const useProgress = (organisationId: string) =>
  useQuery({
    queryKey: qualityKeys.progress(organisationId),
    queryFn: ({ signal }) =>
      api<Schema<'QualityProgress'>>(`${base}/organisations/${enc(organisationId)}/progress`, { signal }),
  });
export const useProgressActions = () =>
  useQuery({
    queryKey: qualityKeys.actions,
    queryFn: ({ signal }) => api<ProgressAction[]>(`${base}/progress-actions`, { signal }),
  });
export const useCohorts = () =>
  useQuery({
    queryKey: qualityKeys.cohorts,
    queryFn: ({ signal }) => api<Schema<'QualityCohortList'>>(`${base}/cohorts`, { signal }),
  });

export const exportUrls = {
  certifications: `${base}/certifications.xlsx`,
  assessments: `${base}/assessments.xlsx`,
  actions: `${base}/progress-actions.xlsx`,
  cohorts: `${base}/cohorts.xlsx`,
};

const save = <T>(path: string, id: string | null, body: object, method: 'PUT' | 'PATCH' = 'PUT') =>
  id
    ? api<T>(`${base}/${path}/${enc(id)}`, { method, body })
    : api<T>(`${base}/${path}`, { method: 'POST', body });
const remove = (path: string, id: string) => api<void>(`${base}/${path}/${enc(id)}`, { method: 'DELETE' });

export const saveCertification = (id: string | null, body: object) =>
  save<Schema<'QualityCertificationRecord'>>('certifications', id, body);
export const deleteCertification = (id: string) => remove('certifications', id);
export const addAudit = (certificationId: string, body: object) =>
  api<Audit>(`${base}/certifications/${enc(certificationId)}/audits`, { method: 'POST', body });
export const deleteAudit = (id: string) => remove('audits', id);

export const saveGrid = (id: string | null, body: object) => save<Grid>('grids', id, body);
export const loadDefaultGrid = () => api<Grid>(`${base}/grids/default`, { method: 'POST', body: {} });

export const saveAssessment = (id: string | null, body: object) =>
  save<Assessment>('assessments', id, body, 'PATCH');
export const completeAssessment = (id: string) =>
  api<Assessment>(`${base}/assessments/${enc(id)}/complete`, { method: 'POST', body: {} });

export const saveProgressAction = (id: string | null, body: object) =>
  save<Schema<'QualityProgressActionRecord'>>('progress-actions', id, body, 'PATCH');
export const deleteProgressAction = (id: string) => remove('progress-actions', id);

export const saveCohort = (id: string | null, body: object) =>
  save<Schema<'QualityCohortRecord'>>('cohorts', id, body);
export const deleteCohort = (id: string) => remove('cohorts', id);
