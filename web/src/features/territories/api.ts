import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export const projectKinds = ['ptce', 'tzcld', 'zest'] as const;
export type ProjectKind = (typeof projectKinds)[number];
export const projectStatuses = ['emerging', 'active', 'authorised', 'ended'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export interface Project {
  id: string;
  kind: ProjectKind;
  name: string;
  territory: string | null;
  departments: string[];
  phase: number | null;
  status: ProjectStatus;
  authorisedOn: string | null;
  localCommittee: string | null;
  ebeName: string | null;
  ebeOrganisationId: string | null;
  sector: string | null;
  description: string | null;
  source: string | null;
}

export interface ProjectSession {
  id: string;
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  traineesCount: number | null;
  employersCount: number | null;
  note: string | null;
}

export interface ProjectDetail extends Project {
  ebeOrganisation: { id: string; name: string } | null;
  members: { id: string; organisationId: string; name: string; role: string | null }[];
  actions: { linkId: string; id: string; title: string; startsOn: string }[];
  supportFiles: { linkId: string; id: string; title: string; status: string }[];
  sessions: ProjectSession[];
}

export interface DeclaredFigure {
  value: number;
  label: string;
  source: string;
}

export const statKeys = [
  'ptcePhase1',
  'ptcePhase2',
  'tzcldTerritories',
  'zestSessions',
  'zestTrainees',
] as const;
export type StatKey = (typeof statKeys)[number];

export interface TerritoryStats {
  year: number;
  computed: Record<StatKey | 'ptcePhaseUnknown' | 'zestProgrammes' | 'zestUndatedSessions', number>;
  declared: Record<StatKey, DeclaredFigure | null>;
}

export interface DepartmentProjects {
  code: string;
  name: string | null;
  ptce: number;
  tzcld: number;
  zest: number;
  total: number;
}

export interface ProjectFilters {
  kind: string;
  department: string;
  q: string;
}

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
    queryFn: ({ signal }) => api<{ items: Project[] }>(`${projectsPath}${query(filters)}`, { signal }),
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
    queryFn: ({ signal }) =>
      api<{ departments: DepartmentProjects[]; withoutDepartment: number }>('/api/territories/map', {
        signal,
      }),
  });
}

export const saveProject = (body: object, id?: string) =>
  api<Project>(id ? `${projectsPath}/${id}` : projectsPath, { method: id ? 'PATCH' : 'POST', body });
export const deleteProject = (id: string) => api<void>(`${projectsPath}/${id}`, { method: 'DELETE' });
export const addPart = (id: string, part: 'members' | 'links' | 'sessions', body: object) =>
  api<unknown>(`${projectsPath}/${id}/${part}`, { method: 'POST', body });
export const removePart = (id: string, part: 'members' | 'links' | 'sessions', childId: string) =>
  api<void>(`${projectsPath}/${id}/${part}/${childId}`, { method: 'DELETE' });
