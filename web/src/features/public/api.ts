import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Schema } from '../../app/contract';

/** One establishment of a current member, as `GET /api/public/structures` lists it. */
export type PublicStructure = Schema<'PublicStructure'>;
export type PublicStructures = Schema<'PublicStructures'>;
/** `GET /api/public/structures/summary`: the map's figures without the directory. */
export type PublicStructuresSummary = Schema<'PublicStructuresSummary'>;

/** Entries per page of the public directory (the API allows up to 200). */
export const DIRECTORY_PAGE_SIZE = 50;

export type BoardRole = Schema<'BoardRole'>;

/** `GET /api/public/organisation`: only what the delegation publishes. */
export type PublicOrganisation = Schema<'PublicOrganisation'>;

/** The directory's filters as the URL keeps them (empty strings: no filter). */
export type DirectoryFilters = Record<'department' | 'type' | 'q' | 'activity', string>;

/** `GET /api/public/activities`: current members' activities and how many members have each. */
export type PublicActivity = Schema<'PublicActivities'>['items'][number];

// Public pages never send the user to the sign-in page: these routes answer anyone.
const publicCall = <T>(path: string, signal: AbortSignal) => api<T>(path, { signal, redirectOn401: false });

export const publicKeys = {
  organisation: ['public', 'organisation'] as const,
  structures: (filters: Partial<DirectoryFilters>, page: number) =>
    ['public', 'structures', filters, page] as const,
  summary: ['public', 'structures', 'summary'] as const,
  activities: ['public', 'activities'] as const,
};

export function usePublicActivities() {
  return useQuery({
    queryKey: publicKeys.activities,
    queryFn: ({ signal }) => publicCall<Schema<'PublicActivities'>>('/api/public/activities', signal),
    staleTime: 60_000,
  });
}

export const organisationQuery = queryOptions({
  queryKey: publicKeys.organisation,
  queryFn: ({ signal }) => publicCall<PublicOrganisation>('/api/public/organisation', signal),
  staleTime: 5 * 60_000,
});

export function usePublicOrganisation() {
  return useQuery(organisationQuery);
}

/** Only non-empty filters go into the key. */
function compact(filters: Partial<DirectoryFilters>): Partial<DirectoryFilters> {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value),
  ) as Partial<DirectoryFilters>;
}

/** One page of the directory: a federation's thousands of members are never loaded at once. */
/** One page of the directory: the query the page reads and the route's loader starts early. */
export function structuresQuery(filters: DirectoryFilters, page: number) {
  const key = compact(filters);
  return queryOptions({
    queryKey: publicKeys.structures(key, page),
    queryFn: ({ signal }) =>
      publicCall<PublicStructures>(
        `/api/public/structures${query({ ...key, page, pageSize: DIRECTORY_PAGE_SIZE })}`,
        signal,
      ),
    staleTime: 60_000,
  });
}

export function usePublicStructures(filters: DirectoryFilters, page: number) {
  return useQuery({ ...structuresQuery(filters, page), placeholderData: keepPreviousData });
}

/** The map's counts: member organisations per department, from the summary route. */
export const summaryQuery = queryOptions({
  queryKey: publicKeys.summary,
  queryFn: ({ signal }) => publicCall<PublicStructuresSummary>('/api/public/structures/summary', signal),
  staleTime: 60_000,
});

export function useDirectorySummary() {
  return useQuery(summaryQuery);
}
