import type { Role } from '../modules/accounts/accounts.table.ts';

/** Who is calling, resolved from the session cookie once per request. */
export interface AuthContext {
  userId: string;
  email: string;
  name: string;
  delegationId: string;
  role: Role;
  /** Set for `member` users: the one organisation they act for. */
  organisationId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}
