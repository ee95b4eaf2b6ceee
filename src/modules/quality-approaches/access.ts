import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import { isMember, type Viewer } from '../../shared/policies.ts';

export { isTeam, type Viewer } from '../../shared/policies.ts';

/**
 * The organisation a request is about: a member always its own (another one is refused),
 * staff and board the one they name (or every one when null).
 */
export function scopeOf(viewer: Viewer, organisationId?: string | null): string | null {
  if (!isMember(viewer)) return organisationId ?? null;
  if (!viewer.organisationId) throw new AppError('auth.forbidden');
  if (organisationId && organisationId !== viewer.organisationId) throw new AppError('auth.forbidden');
  return viewer.organisationId;
}

/** A record of another organisation is answered as missing to a member: it does not learn it exists. */
export function checkOwn(viewer: Viewer, organisationId: string | null, code: ErrorCode) {
  if (isMember(viewer) && organisationId !== viewer.organisationId) throw new AppError(code);
}
