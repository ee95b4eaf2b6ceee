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
}

export interface StaffMember {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
}

export function useBoard() {
  return useQuery({
    queryKey: ['governance', 'board'],
    queryFn: ({ signal }) => api<{ items: BoardMandate[] }>('/api/governance/board', { signal }),
  });
}

export function useStaff() {
  return useQuery({
    queryKey: ['governance', 'staff'],
    queryFn: ({ signal }) => api<{ items: StaffMember[] }>('/api/governance/staff', { signal }),
  });
}
