import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Answer, Body, Query, Schema } from '../../app/contract';
import { uploadFile } from '../../app/upload';

export type Subject = Schema<'SupportSubject'>;
export const subjects = [
  'fse_plus_application',
  'fse_plus_report',
  'financial_diagnosis',
  'quality_approach',
  'territorial_project',
  'anti_discrimination',
  'individual_support',
  'other',
] as const satisfies readonly Subject[];
export type Status = Schema<'SupportStatus'>;
export const statuses = [
  'open',
  'in_progress',
  'waiting',
  'done',
  'abandoned',
] as const satisfies readonly Status[];

export type SupportDocument = Schema<'SupportDocument'>;
/** A file as listed; `description` and `totalMinutes` are given to the team only. */
export type SupportFileSummary = Schema<'SupportFileSummary'>;
export type SupportFile = Schema<'SupportFile'>;
export type TimeEntry = NonNullable<SupportFile['timeEntries']>[number];
export type Note = NonNullable<SupportFile['notes']>[number];
export type Owner = Schema<'SupportOwner'>;
export type Dashboard = Schema<'SupportDashboard'>;
/** The list's filters as the page keeps them (URL parameters, strings). */
export type FileFilters = { [Key in keyof Query<'/api/support/files'>]?: string };

export const supportKeys = {
  all: ['support'] as const,
  files: (filters: FileFilters) => ['support', 'files', filters] as const,
  file: (id: string) => ['support', 'file', id] as const,
  owners: ['support', 'owners'] as const,
  dashboard: (ownerUserId: string) => ['support', 'dashboard', ownerUserId] as const,
};

export function useFiles(filters: FileFilters, enabled = true) {
  return useQuery({
    queryKey: supportKeys.files(filters),
    queryFn: ({ signal }) =>
      api<Answer<'/api/support/files'>>(`/api/support/files${query({ ...filters })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFile(id: string) {
  return useQuery({
    queryKey: supportKeys.file(id),
    queryFn: ({ signal }) => api<SupportFile>(`/api/support/files/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useOwners(enabled = true) {
  return useQuery({
    queryKey: supportKeys.owners,
    queryFn: ({ signal }) => api<Answer<'/api/support/owners'>>('/api/support/owners', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useDashboard(ownerUserId: string) {
  return useQuery({
    queryKey: supportKeys.dashboard(ownerUserId),
    queryFn: ({ signal }) => api<Dashboard>(`/api/support/dashboard${query({ ownerUserId })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const createFile = (body: Body<'/api/support/files', 'post'>) =>
  api<SupportFile>('/api/support/files', { method: 'POST', body });
export const patchFile = (id: string, body: Body<'/api/support/files/{id}', 'patch'>) =>
  api<SupportFile>(`/api/support/files/${id}`, { method: 'PATCH', body });
export const deleteFile = (id: string) => api<void>(`/api/support/files/${id}`, { method: 'DELETE' });
export const addTime = (id: string, body: Body<'/api/support/files/{id}/time', 'post'>) =>
  api<Schema<'SupportTimeEntry'>>(`/api/support/files/${id}/time`, { method: 'POST', body });
export const deleteTime = (id: string, entryId: string) =>
  api<void>(`/api/support/files/${id}/time/${entryId}`, { method: 'DELETE' });
export const addNote = (id: string, body: string) =>
  api<Schema<'SupportNote'>>(`/api/support/files/${id}/notes`, { method: 'POST', body: { body } });
export const deleteNote = (id: string, noteId: string) =>
  api<void>(`/api/support/files/${id}/notes/${noteId}`, { method: 'DELETE' });
export const deleteDocument = (id: string, documentId: string) =>
  api<void>(`/api/support/files/${id}/documents/${documentId}`, { method: 'DELETE' });
export const documentUrl = (id: string, documentId: string) =>
  `/api/support/files/${id}/documents/${documentId}`;

/** Sends one document; `onProgress` gets the uploaded fraction. */
export const uploadDocument = (id: string, file: File, onProgress: (fraction: number) => void) =>
  uploadFile<Answer<'/api/support/files/{id}/documents', 'post'>>(
    `/api/support/files/${id}/documents`,
    file,
    onProgress,
  );
