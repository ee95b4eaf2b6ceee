import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { dynamicExits } from './catalogue.default.ts';
import {
  type Cell,
  type CellFilter,
  type ExitSums,
  exitSums,
  groupedCells,
  membersAnswering,
} from './dashboard.queries.ts';
import type { DashboardQuery } from './dashboard.schemas.ts';
import {
  addDeclaredCodes,
  countedStatuses,
  DERIVED_CODES,
  type IndicatorInfo,
  indicatorInfo,
} from './dashboard.sql.ts';
import { type DeclaredAggregate, listDeclared } from './declared.service.ts';

/** A point of a series: computed from answers, or declared by a publication (years without answers). */
export type Point =
  | { source: 'computed'; year: number; value: number; answers: number; synthetic: boolean }
  | {
      source: 'declared';
      year: number;
      value: number;
      synthetic: false;
      qualifier: 'exact' | 'about';
      label: string;
      citation: string;
    };
export type TypePoint = Point & { conventionType: string };

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** Sums of cells by a key (their aggregates, not rows): by year, or by year and type. */
function rollUp(cells: Cell[], byType: boolean): TypePoint[] {
  const groups = new Map<string, TypePoint & { source: 'computed' }>();
  for (const cell of cells) {
    const type = byType ? cell.conventionType : '';
    const key = `${cell.year}|${type}|${cell.synthetic}`;
    const point = groups.get(key) ?? {
      source: 'computed' as const,
      year: cell.year,
      conventionType: type,
      value: 0,
      answers: 0,
      synthetic: cell.synthetic,
    };
    point.value += cell.value;
    point.answers += cell.answers;
    groups.set(key, point);
  }
  return [...groups.values()];
}

const declaredPoint = (row: DeclaredAggregate): TypePoint => ({
  source: 'declared',
  year: row.year,
  value: row.value,
  synthetic: false,
  qualifier: row.qualifier,
  label: row.label,
  citation: row.source,
  conventionType: row.conventionType ?? '',
});

const byYearThenType = (a: TypePoint, b: TypePoint) =>
  a.year - b.year || a.conventionType.localeCompare(b.conventionType) || a.source.localeCompare(b.source);

/**
 * Declared aggregates fill the years without answers, and only where they describe the
 * selection: an all-types figure is no answer for one type or one department.
 */
function withDeclared(
  computed: TypePoint[],
  declared: DeclaredAggregate[],
  filter: CellFilter,
  level: 'total' | 'type',
) {
  if (filter.department) return computed;
  const has = new Set(computed.map((p) => `${p.year}|${level === 'type' ? p.conventionType : ''}`));
  const extra = declared.filter((row) => {
    const type = row.conventionType;
    const fits =
      level === 'total'
        ? filter.type
          ? type === filter.type
          : type === null
        : type !== null && (!filter.type || type === filter.type);
    return fits && !has.has(`${row.year}|${level === 'type' ? type : ''}`);
  });
  return [...computed, ...extra.map(declaredPoint)].sort(byYearThenType);
}

/** Dynamic exits (durable + transition + positive) and their rate over all exits, by year (and type). */
function dynamicExitRates(rows: ExitSums[], byType: boolean) {
  const groups = new Map<string, ExitSums>();
  for (const row of rows) {
    const type = byType ? row.conventionType : '';
    const key = `${row.year}|${type}|${row.synthetic}`;
    const group = groups.get(key) ?? {
      year: row.year,
      conventionType: type,
      synthetic: row.synthetic,
      sums: {},
    };
    for (const [code, value] of Object.entries(row.sums)) group.sums[code] = (group.sums[code] ?? 0) + value;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ sums, ...group }) => ({ ...group, ...dynamicExits(sums) }))
    .sort((a, b) => a.year - b.year || a.conventionType.localeCompare(b.conventionType));
}

/**
 * The dashboard of the chosen indicators: per indicator, totals by year, by type and year,
 * and sum / answers / median by type × department × year; the dynamic-exit rate by year
 * and by type; declared aggregates for the years without answers. Every point says its
 * source (`computed` or `declared`) and whether it is synthetic.
 */
export async function dashboard(tx: Tx, query: DashboardQuery) {
  const from = query.from ?? FIRST_YEAR;
  const to = query.to ?? LAST_YEAR;
  if (from > to)
    throw new AppError('request.invalid', {
      fields: [
        {
          field: 'querystring.from',
          code: 'observatory.dashboard.range_invalid',
          message: message('observatory.dashboard.range_invalid'),
        },
      ],
    });
  const filter: CellFilter = {
    from,
    to,
    type: query.type,
    department: query.department,
    include: query.include,
  };
  const codes = query.indicators;
  const info = await indicatorInfo(tx, codes);
  const declared = await listDeclared(tx, { codes });
  addDeclaredCodes(info, declared);
  const unknown = codes.filter((code) => !info.has(code));
  if (unknown.length > 0)
    throw new AppError('request.invalid', {
      fields: [
        {
          field: 'querystring.indicators',
          code: 'observatory.dashboard.unknown_indicator',
          message: message('observatory.dashboard.unknown_indicator', { codes: unknown.join(', ') }),
        },
      ],
    });
  const stored = codes.filter((code) => !DERIVED_CODES.has(code));
  // One after the other: a transaction is one connection, which runs one query at a time.
  const cells = await groupedCells(tx, { ...filter, codes: stored });
  const exits = await exitSums(tx, filter);
  const members = codes.includes('membersAnswering') ? await membersAnswering(tx, filter) : null;
  const inRange = declared.filter((row) => row.year >= from && row.year <= to);

  const indicators = codes.map((code) => {
    const own = code === 'membersAnswering' && members ? members.cells : cells.filter((c) => c.code === code);
    const totals =
      code === 'membersAnswering' && members ? rollUp(members.totals, false) : rollUp(own, false);
    const ofCode = inRange.filter((row) => row.indicatorCode === code);
    return {
      ...(info.get(code) as IndicatorInfo),
      totals: withDeclared(totals, ofCode, filter, 'total').map(({ conventionType: _t, ...point }) => point),
      byType: withDeclared(rollUp(own, true), ofCode, filter, 'type'),
      cells: own.map(({ code: _c, ...cell }) => cell),
    };
  });
  const dynamic = {
    byYear: dynamicExitRates(exits, false).map(({ conventionType: _t, ...rate }) => rate),
    byType: dynamicExitRates(exits, true),
  };
  const synthetic =
    indicators.some((i) => i.totals.some((p) => p.synthetic) || i.byType.some((p) => p.synthetic)) ||
    dynamic.byYear.some((r) => r.synthetic);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    type: query.type ?? null,
    department: query.department ?? null,
    counted: countedStatuses(query.include),
    synthetic,
    indicators,
    dynamicExits: dynamic,
  };
}
