import { useQuery } from '@tanstack/react-query';
import { can as policies, ROLES, type Role } from '../../../src/shared/policies';
import { api } from './api';
import type { Schema } from './contract';

export type { Role };
export const roles: readonly Role[] = ROLES;

/** The signed-in user, its delegation and its role there (`GET /api/me`). */
export type Me = Schema<'Me'>;

export const meQueryKey = ['me'] as const;

/** The signed-in user; a 401 sends the browser to the sign-in page (see api.ts). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api<Me>('/api/me', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** What each role may do in the interface: the server's policies (src/shared/policies.ts). */
export const can = Object.fromEntries(
  Object.entries(policies).map(([action, rule]) => [action, (role: Role) => rule({ role })]),
) as { [Action in keyof typeof policies]: (role: Role) => boolean };
