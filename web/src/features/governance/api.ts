import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Schema } from '../../app/contract';
import { enumValues } from '../../app/enumValues';
import { can } from '../../app/session';

export type BoardRole = Schema<'BoardRole'>;
/** The bureau's roles in the order the board is printed. */
export const boardRoleOrder = enumValues<BoardRole>({
  president: true,
  vice_president: true,
  treasurer: true,
  secretary: true,
  bureau_member: true,
});

export type BoardMandate = Schema<'BoardMandate'>;
export type StaffMember = Schema<'StaffMember'>;
export type StaffRecord = Schema<'StaffRecord'>;
export type AssemblyKind = Schema<'AssemblyKind'>;
export type GeneralAssembly = Schema<'GeneralAssembly'>;
export type GroupKind = Schema<'MemberGroupKind'>;
export type MemberGroup = Schema<'MemberGroup'>;

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
      api<Schema<'GovernanceBoard'>>(`/api/governance/board?at=${encodeURIComponent(at)}`, {
        signal,
      }),
  });
}

export function useStaff() {
  return useQuery({
    queryKey: governanceKeys.staff,
    queryFn: ({ signal }) => api<Schema<'StaffList'>>('/api/governance/staff', { signal }),
  });
}

export function useAssemblies(enabled = true) {
  return useQuery({
    queryKey: governanceKeys.assemblies,
    queryFn: ({ signal }) => api<Schema<'GeneralAssemblyList'>>('/api/governance/assemblies', { signal }),
    enabled,
  });
}

/** The history's filter as the form holds it (empty strings: no filter). */
export type MandateFilter = Record<'person' | 'organisationId', string>;

export function useMandates(filter: MandateFilter) {
  const query = new URLSearchParams();
  if (filter.person.trim()) query.set('person', filter.person.trim());
  if (filter.organisationId) query.set('organisationId', filter.organisationId);
  return useQuery({
    queryKey: governanceKeys.mandates(filter),
    queryFn: ({ signal }) => api<Schema<'BoardMandateList'>>(`/api/governance/mandates?${query}`, { signal }),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: governanceKeys.groups,
    queryFn: ({ signal }) => api<Schema<'MemberGroupList'>>('/api/governance/groups', { signal }),
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

/** Who may read the governance records beyond the board and staff, and who may change them (src/shared/policies.ts). */
export const governanceAccess = {
  read: can.readGovernance,
  write: can.manageGovernance,
  manageStaff: can.manageStaff,
};
