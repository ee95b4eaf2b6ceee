import { asc, desc, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { heldConventions } from './conventions.held.ts';
import { CONVENTION_TYPES } from './members.schemas.ts';
import { type ConventionType, conventions, establishments, membershipPeriods } from './members.table.ts';
import { periodInYear } from './membership.periods.ts';

/**
 * How many members a delegation has in a year: the rule of product.md ("The demo
 * dataset"), which reproduces the 2024 report's headline
 * 53 = 23 AI + 23 ACI + 3 ETTI + 2 EI + 1 GES + 1 EBE.
 *
 * The report counts *conventions*, not organisations. For each organisation with a
 * membership period covering the year (from `knownFrom` to `leftOn`, both inclusive;
 * no `leftOn` = still a member):
 * - if any of its conventions is a GES, it counts exactly 1 unit, of type GES (IRISSE,
 *   holding AI + ACI + GES, counts once, as GES). Its department is the one of the
 *   establishment holding the GES convention, else of its first establishment;
 * - otherwise it counts 1 unit per distinct (establishment, convention type) pair: a
 *   multi-type organisation counts once per type (INTER'EM: AI + ACI = 2), two
 *   establishments with their own convention count twice (AVIE in 31 and 82), and an
 *   establishment listed under two departments counts once (AILES, Revel, convention
 *   covering 31 and 81, counted in 31). A convention attached to no establishment
 *   counts once for its type, in the department of the organisation's first
 *   establishment.
 *
 * `byDepartment` uses the establishment's `department` column as stored. A unit whose
 * establishment has no department is counted in `total` and `byType` only.
 */
export interface StatsOrganisation {
  id: string;
  periods: { knownFrom: string; leftOn: string | null }[];
  /** In "first establishment" order: headquarters first, then by creation. */
  establishments: { id: string; department: string | null }[];
  conventions: { type: ConventionType; establishmentId: string | null }[];
}

export interface MemberStats {
  year: number;
  total: number;
  byType: Partial<Record<ConventionType, number>>;
  byDepartment: Record<string, number>;
}

/** True when one of the periods overlaps the calendar year (ISO dates compare as strings). */
export function isMemberDuring(periods: StatsOrganisation['periods'], year: number): boolean {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return periods.some((p) => p.knownFrom <= last && (p.leftOn === null || p.leftOn >= first));
}

/** The counting units of one organisation: one [type, department] per unit. */
export function countingUnits(organisation: StatsOrganisation): [ConventionType, string | null][] {
  const departmentOf = new Map(organisation.establishments.map((e) => [e.id, e.department]));
  const firstDepartment = organisation.establishments[0]?.department ?? null;
  const departmentOfConvention = (establishmentId: string | null) =>
    establishmentId !== null && departmentOf.has(establishmentId)
      ? (departmentOf.get(establishmentId) ?? null)
      : firstDepartment;

  const ges = organisation.conventions.find((c) => c.type === 'GES');
  if (ges) return [['GES', departmentOfConvention(ges.establishmentId)]];

  const units = new Map<string, [ConventionType, string | null]>();
  for (const convention of organisation.conventions) {
    // A convention pointing at an unknown establishment is treated as attached to none.
    const place =
      convention.establishmentId !== null && departmentOf.has(convention.establishmentId)
        ? convention.establishmentId
        : '';
    units.set(`${place}|${convention.type}`, [
      convention.type,
      departmentOfConvention(convention.establishmentId),
    ]);
  }
  return [...units.values()];
}

/** Applies the rule above to loaded organisations. Pure: the same rows always give the same figures. */
export function countMembers(organisations: StatsOrganisation[], year: number): MemberStats {
  const perType = new Map<ConventionType, number>();
  const perDepartment = new Map<string, number>();
  let total = 0;
  for (const organisation of organisations) {
    if (!isMemberDuring(organisation.periods, year)) continue;
    for (const [type, department] of countingUnits(organisation)) {
      total += 1;
      perType.set(type, (perType.get(type) ?? 0) + 1);
      if (department) perDepartment.set(department, (perDepartment.get(department) ?? 0) + 1);
    }
  }
  const byType: MemberStats['byType'] = {};
  for (const type of CONVENTION_TYPES) {
    const n = perType.get(type);
    if (n) byType[type] = n;
  }
  const byDepartment: Record<string, number> = {};
  for (const department of [...perDepartment.keys()].sort())
    byDepartment[department] = perDepartment.get(department) ?? 0;
  return { year, total, byType, byDepartment };
}

/**
 * Loads what `countMembers` needs for the organisations that were members during the
 * year, in three queries whatever their number (run it inside `withTenant`).
 */
export async function loadStatsOrganisations(tx: Tx, year: number): Promise<StatsOrganisation[]> {
  const covering = periodInYear(year);
  const periods = await tx
    .select({
      organisationId: membershipPeriods.organisationId,
      knownFrom: membershipPeriods.knownFrom,
      leftOn: membershipPeriods.leftOn,
    })
    .from(membershipPeriods)
    .where(covering);
  const ids = [...new Set(periods.map((p) => p.organisationId))];
  if (ids.length === 0) return [];
  const members = tx.select({ id: membershipPeriods.organisationId }).from(membershipPeriods).where(covering);
  const [places, held] = [
    await tx
      .select({
        id: establishments.id,
        organisationId: establishments.organisationId,
        department: establishments.department,
      })
      .from(establishments)
      .where(inArray(establishments.organisationId, members))
      .orderBy(desc(establishments.isHeadquarters), asc(establishments.createdAt), asc(establishments.id)),
    await heldConventions(tx, inArray(conventions.organisationId, members)),
  ];
  const byId = new Map<string, StatsOrganisation>(
    ids.map((id) => [id, { id, periods: [], establishments: [], conventions: [] }]),
  );
  for (const p of periods)
    byId.get(p.organisationId)?.periods.push({ knownFrom: p.knownFrom, leftOn: p.leftOn });
  for (const e of places)
    byId.get(e.organisationId)?.establishments.push({ id: e.id, department: e.department });
  for (const c of held)
    byId.get(c.organisationId)?.conventions.push({ type: c.type, establishmentId: c.establishmentId });
  return [...byId.values()];
}

/** The member figures of the tenant's delegation for a year. */
export async function memberStats(tx: Tx, year: number): Promise<MemberStats> {
  return countMembers(await loadStatsOrganisations(tx, year), year);
}
