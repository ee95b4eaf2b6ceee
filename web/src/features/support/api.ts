import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import { uploadFile } from '../../app/upload';

export const subjects = [
  'fse_plus_application',
  'fse_plus_report',
  'financial_diagnosis',
  'quality_approach',
  'territorial_project',
  'anti_discrimination',
  'individual_support',
  'other',
] as const;
export type Subject = (typeof subjects)[number];
export const statuses = ['open', 'in_progress', 'waiting', 'done', 'abandoned'] as const;
export type Status = (typeof statuses)[number];

export interface SupportDocument {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  createdAt: string;
}

export interface TimeEntry {
  id: string;
  userId: string | null;
  userName: string | null;
  spentOn: string;
  minutes: number;
  note: string | null;
}

export interface Note {
  id: string;
  authorUserId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** A file as listed; `description` and `totalMinutes` are given to the team only. */
export interface SupportFileSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  subject: Subject;
  title: string;
  ownerUserId: string | null;
  ownerName: string | null;
  status: Status;
  openedOn: string;
  dueOn: string | null;
  nextStep: string | null;
  closedOn: string | null;
  overdue: boolean;
  description?: string | null;
  totalMinutes?: number;
}

export interface SupportFile extends SupportFileSummary {
  documents: SupportDocument[];
  timeEntries?: TimeEntry[];
  time?: { totalMinutes: number; byUser: { userId: string | null; name: string | null; minutes: number }[] };
  notes?: Note[];
}

export interface FileFilters {
  organisationId?: string;
  subject?: string;
  status?: string;
  ownerUserId?: string;
  year?: string;
  overdue?: string;
  q?: string;
}

export interface Owner {
  id: string;
  name: string;
}

export interface Dashboard {
  owner: Owner;
  today: string;
  overdue: SupportFileSummary[];
  dueSoon: SupportFileSummary[];
  later: SupportFileSummary[];
  minutesThisMonth: number;
  countsByStatus: Record<Status, number>;
}

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
      api<{ items: SupportFileSummary[]; total: number }>(`/api/support/files${query({ ...filters })}`, {
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
    queryFn: ({ signal }) => api<{ items: Owner[] }>('/api/support/owners', { signal }),
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

type Body = Record<string, unknown>;

export const createFile = (body: Body) => api<SupportFile>('/api/support/files', { method: 'POST', body });
export const patchFile = (id: string, body: Body) =>
  api<SupportFile>(`/api/support/files/${id}`, { method: 'PATCH', body });
export const deleteFile = (id: string) => api<void>(`/api/support/files/${id}`, { method: 'DELETE' });
export const addTime = (id: string, body: { spentOn: string; minutes: number; note?: string }) =>
  api<TimeEntry>(`/api/support/files/${id}/time`, { method: 'POST', body });
export const deleteTime = (id: string, entryId: string) =>
  api<void>(`/api/support/files/${id}/time/${entryId}`, { method: 'DELETE' });
export const addNote = (id: string, body: string) =>
  api<Note>(`/api/support/files/${id}/notes`, { method: 'POST', body: { body } });
export const deleteNote = (id: string, noteId: string) =>
  api<void>(`/api/support/files/${id}/notes/${noteId}`, { method: 'DELETE' });
export const deleteDocument = (id: string, documentId: string) =>
  api<void>(`/api/support/files/${id}/documents/${documentId}`, { method: 'DELETE' });
export const documentUrl = (id: string, documentId: string) =>
  `/api/support/files/${id}/documents/${documentId}`;

/** Sends one document; `onProgress` gets the uploaded fraction. */
export const uploadDocument = (id: string, file: File, onProgress: (fraction: number) => void) =>
  uploadFile<SupportDocument>(`/api/support/files/${id}/documents`, file, onProgress);
