import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { can as policies, ROLES, type Role } from '../../../src/shared/policies';
import { api } from './api';
import type { Schema } from './contract';

export type { Role };
export const roles: readonly Role[] = ROLES;

type MeAnswer = Schema<'Me'>;

/** A delegation's signed-in user (`GET /api/me`). */
export type Me = MeAnswer & { delegation: NonNullable<MeAnswer['delegation']>; role: Role };

/** A member of the federation (the national team): in no delegation (decision 020). */
export type FederationMe = MeAnswer & { delegation: null; role: 'federation'; organisationId: null };

export type Session = Me | FederationMe;

export const isFederation = (session: Session): session is FederationMe => session.role === 'federation';

export const meQueryKey = ['me'] as const;

/** Whoever is signed in, a delegation's user or the federation's; a 401 leads to sign-in (api.ts). */
export function useSession() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api<Session>('/api/me', { signal }),
    staleTime: 5 * 60_000,
  });
}

/**
 * The signed-in delegation user, for the delegation's pages. A federation session never
 * reaches them: AppLayout sends it to the federation's pages (and /compte, which reads
 * `useSession`), so the narrower type holds wherever this is called.
 */
export function useMe() {
  return useSession() as UseQueryResult<Me>;
}

/** What each role may do in the interface: the server's policies (src/shared/policies.ts). */
export const can = Object.fromEntries(
  Object.entries(policies).map(([action, rule]) => [action, (role: Role) => rule({ role })]),
) as { [Action in keyof typeof policies]: (role: Role) => boolean };
