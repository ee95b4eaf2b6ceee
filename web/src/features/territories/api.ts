import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';

export type ProjectKind = Schema<'TerritoryProjectKind'>;
export type ProjectStatus = Schema<'TerritoryProjectStatus'>;
// The order the pages list them in; `satisfies` keeps them to the server's values.
export const projectKinds = ['ptce', 'tzcld', 'zest'] as const satisfies readonly ProjectKind[];
export const projectStatuses = [
  'emerging',
  'active',
  'authorised',
  'ended',
] as const satisfies readonly ProjectStatus[];

export type Project = Schema<'TerritoryProject'>;
export type ProjectSession = Schema<'TerritoryProjectSession'>;
export type ProjectDetail = Schema<'TerritoryProjectDetail'>;
export type TerritoryStats = Schema<'TerritoryStats'>;
export type DeclaredFigure = NonNullable<TerritoryStats['declared'][StatKey]>;
export type StatKey = keyof TerritoryStats['declared'];
export const statKeys = [
  'ptcePhase1',
  'ptcePhase2',
  'tzcldTerritories',
  'zestSessions',
  'zestTrainees',
] as const satisfies readonly StatKey[];
export type DepartmentProjects = Schema<'TerritoryMap'>['departments'][number];

/** The list's filters as the page holds them (typed text; empty = no filter). */
export type ProjectFilters = Record<'kind' | 'department' | 'q', string>;

export const territoriesKeys = {
  all: ['territories'] as const,
  list: (filters: ProjectFilters) => ['territories', 'list', filters] as const,
  project: (id: string) => ['territories', 'project', id] as const,
  stats: (year: number) => ['territories', 'stats', year] as const,
  map: ['territories', 'map'] as const,
};

function query(filters: ProjectFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const projectsPath = '/api/territories/projects';
export const exportHref = (filters: ProjectFilters) => `${projectsPath}/export.xlsx${query(filters)}`;

export function useProjects(filters: ProjectFilters) {
  return useQuery({
    queryKey: territoriesKeys.list(filters),
    queryFn: ({ signal }) =>
      api<Schema<'TerritoryProjectList'>>(`${projectsPath}${query(filters)}`, { signal }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: territoriesKeys.project(id),
    queryFn: ({ signal }) => api<ProjectDetail>(`${projectsPath}/${id}`, { signal }),
  });
}

export function useTerritoryStats(year: number) {
  return useQuery({
    queryKey: territoriesKeys.stats(year),
    queryFn: ({ signal }) => api<TerritoryStats>(`/api/territories/stats?year=${year}`, { signal }),
  });
}

export function useProjectsMap() {
  return useQuery({
    queryKey: territoriesKeys.map,
    queryFn: ({ signal }) => api<Schema<'TerritoryMap'>>('/api/territories/map', { signal }),
  });
}

export const saveProject = (body: object, id?: string) =>
  api<Project>(id ? `${projectsPath}/${id}` : projectsPath, { method: id ? 'PATCH' : 'POST', body });
export const deleteProject = (id: string) => api<void>(`${projectsPath}/${id}`, { method: 'DELETE' });
export const addPart = (id: string, part: 'members' | 'links' | 'sessions', body: object) =>
  api<unknown>(`${projectsPath}/${id}/${part}`, { method: 'POST', body });
export const removePart = (id: string, part: 'members' | 'links' | 'sessions', childId: string) =>
  api<void>(`${projectsPath}/${id}/${part}/${childId}`, { method: 'DELETE' });
