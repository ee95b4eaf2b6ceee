import { api, query } from '../../../app/api';
import type { Answer, Body, Schema } from '../../../app/contract';
import { uploadFile } from '../../../app/upload';

export type Campaign = Schema<'ObservatoryCampaignListItem'>;
export type CampaignStatus = Campaign['status'];
export type FormStatus = Schema<'ObservatoryFormStatus'>;
export type SubmissionStatus = Exclude<FormStatus, 'not_started'>;
export type Indicator = Schema<'ObservatoryIndicator'>;
export type IndicatorInput = Body<'/api/observatory/campaigns/{id}/indicators', 'post'>;
export type IndicatorRule = Schema<'ObservatoryIndicatorRule'>;
export type RuleKind = IndicatorRule['kind'];
// The choices offered in the catalogue editor, in display order.
export const sections = [
  'activity',
  'people',
  'entrants',
  'staff',
  'economy',
  'exits',
  'other',
] as const satisfies readonly IndicatorInput['section'][];
export const units = [
  'count',
  'hours',
  'euros',
  'percent',
  'etp',
] as const satisfies readonly Indicator['unit'][];
export const conventionTypes = [
  'AI',
  'ACI',
  'EI',
  'ETTI',
  'EITI',
  'GES',
  'EBE',
] as const satisfies readonly NonNullable<IndicatorInput['appliesTo']>[number][];

export type Finding = Schema<'ObservatoryFinding'>;
export type FormDetail = Schema<'ObservatoryForm'>;
export type FormSummary = Schema<'ObservatoryFormSummary'>;
export type FormList = Schema<'ObservatoryFormList'>;
export type Completeness = Schema<'ObservatoryCompleteness'>;
export type CompletenessRow = Schema<'ObservatoryCompletenessRow'>;

export type HistoryEntry = Schema<'ObservatoryHistoryEntry'>;

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
  api<Schema<'ObservatoryCampaignList'>>(`${base}/campaigns`, { signal });
export const getCampaign = (id: string, signal?: AbortSignal) =>
  api<Schema<'ObservatoryCampaignDetail'>>(`${base}/campaigns/${id}`, { signal });
export const createCampaign = (body: Body<'/api/observatory/campaigns', 'post'>) =>
  api<Schema<'ObservatoryCampaignDetail'>>(`${base}/campaigns`, { method: 'POST', body });
export const updateCampaign = (id: string, body: Body<'/api/observatory/campaigns/{id}', 'patch'>) =>
  api<Schema<'ObservatoryCampaign'>>(`${base}/campaigns/${id}`, { method: 'PATCH', body });
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
  api<Schema<'ObservatoryHistory'>>(`${base}/submissions/${id}/history`, { signal });

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
