/**
 * Pieces shared by the dashboard, the peer position and the exports: which answers
 * count, and what an indicator code is called (the campaigns' catalogues, the default
 * one, the figures derived from the answers themselves).
 */
import { type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import type { IndicatorUnit, SubmissionStatus } from './observatory.table.ts';

/**
 * Only validated answers count; `submitted` adds those waiting for validation (to follow a
 * campaign under way). Drafts and answers sent back for correction never count.
 */
export function countedStatuses(include: 'submitted' | undefined): SubmissionStatus[] {
  return include === 'submitted' ? ['validated', 'submitted'] : ['validated'];
}

/** `a, b, c` as bound parameters, for `in (…)` (PGlite and node-postgres alike). */
export function sqlList(values: readonly (string | number)[]): SQL {
  return sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
}

/** numeric and float8 come back as strings from some drivers. */
export const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export interface IndicatorInfo {
  code: string;
  label: string;
  unit: IndicatorUnit;
  section: string;
  definition: string | null;
}

/**
 * Figures computed from the answers rather than entered: the seed's "59 adhérents" is the
 * number of member organisations whose answer counts that year. An organisation answering
 * for two convention types counts once.
 */
export const DERIVED_INDICATORS: IndicatorInfo[] = [
  {
    code: 'membersAnswering',
    label: 'Adhérents répondants',
    unit: 'count',
    section: 'people',
    definition:
      'Organisations adhérentes dont la réponse à l’observatoire est comptée pour l’année (une organisation à plusieurs conventions compte une fois).',
  },
];
export const DERIVED_CODES = new Set(DERIVED_INDICATORS.map((i) => i.code));

/**
 * What each code is called: the latest campaign's catalogue (staff may have reworded it),
 * else the default catalogue, else a derived figure. `codes` undefined: every code.
 */
export async function indicatorInfo(tx: Tx, codes?: readonly string[]): Promise<Map<string, IndicatorInfo>> {
  const info = new Map<string, IndicatorInfo>();
  const wanted = (code: string) => !codes || codes.includes(code);
  for (const { code, label, unit, section, definition } of DEFAULT_INDICATORS) {
    if (wanted(code)) info.set(code, { code, label, unit, section, definition });
  }
  for (const indicator of DERIVED_INDICATORS) if (wanted(indicator.code)) info.set(indicator.code, indicator);
  if (codes && codes.length === 0) return info;
  const rows = await queryRows<IndicatorInfo>(
    tx,
    sql`select distinct on (i.code) i.code, i.label, i.unit, i.section, i.definition
        from observatory_indicators i join observatory_campaigns c on c.id = i.campaign_id
        ${codes ? sql`where i.code in (${sqlList(codes)})` : sql``}
        order by i.code, c.year desc`,
  );
  for (const row of rows) info.set(row.code, row);
  return info;
}

/**
 * A code only declared aggregates know (no catalogue has it): named by its latest declared
 * label. Its unit cannot be told; "count" is the least wrong guess.
 */
export function addDeclaredCodes(
  info: Map<string, IndicatorInfo>,
  declared: readonly { indicatorCode: string; label: string; year: number }[],
) {
  const latestFirst = [...declared].sort((a, b) => b.year - a.year);
  for (const row of latestFirst) {
    if (info.has(row.indicatorCode)) continue;
    info.set(row.indicatorCode, {
      code: row.indicatorCode,
      label: row.label,
      unit: 'count',
      section: 'declared',
      definition: null,
    });
  }
}
