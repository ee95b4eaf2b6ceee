import { eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import type { Role } from '../accounts/accounts.table.ts';
import { organisations } from '../members/members.table.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import type { PositionQuery } from './dashboard.schemas.ts';
import { countedStatuses, indicatorInfo, sqlList, toNumber } from './dashboard.sql.ts';

/**
 * Below this many peers the quartiles would let a member guess others' figures: they are
 * not computed into the answer, and the answer says why.
 */
export const MIN_PEERS = 5;

const DYNAMIC_RATE = {
  code: 'dynamicExitRate',
  label: 'Taux de sortie dynamique',
  unit: 'percent' as const,
  section: 'exits',
  definition: 'Sorties vers l’emploi durable, de transition et positives, sur l’ensemble des sorties.',
};

interface Viewer {
  role: Role;
  organisationId: string | null;
}

/**
 * An organisation's figures of a year and convention type beside the quartiles of its
 * peers: the other organisations of the delegation that answered for the same type that
 * year (the organisation itself is left out of its peers). Quartiles are computed in the
 * database and only when there are at least five peers. A member sees its own only.
 */
export async function peerPosition(tx: Tx, viewer: Viewer, organisationId: string, query: PositionQuery) {
  if (viewer.role === 'member' && viewer.organisationId !== organisationId)
    throw new AppError('observatory.position.own_only');
  const [organisation] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new AppError('record.not_found');
  const statuses = countedStatuses(query.include);
  const answers = await queryRows<{ year: number; conventionType: string; synthetic: boolean }>(
    tx,
    sql`select s.year, s.convention_type as "conventionType", c.synthetic
        from observatory_submissions s join observatory_campaigns c on c.id = s.campaign_id
        where s.organisation_id = ${organisationId} and s.status in (${sqlList(statuses)})
        order by s.year desc, s.convention_type`,
  );
  const year = query.year ?? answers[0]?.year ?? null;
  const conventionType = query.type ?? answers.find((a) => a.year === year)?.conventionType ?? null;
  const answer = answers.find((a) => a.year === year && a.conventionType === conventionType);
  const base = {
    organisation,
    year,
    conventionType,
    counted: statuses,
    minPeers: MIN_PEERS,
    answers,
    synthetic: answer?.synthetic ?? false,
  };
  if (!answer || year === null || conventionType === null) return { ...base, items: [] };

  const peers = sql`v.organisation_id <> ${organisationId}`;
  const enough = sql`count(*) filter (where ${peers} and value is not null) >= ${MIN_PEERS}`;
  const quartile = (fraction: number) =>
    sql`case when ${enough} then percentile_cont(${fraction}::float8) within group (order by value) filter (where ${peers}) end::float8`;
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`with counted as (
          select v.submission_id, v.organisation_id, v.indicator_code, v.value::float8 as value
          from observatory_values v join observatory_submissions s on s.id = v.submission_id
          where v.year = ${year} and v.convention_type = ${conventionType} and s.status in (${sqlList(statuses)})
        ), rates as (
          select organisation_id, 100 * sum(value) filter (
                   where indicator_code in ('exitsDurable', 'exitsTransition', 'exitsPositive'))
                 / nullif(sum(value) filter (where indicator_code = 'exitsTotal'), 0) as value
          from counted group by submission_id, organisation_id
        ), figures as (
          select indicator_code as code, organisation_id, value from counted
          union all
          select ${DYNAMIC_RATE.code}::text, organisation_id, value from rates
        )
        select code, max(value) filter (where v.organisation_id = ${organisationId}) as own,
               count(*) filter (where ${peers} and value is not null)::int as peers,
               ${quartile(0.25)} as q1, ${quartile(0.5)} as median, ${quartile(0.75)} as q3
        from figures v group by code`,
  );
  const info = await indicatorInfo(tx, [...rows.map((r) => String(r.code))]);
  info.set(DYNAMIC_RATE.code, DYNAMIC_RATE);
  const order = await queryRows<{ code: string }>(
    tx,
    sql`select i.code from observatory_indicators i join observatory_campaigns c on c.id = i.campaign_id
        where c.year = ${year} order by i.position, i.code`,
  );
  // The campaign's catalogue order; the default catalogue's when the campaign kept none.
  const codes = order.length > 0 ? order.map((row) => row.code) : DEFAULT_INDICATORS.map((i) => i.code);
  const rank = new Map(codes.map((code, index) => [code, index]));
  rank.set(DYNAMIC_RATE.code, rank.size);
  const items = rows
    // The exit rate of a type whose answers give no exits at all: nothing to place.
    .filter((row) => row.own !== null || Number(row.peers) > 0)
    .map((row) => {
      const code = String(row.code);
      const peersCount = Number(row.peers);
      const meta = info.get(code);
      return {
        code,
        label: meta?.label ?? code,
        unit: meta?.unit ?? 'count',
        own: toNumber(row.own),
        peers: peersCount,
        quartilesHidden: peersCount < MIN_PEERS,
        q1: toNumber(row.q1),
        median: toNumber(row.median),
        q3: toNumber(row.q3),
      };
    })
    .sort((a, b) => (rank.get(a.code) ?? 1e6) - (rank.get(b.code) ?? 1e6) || a.code.localeCompare(b.code));
  return { ...base, items };
}
