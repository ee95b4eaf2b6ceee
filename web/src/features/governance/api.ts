import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export type BoardRole = 'president' | 'vice_president' | 'treasurer' | 'secretary' | 'bureau_member';
export const boardRoleOrder: readonly BoardRole[] = [
  'president',
  'vice_president',
  'treasurer',
  'secretary',
  'bureau_member',
];

export interface BoardMandate {
  id: string;
  firstName: string;
  lastName: string;
  organisationName: string;
  organisationId: string | null;
  department: string | null;
  role: BoardRole | null;
  nationalRepresentative: boolean;
  electedOn: string;
  endsOn: string | null;
  generalAssemblyId: string | null;
}

export interface StaffMember {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
}

export type AssemblyKind = 'ordinary' | 'extraordinary';
export interface GeneralAssembly {
  id: string;
  heldOn: string;
  kind: AssemblyKind;
  place: string | null;
  hosts: string | null;
  decisions: string | null;
  elections: string | null;
  source: string | null;
}

export type GroupKind = 'structure_porteuse' | 'ges';
export interface MemberGroup {
  id: string;
  name: string;
  kind: GroupKind;
  note: string | null;
  organisations: { id: string; name: string }[];
}

export const governanceKeys = {
  all: ['governance'] as const,
  board: (at: string) => ['governance', 'board', at] as const,
  staff: ['governance', 'staff'] as const,
  assemblies: ['governance', 'assemblies'] as const,
  mandates: (filter: MandateFilter) => ['governance', 'mandates', filter] as const,
  groups: ['governance', 'groups'] as const,
};

export function useBoard(at: string) {
  return useQuery({
    queryKey: governanceKeys.board(at),
    queryFn: ({ signal }) =>
      api<{ at: string; items: BoardMandate[] }>(`/api/governance/board?at=${encodeURIComponent(at)}`, {
        signal,
      }),
  });
}

export function useStaff() {
  return useQuery({
    queryKey: governanceKeys.staff,
    queryFn: ({ signal }) => api<{ items: StaffMember[] }>('/api/governance/staff', { signal }),
  });
}

export function useAssemblies(enabled = true) {
  return useQuery({
    queryKey: governanceKeys.assemblies,
    queryFn: ({ signal }) => api<{ items: GeneralAssembly[] }>('/api/governance/assemblies', { signal }),
    enabled,
  });
}

export interface MandateFilter {
  person: string;
  organisationId: string;
}

export function useMandates(filter: MandateFilter) {
  const query = new URLSearchParams();
  if (filter.person.trim()) query.set('person', filter.person.trim());
  if (filter.organisationId) query.set('organisationId', filter.organisationId);
  return useQuery({
    queryKey: governanceKeys.mandates(filter),
    queryFn: ({ signal }) => api<{ items: BoardMandate[] }>(`/api/governance/mandates?${query}`, { signal }),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: governanceKeys.groups,
    queryFn: ({ signal }) => api<{ items: MemberGroup[] }>('/api/governance/groups', { signal }),
  });
}

type Body = Record<string, unknown>;

export const saveAssembly = (id: string | null, body: Body) =>
  id
    ? api<GeneralAssembly>(`/api/governance/assemblies/${id}`, { method: 'PATCH', body })
    : api<GeneralAssembly>('/api/governance/assemblies', { method: 'POST', body });

export const createMandate = (body: Body) =>
  api<BoardMandate>('/api/governance/mandates', { method: 'POST', body });

export const updateMandate = (id: string, body: Body) =>
  api<BoardMandate>(`/api/governance/mandates/${id}`, { method: 'PATCH', body });

export const saveGroup = (id: string | null, body: Body) =>
  id
    ? api<MemberGroup>(`/api/governance/groups/${id}`, { method: 'PATCH', body })
    : api<MemberGroup>('/api/governance/groups', { method: 'POST', body });

export const deleteGroup = (id: string) => api<void>(`/api/governance/groups/${id}`, { method: 'DELETE' });

/** Who may read the governance records beyond the board and staff, and who may change them. */
export const governanceAccess = {
  read: (role: string) => role === 'admin' || role === 'staff' || role === 'board',
  write: (role: string) => role === 'admin' || role === 'staff',
};
