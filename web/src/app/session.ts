import { useQuery } from '@tanstack/react-query';
import { api } from './api';

export type Role = 'admin' | 'staff' | 'board' | 'member';
export const roles: readonly Role[] = ['admin', 'staff', 'board', 'member'];

export interface Me {
  user: { id: string; email: string; name: string };
  delegation: { id: string; slug: string; name: string };
  role: Role;
  organisationId: string | null;
}

export const meQueryKey = ['me'] as const;

/** The signed-in user; a 401 sends the browser to the sign-in page (see api.ts). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api<Me>('/api/me', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** What each role may do in the interface; the server enforces the same rules. */
export const can = {
  browseMembers: (role: Role) => role === 'admin' || role === 'staff' || role === 'board',
  createOrganisation: (role: Role) => role === 'admin' || role === 'staff',
  manageUsers: (role: Role) => role === 'admin',
  readDues: (role: Role) => role === 'admin' || role === 'staff' || role === 'board',
  manageDues: (role: Role) => role === 'admin' || role === 'staff',
};
