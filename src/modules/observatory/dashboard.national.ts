import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { toNumber } from './dashboard.sql.ts';

/**
 * One indicator summed over every delegation, by year, for the benchmark. The federation's
 * own roll-up does not use it: it sums each delegation's dashboard read through its
 * row-level-security policy (federation.service.ts, decision 020).
 *
 * It runs as the database owner, outside row-level security, which ADR 003 keeps for a
 * few named reads. Why that is safe here:
 * - it returns aggregates only: per year a sum, a number of answers and of delegations;
 *   no organisation, no delegation, no single answer can be read back from it;
 * - it counts validated answers only, and synthetic campaigns are summed apart;
 * - no route exposes it: it is called by code that runs for the whole installation (the bench).
 * The owner connection must be allowed to bypass row-level security (superuser or
 * BYPASSRLS, as for the other owner-level reads); otherwise every table would look empty
 * and the totals would silently be zero, so that is checked first.
 */
export async function nationalRollup(db: Db, indicator: string, fromYear: number, toYear: number) {
  const [role] = await queryRows<{ bypasses: boolean }>(
    db,
    sql`select rolsuper or rolbypassrls as bypasses from pg_roles where rolname = current_user`,
  );
  if (!role?.bypasses)
    throw new Error('nationalRollup needs a connection that bypasses row-level security (the owner)');
  // Joined to the delegations so that each one is an index range scan of
  // observatory_values_dashboard_idx (delegation, indicator, year), not a full scan.
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select v.year, c.synthetic, sum(v.value)::float8 as value, count(*)::int as answers,
               count(distinct v.delegation_id)::int as delegations
        from delegations d
        join observatory_values v on v.delegation_id = d.id
        join observatory_submissions s on s.id = v.submission_id
        join observatory_campaigns c on c.id = s.campaign_id
        where v.indicator_code = ${indicator} and v.year between ${fromYear} and ${toYear}
          and s.status = 'validated'
        group by v.year, c.synthetic
        order by v.year, c.synthetic`,
  );
  return rows.map((row) => ({
    year: Number(row.year),
    synthetic: row.synthetic === true,
    value: toNumber(row.value) ?? 0,
    answers: Number(row.answers),
    delegations: Number(row.delegations),
  }));
}
