import { asc, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { conventionTypes } from '../members/members.table.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import { addDeclaredCodes, DERIVED_INDICATORS, indicatorInfo } from './dashboard.sql.ts';
import { listDeclared } from './declared.service.ts';
import { observatoryCampaigns } from './observatory.table.ts';

const order = new Map(
  [...DEFAULT_INDICATORS, ...DERIVED_INDICATORS].map((indicator, index) => [indicator.code, index]),
);

/**
 * What the dashboard's filters offer: the indicators (catalogues, derived figures, codes
 * only declared), the years with a campaign or a declared aggregate (synthetic ones
 * named), the types and departments answers were given for, and the organisations that
 * answered (the staff's picker of the peer position).
 */
export async function dashboardOptions(tx: Tx) {
  const info = await indicatorInfo(tx);
  const declared = await listDeclared(tx);
  addDeclaredCodes(info, declared);
  const campaigns = await tx
    .select({ year: observatoryCampaigns.year, synthetic: observatoryCampaigns.synthetic })
    .from(observatoryCampaigns)
    .orderBy(asc(observatoryCampaigns.year));
  const answered = await queryRows<{ conventionType: string; department: string | null }>(
    tx,
    sql`select distinct convention_type as "conventionType", department from observatory_submissions`,
  );
  const respondents = await queryRows<{ id: string; name: string; types: string[] }>(
    tx,
    sql`select o.id, o.name, array_agg(distinct s.convention_type order by s.convention_type) as types
        from organisations o join observatory_submissions s on s.organisation_id = o.id
        where s.status in ('validated', 'submitted')
        group by o.id, o.name order by o.name`,
  );
  const years = new Set([...campaigns.map((c) => c.year), ...declared.map((d) => d.year)]);
  const types = new Set(answered.map((a) => a.conventionType));
  return {
    indicators: [...info.values()].sort(
      (a, b) => (order.get(a.code) ?? 1e6) - (order.get(b.code) ?? 1e6) || a.code.localeCompare(b.code),
    ),
    years: [...years].sort((a, b) => a - b),
    syntheticYears: campaigns.filter((c) => c.synthetic).map((c) => c.year),
    declaredYears: [...new Set(declared.map((d) => d.year))].sort((a, b) => a - b),
    types: conventionTypes.filter((type) => types.has(type)),
    departments: [
      ...new Set(answered.map((a) => a.department).filter((d): d is string => d !== null)),
    ].sort(),
    respondents: respondents.map((r) => ({ ...r, types: Array.isArray(r.types) ? r.types : [] })),
  };
}
