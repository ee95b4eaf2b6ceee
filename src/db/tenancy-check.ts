import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client.ts';

export interface TenantTableProblem {
  table: string;
  problem:
    | 'rls_disabled'
    | 'rls_not_forced'
    | 'no_policy'
    | 'no_audit_trigger'
    | 'not_granted'
    | 'no_federation_policy'
    | 'hidden_from_federation_but_readable';
}

/**
 * Tenant tables the federation never reads (migrations/0027_federation_rls.sql,
 * `app_federation_hidden`): who holds an account in a delegation, and link credentials.
 * Every other tenant table has the `federation_read` policy (decision 020).
 */
export const FEDERATION_HIDDEN_TABLES: readonly string[] = ['calendar_tokens', 'invitations', 'user_roles'];

/**
 * Lists the tables that carry `delegation_id` but are not fully secured: row-level
 * security enabled and forced, a policy, privileges for the app role, and the audit
 * trigger (audit_log itself excepted). The tenancy test requires an empty list.
 */
export async function findUnsecuredTenantTables(db: Db): Promise<TenantTableProblem[]> {
  const rows = await queryRows<{
    table: string;
    rls: boolean;
    forced: boolean;
    has_policy: boolean;
    has_audit: boolean;
    granted: boolean;
    federation: boolean;
  }>(
    db,
    sql`
    select c.relname as table,
           c.relrowsecurity as rls,
           c.relforcerowsecurity as forced,
           exists (select 1 from pg_policy p where p.polrelid = c.oid) as has_policy,
           (select count(*) from pg_trigger t where t.tgrelid = c.oid and t.tgname in ('audit_insert', 'audit_update', 'audit_delete')) = 3 as has_audit,
           has_table_privilege('maillage_app', c.oid, 'SELECT') as granted,
           exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'federation_read'
                   and p.polcmd = 'r') as federation
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'delegation_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`,
  );
  const problems: TenantTableProblem[] = [];
  for (const row of rows) {
    if (!row.rls) problems.push({ table: row.table, problem: 'rls_disabled' });
    if (!row.forced) problems.push({ table: row.table, problem: 'rls_not_forced' });
    if (!row.has_policy) problems.push({ table: row.table, problem: 'no_policy' });
    if (!row.granted) problems.push({ table: row.table, problem: 'not_granted' });
    if (!row.has_audit && row.table !== 'audit_log')
      problems.push({ table: row.table, problem: 'no_audit_trigger' });
    const hidden = FEDERATION_HIDDEN_TABLES.includes(row.table);
    if (!hidden && !row.federation) problems.push({ table: row.table, problem: 'no_federation_policy' });
    if (hidden && row.federation)
      problems.push({ table: row.table, problem: 'hidden_from_federation_but_readable' });
  }
  return problems;
}

/** Every tenant table's name, for the isolation test to go through them all. */
export async function tenantTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table: string }>(
    db,
    sql`
    select c.relname as table from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'delegation_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return rows.map((r) => r.table);
}
