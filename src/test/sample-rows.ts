import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';

/**
 * Inserts, as the database owner, one row in a table of the public schema for a given
 * delegation, with a value of the right type in every required column, and first the rows
 * its required foreign keys point to. Columns and keys are read from the catalogue, so a
 * new table is covered without being listed anywhere.
 */
export interface SampleRowMaker {
  rowOf(table: string): Promise<Record<string, unknown>>;
}

interface Column {
  table: string;
  column: string;
  udt: string;
  required: boolean;
}
interface ForeignKey {
  table: string;
  ref: string;
  cols: string[];
  refcols: string[];
}

function valueFor(column: Column, enums: Map<string, string>): unknown {
  const enumLabel = enums.get(column.udt);
  if (enumLabel !== undefined) return enumLabel;
  switch (column.udt) {
    case 'uuid':
      return randomUUID();
    case 'text':
    case 'varchar':
      return `echantillon-${column.column}`;
    case 'int2':
    case 'int4':
    case 'int8':
    case 'numeric':
    case 'float4':
    case 'float8':
      return column.column.includes('year') ? '2024' : '1';
    case 'bool':
      return 'false';
    case 'date':
      return '2024-01-15';
    case 'timestamptz':
    case 'timestamp':
      return '2024-01-15T10:00:00Z';
    case 'time':
      return '10:00';
    case 'jsonb':
    case 'json':
      return '{}';
    case 'bytea':
      return Buffer.from([0]);
    default:
      if (column.udt.startsWith('_')) return '{}';
      throw new Error(
        `no sample value for ${column.table}.${column.column} of type ${column.udt}: add one to src/test/sample-rows.ts`,
      );
  }
}

export async function sampleRowMaker(db: Db, delegationId: string): Promise<SampleRowMaker> {
  const columns = await queryRows<Column>(
    db,
    sql`select table_name as "table", column_name as "column", udt_name as udt,
               (is_nullable = 'NO' and column_default is null and is_identity = 'NO') as required
        from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER'
        order by table_name, ordinal_position`,
  );
  const keys = await queryRows<ForeignKey>(
    db,
    sql`select c.conrelid::regclass::text as "table", c.confrelid::regclass::text as ref,
               array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
               array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
                     join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as refcols
        from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const enumRows = await queryRows<{ name: string; label: string }>(
    db,
    sql`select t.typname as name, e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid
        order by e.enumsortorder`,
  );
  const enums = new Map<string, string>();
  for (const e of enumRows) if (!enums.has(e.name)) enums.set(e.name, e.label);
  const made = new Map<string, Record<string, unknown>>([['delegations', { id: delegationId }]]);
  const making = new Set<string>();

  async function rowOf(table: string): Promise<Record<string, unknown>> {
    const existing = made.get(table);
    if (existing) return existing;
    if (making.has(table)) throw new Error(`foreign keys loop through ${table}: give it a row by hand`);
    making.add(table);
    const own = columns.filter((c) => c.table === table);
    if (own.length === 0) throw new Error(`no table ${table}`);
    const values = new Map<string, { value: unknown; udt: string }>();
    const udtOf = (name: string) => own.find((c) => c.column === name)?.udt ?? 'text';
    if (own.some((c) => c.column === 'delegation_id'))
      values.set('delegation_id', { value: delegationId, udt: 'uuid' });
    for (const key of keys.filter((k) => k.table === table)) {
      const needed = key.cols.some((col) => own.find((c) => c.column === col)?.required && !values.has(col));
      if (!needed) continue;
      const parent = await rowOf(key.ref);
      key.cols.forEach((col, i) => {
        values.set(col, { value: parent[key.refcols[i] ?? col], udt: udtOf(col) });
      });
    }
    for (const column of own)
      if (column.required && !values.has(column.column))
        values.set(column.column, { value: valueFor(column, enums), udt: column.udt });
    const entries = [...values.entries()];
    const [row] = await queryRows<Record<string, unknown>>(
      db,
      sql`insert into ${sql.identifier(table)} (${sql.join(
        entries.map(([name]) => sql.identifier(name)),
        sql`, `,
      )}) values (${sql.join(
        entries.map(([, { value, udt }]) => {
          // Parameters go as text and are cast by the database, so that both drivers agree.
          return Buffer.isBuffer(value) ? sql`${value}` : sql`${String(value)}::text::${sql.identifier(udt)}`;
        }),
        sql`, `,
      )}) returning *`,
    );
    if (!row) throw new Error(`no row inserted in ${table}`);
    made.set(table, row);
    making.delete(table);
    return row;
  }
  return { rowOf };
}
