import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Role } from '../../app/session';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  organisationId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

export interface InvitationInput {
  email: string;
  role: Role;
  organisationId?: string;
}

export const adminKeys = {
  users: ['admin', 'users'] as const,
  invitations: ['admin', 'invitations'] as const,
};

export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => api<{ items: UserRow[] }>('/api/admin/users', { signal }),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: adminKeys.invitations,
    queryFn: ({ signal }) => api<{ items: InvitationRow[] }>('/api/admin/invitations', { signal }),
  });
}

export function sendInvitation(input: InvitationInput) {
  return api<unknown>('/api/admin/invitations', { method: 'POST', body: input });
}
