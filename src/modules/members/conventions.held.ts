/**
 * Where an organisation's conventions are held: on one of its establishments, or on the
 * organisation as a whole (no establishment). The directory, the export, the import and
 * the report all read them so: a place shows its own, the first place also the
 * organisation's.
 */
import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { conventions } from './members.table.ts';

export function heldConventions(tx: Tx, where?: SQL) {
  return tx
    .select({
      organisationId: conventions.organisationId,
      establishmentId: conventions.establishmentId,
      type: conventions.type,
      departments: conventions.departments,
    })
    .from(conventions)
    .where(where);
}

/** The place key of the conventions held by the organisation itself. */
export const organisationPlace = (organisationId: string) => `organisation:${organisationId}`;

/** Conventions by place: an establishment's id, or organisationPlace() of its organisation. */
export function byPlace<C extends { organisationId: string; establishmentId: string | null }>(
  held: C[],
): Map<string, C[]> {
  const places = new Map<string, C[]>();
  for (const c of held) {
    const place = c.establishmentId ?? organisationPlace(c.organisationId);
    places.set(place, [...(places.get(place) ?? []), c]);
  }
  return places;
}
