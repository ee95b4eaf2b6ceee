import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Body, Schema } from '../../app/contract';

export type UserRow = Schema<'AccountUser'>;
export type InvitationRow = Schema<'Invitation'>;
export type InvitationInput = Body<'/api/admin/invitations', 'post'>;

export const adminKeys = {
  users: ['admin', 'users'] as const,
  invitations: ['admin', 'invitations'] as const,
};

export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => api<Schema<'AccountUserList'>>('/api/admin/users', { signal }),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: adminKeys.invitations,
    queryFn: ({ signal }) => api<Schema<'InvitationList'>>('/api/admin/invitations', { signal }),
  });
}

export function sendInvitation(input: InvitationInput) {
  return api<Schema<'InvitationCreated'>>('/api/admin/invitations', { method: 'POST', body: input });
}
