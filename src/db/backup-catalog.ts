import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from './client.ts';
import { migrationsFolder } from './migrate.ts';

/** A failure of backup or restore, with a French message meant for the operator. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    text: string,
  ) {
    super(text);
  }
}

export interface TableInfo {
  name: string;
  /** Columns a restore writes (generated columns are left out: the database recomputes them). */
  columns: string[];
  primaryKey: string[];
}

export interface MigrationLevel {
  /** `when` of the last applied migration in migrations/meta/_journal.json (drizzle's created_at). */
  createdAt: number;
  tag: string | null;
}

export interface TableSum {
  rows: number;
  checksum: string;
}

/**
 * Row text depends on session settings (time zone, float digits, date style): both sides
 * fix them so that the same rows give the same checksum on PGlite and on PostgreSQL.
 */
export async function fixTextSettings(tx: Tx): Promise<void> {
  await tx.execute(sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true),
    set_config('intervalstyle', 'postgres', true), set_config('extra_float_digits', '1', true),
    set_config('bytea_output', 'hex', true)`);
}

/** The application's tables (schema public), parents before children (foreign keys). */
export async function listTables(db: Db | Tx): Promise<TableInfo[]> {
  const rows = await queryRows<{
    name: string;
    columns: string[];
    pk: string[] | null;
    parents: string[] | null;
  }>(
    db,
    sql`select c.relname as name,
          (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
          (select array_agg(a.attname::text order by k.ord) from pg_index i
            cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
            where i.indrelid = c.oid and i.indisprimary) as pk,
          (select array_agg(distinct p.relname::text) from pg_constraint f join pg_class p on p.oid = f.confrelid
            where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as parents
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    const row = byName.get(name);
    if (!row || placed.has(name) || visiting.has(name)) return; // a cycle is broken where it is met
    visiting.add(name);
    for (const parent of row.parents ?? []) visit(parent);
    visiting.delete(name);
    placed.add(name);
    ordered.push({ name, columns: row.columns, primaryKey: row.pk ?? [] });
  };
  for (const row of rows) visit(row.name);
  return ordered;
}

export async function listSequences(
  db: Db | Tx,
): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const names = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by 1`,
  );
  const out = [];
  for (const { name } of names) {
    const [row] = await queryRows<{ last_value: string; is_called: boolean }>(
      db,
      sql`select last_value::text, is_called from ${sql.identifier(name)}`,
    );
    if (row) out.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return out;
}

export async function migrationLevel(db: Db | Tx): Promise<MigrationLevel> {
  const [row] = await queryRows<{ created_at: string | null }>(
    db,
    sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`,
  );
  const createdAt = Number(row?.created_at ?? 0);
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  return { createdAt, tag: journal.entries.find((e) => e.when === createdAt)?.tag ?? null };
}

/** Row count and md5 of the rows' text sorted bytewise: the same rows give the same sum anywhere. */
export async function tableSum(tx: Tx, table: string): Promise<TableSum> {
  const name = sql.identifier(table);
  const [row] = await queryRows<{ rows: string; checksum: string }>(
    tx,
    sql`select count(*)::text as rows,
          md5(coalesce(string_agg(t::text, E'\n' order by t::text collate "C"), '')) as checksum
        from ${name} t`,
  );
  return { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? '' };
}

/**
 * Reading every tenant's rows and writing them with triggers off needs a superuser:
 * row-level security is forced on tenant tables (even for their owner), and
 * session_replication_role can only be set by a superuser.
 */
export async function requireSuperuser(db: Db | Tx, action: 'sauvegarde' | 'restauration'): Promise<void> {
  const [row] = await queryRows<{ name: string; superuser: boolean }>(
    db,
    sql`select current_user::text as name, rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (!row?.superuser)
    throw new BackupError(
      'backup.not_superuser',
      `La ${action} exige un super-utilisateur PostgreSQL : l'utilisateur « ${row?.name ?? '?'} » de DATABASE_URL n'en est pas un ` +
        `(la sécurité au niveau des lignes masquerait des données et les déclencheurs ne peuvent pas être suspendus). ` +
        `Relancez la commande avec l'URL d'un super-utilisateur (par exemple postgres).`,
    );
}
