import type { Role } from '../modules/accounts/accounts.table.ts';

/** Who is calling as a delegation's user, resolved from the session cookie once per request. */
export interface AuthContext {
  userId: string;
  email: string;
  name: string;
  delegationId: string;
  role: Role;
  /** Set for `member` users: the one organisation they act for. */
  organisationId: string | null;
}

/**
 * Who is calling as a member of the federation (the national team): no delegation, no
 * organisation. Federation routes read delegations through `withFederation` (decision 020).
 */
export interface FederationAuth {
  userId: string;
  email: string;
  name: string;
  delegationId: null;
  role: 'federation';
  organisationId: null;
}

/** A role a route may be opened to: a delegation's roles, and the federation's. */
export type CallerRole = Role | 'federation';

export type Caller = AuthContext | FederationAuth;

declare module 'fastify' {
  interface FastifyRequest {
    auth: Caller | null;
  }
}
