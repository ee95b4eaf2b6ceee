import { api, query } from '../../../app/api';
import type { Answer, Schema } from '../../../app/contract';
import { uploadFile } from '../../../app/upload';

export type CampaignStatus = 'draft' | 'open' | 'closed';
export type SubmissionStatus = 'draft' | 'submitted' | 'correction_requested' | 'validated';
export type FormStatus = SubmissionStatus | 'not_started';
export const sections = ['activity', 'people', 'entrants', 'staff', 'economy', 'exits', 'other'] as const;
export const units = ['count', 'hours', 'euros', 'percent', 'etp'] as const;
export const conventionTypes = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GES', 'EBE'] as const;

export type IndicatorRule =
  | { kind: 'range'; min?: number; max?: number; severity: 'error' | 'warning' }
  | { kind: 'integer'; severity: 'error' }
  | { kind: 'sum'; parts: string[]; severity: 'error' | 'warning' }
  | { kind: 'ratio'; of: string; divisor: number; tolerance: number; severity: 'error' | 'warning' }
  | { kind: 'atMost'; of: string; severity: 'error' | 'warning' }
  | { kind: 'change'; ratio: number; severity: 'warning' };
export type RuleKind = IndicatorRule['kind'];

export interface Campaign {
  id: string;
  year: number;
  title: string;
  opensOn: string;
  deadline: string;
  status: CampaignStatus;
  synthetic: boolean;
  lastReminderOn: string | null;
  indicatorCount?: number;
}

export interface Indicator {
  id: string;
  code: string;
  label: string;
  definition: string | null;
  section: string;
  unit: string;
  appliesTo: string[];
  required: boolean;
  rules: IndicatorRule[];
  position: number;
}

export type IndicatorInput = Omit<Indicator, 'id'>;

export interface Finding {
  code: string;
  kind: RuleKind | 'required' | 'number';
  severity: 'error' | 'warning';
  message: string;
}

export interface FormDetail {
  id: string | null;
  campaign: Pick<Campaign, 'id' | 'year' | 'title' | 'deadline' | 'status' | 'synthetic'>;
  organisation: { id: string; name: string };
  conventionType: string;
  department: string | null;
  status: FormStatus;
  submittedAt: string | null;
  submittedByName: string | null;
  validatedAt: string | null;
  validatedByName: string | null;
  correctionComment: string | null;
  confirmedWarnings: Record<string, string>;
  updatedAt: string | null;
  canEdit: boolean;
  indicators: Omit<Indicator, 'id' | 'appliesTo'>[];
  values: Record<string, number>;
  previous: { year: number; values: Record<string, number> };
  check: { errors: Finding[]; warnings: Finding[] };
}

export interface FormSummary {
  conventionType: string;
  department: string | null;
  submissionId: string | null;
  status: FormStatus;
  updatedAt: string | null;
  valueCount: number;
  indicatorCount: number;
}

export interface FormList {
  campaign: Pick<Campaign, 'id' | 'year' | 'title' | 'deadline' | 'status'>;
  organisation: { id: string; name: string };
  forms: FormSummary[];
}

export interface CompletenessRow extends Omit<FormSummary, 'updatedAt'> {
  organisationId: string;
  organisationName: string;
  updatedAt: string | null;
  submittedAt: string | null;
}

export interface Completeness {
  counts: Record<FormStatus | 'total', number>;
  items: CompletenessRow[];
}

export type HistoryEntry =
  | {
      id: number;
      at: string;
      actorName: string | null;
      actorRole: string | null;
      kind: 'value';
      indicatorCode: string;
      before: number | null;
      after: number | null;
    }
  | {
      id: number;
      at: string;
      actorName: string | null;
      actorRole: string | null;
      kind: 'status';
      before: FormStatus | null;
      after: FormStatus;
      comment: string | null;
    };

export type FormDocument = Schema<'ObservatoryDocument'>;

export type Values = Record<string, number | null>;

const base = '/api/observatory';

export const observatoryKeys = {
  all: ['observatory-campaigns'] as const,
  campaigns: () => [...observatoryKeys.all, 'list'] as const,
  campaign: (id: string) => [...observatoryKeys.all, 'campaign', id] as const,
  completeness: (id: string) => [...observatoryKeys.all, 'completeness', id] as const,
  forms: (campaignId: string, organisationId?: string) =>
    [...observatoryKeys.all, 'forms', campaignId, organisationId ?? 'own'] as const,
  form: (key: string) => [...observatoryKeys.all, 'form', key] as const,
  history: (id: string) => [...observatoryKeys.all, 'history', id] as const,
  documents: (id: string) => [...observatoryKeys.all, 'documents', id] as const,
};

export const listCampaigns = (signal?: AbortSignal) =>
  api<{ items: Campaign[] }>(`${base}/campaigns`, { signal });
export const getCampaign = (id: string, signal?: AbortSignal) =>
  api<Campaign & { indicators: Indicator[] }>(`${base}/campaigns/${id}`, { signal });
export const createCampaign = (body: { year: number; title: string; opensOn: string; deadline: string }) =>
  api<Campaign>(`${base}/campaigns`, { method: 'POST', body });
export const updateCampaign = (
  id: string,
  body: Partial<Pick<Campaign, 'title' | 'opensOn' | 'deadline' | 'status'>>,
) => api<Campaign>(`${base}/campaigns/${id}`, { method: 'PATCH', body });
export const deleteCampaign = (id: string) => api<void>(`${base}/campaigns/${id}`, { method: 'DELETE' });

export const addIndicator = (campaignId: string, body: Partial<IndicatorInput>) =>
  api<Indicator>(`${base}/campaigns/${campaignId}/indicators`, { method: 'POST', body });
export const updateIndicator = (campaignId: string, id: string, body: Partial<IndicatorInput>) =>
  api<Indicator>(`${base}/campaigns/${campaignId}/indicators/${id}`, { method: 'PATCH', body });
export const deleteIndicator = (campaignId: string, id: string) =>
  api<void>(`${base}/campaigns/${campaignId}/indicators/${id}`, { method: 'DELETE' });

export const getCompleteness = (id: string, signal?: AbortSignal) =>
  api<Completeness>(`${base}/campaigns/${id}/completeness`, { signal });
export const completenessXlsxUrl = (id: string) => `${base}/campaigns/${id}/completeness.xlsx`;

export const listForms = (campaignId: string, organisationId?: string, signal?: AbortSignal) =>
  api<FormList>(`${base}/campaigns/${campaignId}/forms${query({ organisationId })}`, { signal });
export const getForm = (id: string, signal?: AbortSignal) =>
  api<FormDetail>(`${base}/submissions/${id}`, { signal });
export const getBlankForm = (
  campaignId: string,
  type: string,
  organisationId?: string,
  signal?: AbortSignal,
) => api<FormDetail>(`${base}/campaigns/${campaignId}/forms/${type}${query({ organisationId })}`, { signal });
/** The first save of a form: creates it with its figures. */
export const createForm = (
  campaignId: string,
  body: { conventionType: string; organisationId?: string; values: Values },
) => api<FormDetail>(`${base}/campaigns/${campaignId}/forms`, { method: 'POST', body });
export const saveValues = (id: string, values: Values) =>
  api<FormDetail>(`${base}/submissions/${id}/values`, { method: 'PUT', body: { values } });
export const submitForm = (id: string, confirmWarnings: Record<string, string>) =>
  api<FormDetail>(`${base}/submissions/${id}/submit`, { method: 'POST', body: { confirmWarnings } });
export const requestCorrection = (id: string, comment: string) =>
  api<FormDetail>(`${base}/submissions/${id}/request-correction`, { method: 'POST', body: { comment } });
export const validateForm = (id: string) =>
  api<FormDetail>(`${base}/submissions/${id}/validate`, { method: 'POST' });
export const reopenForm = (id: string) =>
  api<FormDetail>(`${base}/submissions/${id}/reopen`, { method: 'POST' });
export const getHistory = (id: string, signal?: AbortSignal) =>
  api<{ items: HistoryEntry[] }>(`${base}/submissions/${id}/history`, { signal });

export const listDocuments = (id: string, signal?: AbortSignal) =>
  api<Answer<'/api/observatory/submissions/{id}/documents'>>(`${base}/submissions/${id}/documents`, {
    signal,
  });
export const documentUrl = (id: string, docId: string) => `${base}/submissions/${id}/documents/${docId}`;
export const deleteDocument = (id: string, docId: string) =>
  api<void>(`${base}/submissions/${id}/documents/${docId}`, { method: 'DELETE' });
export const templateUrl = (id: string) => `${base}/submissions/${id}/template.xlsx`;

export const uploadDocument = (id: string, file: File, onProgress?: (fraction: number) => void) =>
  uploadFile<FormDocument>(`${base}/submissions/${id}/documents`, file, onProgress);
export const prefillForm = (id: string, file: File) =>
  uploadFile<FormDetail>(`${base}/submissions/${id}/prefill`, file);
