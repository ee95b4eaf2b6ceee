import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import type { AuthContext } from '../../server/request-context.ts';

export type Viewer = Pick<AuthContext, 'role' | 'organisationId'>;

export const isTeam = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'staff';

/**
 * The organisation a request is about: a member always its own (another one is refused),
 * staff and board the one they name (or every one when null).
 */
export function scopeOf(viewer: Viewer, organisationId?: string | null): string | null {
  if (viewer.role !== 'member') return organisationId ?? null;
  if (!viewer.organisationId) throw new AppError('auth.forbidden');
  if (organisationId && organisationId !== viewer.organisationId) throw new AppError('auth.forbidden');
  return viewer.organisationId;
}

/** A record of another organisation is answered as missing to a member: it does not learn it exists. */
export function checkOwn(viewer: Viewer, organisationId: string | null, code: ErrorCode) {
  if (viewer.role === 'member' && organisationId !== viewer.organisationId) throw new AppError(code);
}
