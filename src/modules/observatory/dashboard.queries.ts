/**
 * The grouped queries behind the dashboards and exports. Rows never come to the
 * application, only their aggregates; each query reads the values through the
 * `observatory_values_dashboard_idx` index (delegation, indicator, year).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { countedStatuses, sqlList, toNumber } from './dashboard.sql.ts';

/** One aggregate of the counted answers: an indicator, a year, a convention type, a department. */
export interface Cell {
  code: string;
  year: number;
  conventionType: string;
  department: string | null;
  /** From a synthetic (demonstration) campaign: never added to real figures. */
  synthetic: boolean;
  value: number;
  answers: number;
  median: number | null;
}

export interface CellFilter {
  codes?: readonly string[];
  from: number;
  to: number;
  type?: string | undefined;
  department?: string | undefined;
  include?: 'submitted' | undefined;
}

/** The exit categories of a year and type, summed (for the dynamic-exit rate). */
export interface ExitSums {
  year: number;
  conventionType: string;
  synthetic: boolean;
  sums: Record<string, number>;
}

function valueConditions(filter: CellFilter) {
  const conditions = [
    sql`v.year between ${filter.from} and ${filter.to}`,
    sql`s.status in (${sqlList(countedStatuses(filter.include))})`,
  ];
  if (filter.codes) conditions.push(sql`v.indicator_code in (${sqlList(filter.codes)})`);
  if (filter.type) conditions.push(sql`v.convention_type = ${filter.type}`);
  if (filter.department) conditions.push(sql`v.department = ${filter.department}`);
  return sql.join(conditions, sql` and `);
}

/**
 * Sum, count and median by indicator × year × type × department (× campaign: synthetic
 * campaigns group apart, so they are never added to real answers). The campaigns are
 * joined after grouping: joined before, the planner misjudges how many answers a
 * delegation's campaigns hold and walks the values one answer at a time (ten times slower).
 */
export async function groupedCells(tx: Tx, filter: CellFilter): Promise<Cell[]> {
  if (filter.codes?.length === 0) return [];
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select g.*, c.synthetic from (
          select v.indicator_code as code, v.year, v.convention_type as "conventionType", v.department,
                 s.campaign_id, sum(v.value)::float8 as value, count(*)::int as answers,
                 percentile_cont(0.5) within group (order by v.value)::float8 as median
          from observatory_values v join observatory_submissions s on s.id = v.submission_id
          where ${valueConditions(filter)}
          group by v.indicator_code, v.year, v.convention_type, v.department, s.campaign_id
        ) g join observatory_campaigns c on c.id = g.campaign_id
        order by g.code, g.year, g."conventionType", g.department`,
  );
  return rows.map((row) => ({
    code: String(row.code),
    year: Number(row.year),
    conventionType: String(row.conventionType),
    department: row.department === null ? null : String(row.department),
    synthetic: row.synthetic === true,
    value: toNumber(row.value) ?? 0,
    answers: Number(row.answers),
    median: toNumber(row.median),
  }));
}

/** The exit categories summed by year × type (no department, no median: what the rate needs). */
export async function exitSums(tx: Tx, filter: CellFilter): Promise<ExitSums[]> {
  const codes = ['exitsTotal', 'exitsDurable', 'exitsTransition', 'exitsPositive'];
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select g.*, c.synthetic from (
          select v.year, v.convention_type as "conventionType", s.campaign_id,
                 ${sql.join(
                   codes.map(
                     (code) =>
                       sql`sum(v.value) filter (where v.indicator_code = ${code})::float8 as ${sql.identifier(code)}`,
                   ),
                   sql`, `,
                 )}
          from observatory_values v join observatory_submissions s on s.id = v.submission_id
          where ${valueConditions({ ...filter, codes })}
          group by v.year, v.convention_type, s.campaign_id
        ) g join observatory_campaigns c on c.id = g.campaign_id`,
  );
  return rows.map((row) => ({
    year: Number(row.year),
    conventionType: String(row.conventionType),
    synthetic: row.synthetic === true,
    sums: Object.fromEntries(codes.map((code) => [code, toNumber(row[code]) ?? 0])),
  }));
}

/**
 * Member organisations whose answer counts, by year (an organisation answering for two
 * types counts once) and by type × department: the computed side of "59 adhérents".
 */
export async function membersAnswering(
  tx: Tx,
  filter: CellFilter,
): Promise<{ totals: Cell[]; cells: Cell[] }> {
  const conditions = [
    sql`s.year between ${filter.from} and ${filter.to}`,
    sql`s.status in (${sqlList(countedStatuses(filter.include))})`,
  ];
  if (filter.type) conditions.push(sql`s.convention_type = ${filter.type}`);
  if (filter.department) conditions.push(sql`s.department = ${filter.department}`);
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select s.year, s.convention_type as "conventionType", s.department, c.synthetic,
               count(distinct s.organisation_id)::int as members, grouping(s.convention_type) = 1 as "allTypes"
        from observatory_submissions s join observatory_campaigns c on c.id = s.campaign_id
        where ${sql.join(conditions, sql` and `)}
        group by grouping sets ((s.year, c.synthetic), (s.year, c.synthetic, s.convention_type, s.department))`,
  );
  const totals: Cell[] = [];
  const cells: Cell[] = [];
  for (const row of rows) {
    const members = Number(row.members);
    const cell: Cell = {
      code: 'membersAnswering',
      year: Number(row.year),
      conventionType: row.allTypes ? '' : String(row.conventionType),
      department: row.department === null ? null : String(row.department),
      synthetic: row.synthetic === true,
      value: members,
      answers: members,
      median: null,
    };
    (row.allTypes ? totals : cells).push(cell);
  }
  const order = (a: Cell, b: Cell) =>
    a.year - b.year ||
    a.conventionType.localeCompare(b.conventionType) ||
    (a.department ?? '').localeCompare(b.department ?? '');
  return { totals: totals.sort(order), cells: cells.sort(order) };
}
