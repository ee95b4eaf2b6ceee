import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { type DeclaredFigure, declaredFigures } from '../figures/figures.service.ts';
import { departmentName } from '../members/members.validation.ts';
import { type ProjectKind, projectSessions, territorialProjects as projects } from './territories.table.ts';

/** The declared figures this feature shows next to what the records compute (never added to them). */
export const TERRITORY_FIGURE_KEYS = [
  'ptcePhase1',
  'ptcePhase2',
  'tzcldTerritories',
  'zestSessions',
  'zestTrainees',
] as const;
export type TerritoryFigureKey = (typeof TERRITORY_FIGURE_KEYS)[number];

export interface TerritoryStats {
  year: number;
  computed: {
    ptcePhase1: number;
    ptcePhase2: number;
    ptcePhaseUnknown: number;
    tzcldTerritories: number;
    zestProgrammes: number;
    zestSessions: number;
    zestTrainees: number;
    // Sessions without a date belong to no year: counted apart so that the reader sees them.
    zestUndatedSessions: number;
  };
  declared: Record<TerritoryFigureKey, DeclaredFigure | null>;
}

/**
 * The projects at 31 December of `year`, from the records, and the declared figures of
 * that year. A project is counted while not ended (the table keeps no end date, so an
 * ended project leaves every year's count); a TZCLD territory counts from its
 * authorisation, or every year when the date is unknown. ZEST' sessions count in the
 * year they start (or end, when only the end is known).
 */
export async function territoryStats(tx: Tx, year: number): Promise<TerritoryStats> {
  const end = `${year}-12-31`;
  const [counts] = await tx
    .select({
      ptcePhase1: sql<number>`count(*) filter (where ${projects.kind} = 'ptce' and ${projects.phase} = 1)::int`,
      ptcePhase2: sql<number>`count(*) filter (where ${projects.kind} = 'ptce' and ${projects.phase} = 2)::int`,
      ptcePhaseUnknown: sql<number>`count(*) filter (where ${projects.kind} = 'ptce' and ${projects.phase} is null)::int`,
      tzcldTerritories: sql<number>`count(*) filter (where ${projects.kind} = 'tzcld' and (${projects.authorisedOn} is null or ${projects.authorisedOn} <= ${end}))::int`,
      zestProgrammes: sql<number>`count(*) filter (where ${projects.kind} = 'zest')::int`,
    })
    .from(projects)
    .where(ne(projects.status, 'ended'));
  const sessionYear = sql`extract(year from coalesce(${projectSessions.startsOn}, ${projectSessions.endsOn}))`;
  const [sessions] = await tx
    .select({
      zestSessions: sql<number>`count(*) filter (where ${sessionYear} = ${year})::int`,
      zestTrainees: sql<number>`coalesce(sum(${projectSessions.traineesCount}) filter (where ${sessionYear} = ${year}), 0)::int`,
      zestUndatedSessions: sql<number>`count(*) filter (where ${sessionYear} is null)::int`,
    })
    .from(projectSessions)
    .innerJoin(projects, eq(projects.id, projectSessions.projectId))
    .where(and(eq(projects.kind, 'zest')));
  const figures = await declaredFigures(tx, year);
  const declared = Object.fromEntries(
    TERRITORY_FIGURE_KEYS.map((key) => [key, figures.find((f) => f.key === key) ?? null]),
  ) as Record<TerritoryFigureKey, DeclaredFigure | null>;
  return {
    year,
    computed: {
      ptcePhase1: counts?.ptcePhase1 ?? 0,
      ptcePhase2: counts?.ptcePhase2 ?? 0,
      ptcePhaseUnknown: counts?.ptcePhaseUnknown ?? 0,
      tzcldTerritories: counts?.tzcldTerritories ?? 0,
      zestProgrammes: counts?.zestProgrammes ?? 0,
      zestSessions: sessions?.zestSessions ?? 0,
      zestTrainees: sessions?.zestTrainees ?? 0,
      zestUndatedSessions: sessions?.zestUndatedSessions ?? 0,
    },
    declared,
  };
}

export interface DepartmentProjects {
  code: string;
  name: string | null;
  ptce: number;
  tzcld: number;
  zest: number;
  total: number;
}

/**
 * Projects per department and kind: every department the delegation covers (zero
 * included, so that the map draws the region), then any other a project names.
 */
export async function projectsMap(tx: Tx, delegationId: string) {
  const [delegation] = await tx
    .select({ departments: delegations.departmentsCovered })
    .from(delegations)
    .where(eq(delegations.id, delegationId));
  const rows = await tx
    .select({
      code: sql<string>`d.code`,
      kind: sql<ProjectKind>`${projects.kind}`,
      count: sql<number>`count(*)::int`,
    })
    .from(sql`${projects} cross join lateral unnest(${projects.departments}) as d(code)`)
    .groupBy(sql`d.code`, projects.kind);
  const [unplaced] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(projects)
    .where(sql`cardinality(${projects.departments}) = 0`);
  const byCode = new Map<string, DepartmentProjects>();
  const entry = (code: string) => {
    let e = byCode.get(code);
    if (!e) {
      e = { code, name: departmentName(code), ptce: 0, tzcld: 0, zest: 0, total: 0 };
      byCode.set(code, e);
    }
    return e;
  };
  for (const code of delegation?.departments ?? []) entry(code);
  for (const row of rows) {
    const e = entry(row.code);
    const kind = row.kind;
    e[kind] = e[kind] + row.count;
    e.total += row.count;
  }
  const departments = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  return { departments, withoutDepartment: unplaced?.count ?? 0 };
}
