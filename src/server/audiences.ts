import type { Role } from '../modules/accounts/accounts.table.ts';

/**
 * Who may read a field. A route's `config.access` says who may read a record at all; a
 * field whose readers are fewer declares its audience next to its schema
 * (`<feature>.schemas.ts`), and every answer that carries the field — record, list,
 * export, history, search — is presented through it. A field without a declaration is
 * read by whoever may read its record.
 * - `team`: the delegation's administrators and staff ("visible de l'équipe seulement").
 * - `board`: the team and the board.
 * - `member`: the team and the member organisation the record belongs to (not the board:
 *   contacts are personal data).
 * - `public`: whoever may read the record.
 * See docs/decisions/012-field-audiences.md.
 */
export type Audience = 'team' | 'board' | 'member' | 'public';

/** The audiences of the fields of a record that not every reader of the record may read. */
export type FieldAudiences<T> = { readonly [K in keyof T]?: Audience };

/** Who reads, as far as audiences go (an `AuthContext` is one). */
export interface Reader {
  role: Role;
  organisationId: string | null;
}

export const isTeam = (reader: Pick<Reader, 'role'>) => reader.role === 'admin' || reader.role === 'staff';

/** May this reader read a field of that audience, on a record of `ownerOrganisationId`? */
export function mayRead(audience: Audience, reader: Reader, ownerOrganisationId?: string | null): boolean {
  switch (audience) {
    case 'public':
      return true;
    case 'team':
      return isTeam(reader);
    case 'board':
      return isTeam(reader) || reader.role === 'board';
    case 'member':
      return (
        isTeam(reader) ||
        (reader.role === 'member' && !!ownerOrganisationId && reader.organisationId === ownerOrganisationId)
      );
  }
}

/** The fields of `record` this reader may not read. */
export function hiddenFields<T extends object>(
  audiences: FieldAudiences<T>,
  reader: Reader,
  ownerOrganisationId?: string | null,
): (keyof T)[] {
  return (Object.entries(audiences) as [keyof T, Audience][])
    .filter(([, audience]) => !mayRead(audience, reader, ownerOrganisationId))
    .map(([field]) => field);
}

/**
 * The record as this reader may read it: the fields outside their audience are left out
 * (absent, not null, so that a page tells "not yours to read" from "empty").
 */
export function presentFor<T extends object, K extends keyof T>(
  record: T,
  audiences: { readonly [P in K]: Audience },
  reader: Reader,
  ownerOrganisationId?: string | null,
): Omit<T, K> & Partial<Pick<T, K>> {
  const hidden = hiddenFields<T>(audiences as FieldAudiences<T>, reader, ownerOrganisationId);
  if (hidden.length === 0) return record;
  const copy = { ...record };
  for (const field of hidden) delete copy[field];
  return copy;
}

/** Of the columns a search may look in, those this reader may read. */
export function searchableFor<C>(
  columns: readonly (readonly [C, Audience])[],
  reader: Reader,
  ownerOrganisationId?: string | null,
): C[] {
  return columns.filter(([, audience]) => mayRead(audience, reader, ownerOrganisationId)).map(([c]) => c);
}
