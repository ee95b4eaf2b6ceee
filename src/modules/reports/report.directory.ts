/**
 * The report's members section: the headline counts (the counting rule of
 * members.stats.ts, docs/decisions/007) and the directory as the report prints it,
 * department by department.
 */
import { asc, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { heldConventions } from '../members/conventions.held.ts';
import { establishmentPlaceColumns } from '../members/members.queries.ts';
import { CONVENTION_TYPES } from '../members/members.schemas.ts';
import { countMembers, loadStatsOrganisations } from '../members/members.stats.ts';
import { conventions, establishments, organisations } from '../members/members.table.ts';
import { departmentName } from '../members/members.validation.ts';
import type { AnnualReport, ReportDepartment, ReportOrganisation } from './report.types.ts';

const typeOrder = (type: string) => CONVENTION_TYPES.indexOf(type as (typeof CONVENTION_TYPES)[number]);
const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'fr', { sensitivity: 'base', ignorePunctuation: true });

/**
 * Members during the year. Each establishment of a member organisation is listed under
 * its own department and under every department its conventions say they cover (a
 * convention covering 31 and 81 is printed in both lists, counted once), with the
 * convention types it holds; conventions attached to no establishment are shown on the
 * organisation's first one. A department's `count` is the counting rule's, not the
 * number of lines listed under it.
 */
export async function buildMembers(tx: Tx, year: number): Promise<AnnualReport['members']> {
  const loaded = await loadStatsOrganisations(tx, year);
  const stats = countMembers(loaded, year);
  const ids = loaded.map((o) => o.id);
  const departments = new Map<string, ReportOrganisation[]>();
  if (ids.length > 0) {
    const names = new Map(
      (
        await tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, ids))
      ).map((o) => [o.id, o.name]),
    );
    const places = await tx
      .select(establishmentPlaceColumns)
      .from(establishments)
      .where(inArray(establishments.organisationId, ids))
      .orderBy(asc(establishments.createdAt), asc(establishments.id));
    const held = await heldConventions(tx, inArray(conventions.organisationId, ids));
    // loadStatsOrganisations orders establishments headquarters first: its first one is "the first".
    const firstOf = new Map(loaded.map((o) => [o.id, o.establishments[0]?.id ?? null]));
    const known = new Set(places.map((p) => p.id));
    for (const place of places) {
      const own = held.filter(
        (c) =>
          c.establishmentId === place.id ||
          ((c.establishmentId === null || !known.has(c.establishmentId)) &&
            firstOf.get(place.organisationId) === place.id),
      );
      const types = [...new Set(own.map((c) => c.type))].sort((a, b) => typeOrder(a) - typeOrder(b));
      const listedUnder = new Set([place.department, ...own.flatMap((c) => c.departments)]);
      const line: ReportOrganisation = {
        name: names.get(place.organisationId) ?? '',
        types,
        address: place.address,
        postcode: place.postcode,
        city: place.city,
        phone: place.phone,
        email: place.email,
      };
      for (const code of listedUnder) {
        if (!code) continue;
        departments.set(code, [...(departments.get(code) ?? []), line]);
      }
    }
  }
  const codes = [...new Set([...departments.keys(), ...Object.keys(stats.byDepartment)])].sort();
  const byDepartment: ReportDepartment[] = codes.map((code) => ({
    code,
    name: departmentName(code) ?? code,
    count: stats.byDepartment[code] ?? 0,
    organisations: (departments.get(code) ?? []).sort(byName),
  }));
  const byType: Record<string, number> = {};
  for (const [type, n] of Object.entries(stats.byType)) if (n) byType[type] = n;
  return {
    total: stats.total,
    byType,
    organisations: loaded.filter((o) => o.periods.length > 0).length,
    byDepartment,
  };
}
