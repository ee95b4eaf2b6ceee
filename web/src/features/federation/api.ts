import { api } from '../../app/api';

import type { Answer, Body } from '../../app/contract';

// The answers of /api/federation/…, from the API's contract (web/src/app/contract.ts).
export type FederationDelegations = Answer<'/api/federation/delegations'>;
export type FederationDelegation = FederationDelegations['items'][number];
export type FederationDirectory = Answer<'/api/federation/directory'>;
export type FederationDirectoryEntry = FederationDirectory['items'][number];
export type FederationObservatory = Answer<'/api/federation/observatory'>;
export type FederationReport = Answer<'/api/federation/reports/{year}'>;
export type FederationCreated = Answer<'/api/federation/delegations', 'post'>;

/** The year an activity report is about: last year. */
export const defaultYear = () => new Date().getFullYear() - 1;

export const federationKeys = {
  delegations: (year: number) => ['federation', 'delegations', year] as const,
  directory: (query: string) => ['federation', 'directory', query] as const,
  observatory: ['federation', 'observatory'] as const,
  report: (year: number) => ['federation', 'report', year] as const,
};

export const fetchDelegations = (year: number, signal?: AbortSignal) =>
  api<FederationDelegations>(`/api/federation/delegations?year=${year}`, { signal });

export const fetchDirectory = (query: string, signal?: AbortSignal) =>
  api<FederationDirectory>(`/api/federation/directory${query ? `?${query}` : ''}`, { signal });

export const fetchObservatory = (signal?: AbortSignal) =>
  api<FederationObservatory>('/api/federation/observatory', { signal });

export const fetchReport = (year: number, signal?: AbortSignal) =>
  api<FederationReport>(`/api/federation/reports/${year}`, { signal });

export const reportDownloadUrl = (year: number, format: 'html' | 'pdf' | 'docx' | 'json') =>
  `/api/federation/reports/${year}/download?format=${format}`;

export const createDelegation = (body: Body<'/api/federation/delegations', 'post'>) =>
  api<FederationCreated>('/api/federation/delegations', { method: 'POST', body });
