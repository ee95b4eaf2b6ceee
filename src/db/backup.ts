/**
 * Backup file: gzip-compressed NDJSON, read and written as a stream.
 *   {"kind":"header","format":"maillage-backup","version":1,"date":…,"database":…,"migration":…,"tables":[…]}
 *   {"kind":"table","name":…,"columns":[…]}   then one {"r":<row_to_json>} line per row, by primary key
 *   {"kind":"footer","tables":{name:{rows,checksum}},"sequences":[…]}
 * Row lines carry the database's own JSON text untouched (no number goes through a
 * JavaScript double), and the footer's sums are computed in SQL (`tableSum`) so a
 * restore can prove it wrote back exactly what was read.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { createPrivateFile, ensurePrivateDir, type Warn } from '../server/private-files.ts';
import {
  BackupError,
  fixTextSettings,
  listSequences,
  listTables,
  type MigrationLevel,
  migrationLevel,
  requireSuperuser,
  type TableSum,
  tableSum,
} from './backup-catalog.ts';
import { type Database, queryRows, type Tx } from './client.ts';

export { BackupError } from './backup-catalog.ts';

const FORMAT = 'maillage-backup';
const VERSION = 1;
const FETCH = 2_000;

interface Header {
  kind: 'header';
  format: string;
  version: number;
  date: string;
  database: string;
  migration: MigrationLevel;
  tables: string[];
}
interface Footer {
  kind: 'footer';
  tables: Record<string, TableSum>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

export interface BackupSummary {
  tables: Record<string, TableSum>;
  rows: number;
  migration: MigrationLevel;
}

/**
 * Writes every table of the database to `path` (through a temporary file: a failure
 * leaves no half backup). The file holds password hashes, sessions and invitation
 * tokens: it is created 0600, its folder (created 0700 when missing) is reported through
 * `warn` when others may enter it, but left as the operator made it.
 */
export async function backupDatabase(
  database: Database,
  path: string,
  options: { warn?: Warn } = {},
): Promise<BackupSummary> {
  await requireSuperuser(database.db, 'sauvegarde');
  ensurePrivateDir(dirname(resolve(path)), { fix: false, ...(options.warn ? { warn: options.warn } : {}) });
  const temporary = `${path}.partiel`;
  const gzip = createGzip();
  const file = (await createPrivateFile(temporary)).createWriteStream();
  const written = new Promise<void>((resolve, reject) =>
    pipeline(gzip, file, (error) => (error ? reject(error) : resolve())),
  );
  written.catch(() => {});
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    // One snapshot: the rows, their sums and the sequences describe the same instant.
    const summary = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      await fixTextSettings(tx);
      const tables = await listTables(tx);
      const migration = await migrationLevel(tx);
      const header: Header = {
        kind: 'header',
        format: FORMAT,
        version: VERSION,
        date: new Date().toISOString(),
        database: database.kind,
        migration,
        tables: tables.map((t) => t.name),
      };
      await write(JSON.stringify(header));
      const sums: Record<string, TableSum> = {};
      let total = 0;
      for (const table of tables) {
        await write(JSON.stringify({ kind: 'table', name: table.name, columns: table.columns }));
        const order = table.primaryKey.length
          ? sql.join(
              table.primaryKey.map((c) => sql.identifier(c)),
              sql`, `,
            )
          : sql`t::text collate "C"`;
        await tx.execute(
          sql`declare backup_rows no scroll cursor for
                select row_to_json(t)::text as r from ${sql.identifier(table.name)} t order by ${order}`,
        );
        let count = 0;
        for (;;) {
          const rows = await queryRows<{ r: string }>(
            tx,
            sql`fetch forward ${sql.raw(String(FETCH))} from backup_rows`,
          );
          for (const row of rows) await write(`{"r":${row.r}}`);
          count += rows.length;
          if (rows.length < FETCH) break;
        }
        await tx.execute(sql`close backup_rows`);
        const sum = await tableSum(tx, table.name);
        if (sum.rows !== count) throw new Error(`${table.name}: ${count} rows read, ${sum.rows} counted`);
        sums[table.name] = sum;
        total += count;
      }
      const footer: Footer = { kind: 'footer', tables: sums, sequences: await listSequences(tx) };
      await write(JSON.stringify(footer));
      return { tables: sums, rows: total, migration };
    });
    gzip.end();
    await written;
    await rename(temporary, path);
    return summary;
  } catch (error) {
    gzip.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

const damaged = (path: string, why: string) =>
  new BackupError(
    'backup.damaged',
    `Le fichier de sauvegarde « ${path} » est endommagé ou incomplet (${why}) : rien n'a été restauré.`,
  );

/** The file's lines, decompressed on the fly; a damaged or truncated gzip stream throws BackupError. */
async function* readLines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  pipeline(createReadStream(path), gunzip, () => {});
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new BackupError('backup.not_found', `Fichier de sauvegarde introuvable : « ${path} ».`);
    throw damaged(path, code === 'Z_BUF_ERROR' ? 'fin de fichier inattendue' : 'compression illisible');
  }
  if (rest) yield rest;
}

function control<T>(line: string | undefined, kind: string, path: string): T {
  let value: { kind?: string } | undefined;
  try {
    value = line === undefined ? undefined : JSON.parse(line);
  } catch {}
  if (value?.kind !== kind)
    throw damaged(path, line === undefined ? 'fin de fichier inattendue' : 'ligne illisible');
  return value as T;
}

export interface RestoreSummary {
  tables: Record<string, TableSum>;
  rows: number;
}

/**
 * Replaces the database's content with the backup's, all or nothing: one transaction,
 * triggers (audit, notify) and foreign-key checks off (session_replication_role), rows
 * in foreign-key order, sequences set back, then every table's count and checksum
 * compared with the file's footer before committing.
 */
export async function restoreDatabase(
  database: Database,
  path: string,
  options: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const lines = readLines(path);
  try {
    const next = async () => {
      const item = await lines.next();
      return item.done ? undefined : item.value;
    };
    const header = control<Header>(await next(), 'header', path);
    if (header.format !== FORMAT || header.version !== VERSION)
      throw damaged(path, `format ${header.format} ${header.version} inconnu`);
    const level = await migrationLevel(database.db);
    if (header.migration.createdAt !== level.createdAt)
      throw new BackupError(
        'backup.migration_mismatch',
        `La sauvegarde a été faite au niveau de migration « ${header.migration.tag ?? header.migration.createdAt} » ` +
          `et cette base est au niveau « ${level.tag ?? level.createdAt} » : restaurez-la avec la version de Maillage qui l'a produite.`,
      );
    await requireSuperuser(database.db, 'restauration');
    const tables = await listTables(database.db);
    const known = new Map(tables.map((t) => [t.name, t]));
    const unknown = header.tables.filter((name) => !known.has(name));
    if (unknown.length > 0 || header.tables.length !== tables.length)
      throw damaged(
        path,
        `tables différentes de celles de la base : ${unknown.join(', ') || 'il en manque'}`,
      );
    const filled: string[] = [];
    for (const table of tables) {
      const [row] = await queryRows<{ any: boolean }>(
        database.db,
        sql`select exists (select 1 from ${sql.identifier(table.name)}) as any`,
      );
      if (row?.any) filled.push(table.name);
    }
    if (filled.length > 0 && !options.force)
      throw new BackupError(
        'backup.not_empty',
        `La base n'est pas vide (tables avec des lignes : ${filled.join(', ')}). ` +
          `Relancez avec --force pour remplacer tout son contenu par celui de la sauvegarde.`,
      );
    return await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await fixTextSettings(tx);
      await tx.execute(
        sql`truncate ${sql.join(
          tables.map((t) => sql.identifier(t.name)),
          sql`, `,
        )}`,
      );
      const counted = await writeRows(tx, next, known, path);
      const footer = counted.footer;
      if ((await next()) !== undefined) throw damaged(path, 'lignes après la fin');
      for (const sequence of footer.sequences)
        await tx.execute(
          sql`select setval(${sequence.name}::regclass, ${sequence.lastValue}::bigint, ${sequence.isCalled})`,
        );
      const sums: Record<string, TableSum> = {};
      let total = 0;
      for (const name of header.tables) {
        const expected = footer.tables[name];
        const sum = await tableSum(tx, name);
        if (!expected || counted.rows.get(name) !== expected.rows || sum.rows !== expected.rows)
          throw damaged(
            path,
            `table ${name} : ${sum.rows} ligne(s) lue(s), ${expected?.rows ?? '?'} attendue(s)`,
          );
        if (sum.checksum !== expected.checksum)
          throw damaged(path, `table ${name} : somme de contrôle différente`);
        sums[name] = sum;
        total += sum.rows;
      }
      return { tables: sums, rows: total };
    });
  } finally {
    await lines.return(undefined);
  }
}

const CHUNK_ROWS = 2_000;
const CHUNK_BYTES = 4 * 1024 * 1024;

async function writeRows(
  tx: Tx,
  next: () => Promise<string | undefined>,
  known: Map<string, { columns: string[] }>,
  path: string,
): Promise<{ footer: Footer; rows: Map<string, number> }> {
  const rows = new Map<string, number>();
  let table: { name: string; columns: string[] } | null = null;
  let chunk: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!table || chunk.length === 0) return;
    const name = sql.identifier(table.name);
    const list = sql.join(
      table.columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    try {
      await tx.execute(
        sql`insert into ${name} (${list}) overriding system value
            select ${list} from json_populate_recordset(null::${name}, ${`[${chunk.join(',')}]`}::json)`,
      );
    } catch (error) {
      // Data and integrity errors (classes 22, 23) mean rows the file should not hold.
      const e = error as { code?: string; cause?: { code?: string } };
      const code = e.cause?.code ?? e.code ?? '';
      if (code.startsWith('22') || code.startsWith('23'))
        throw damaged(path, `lignes illisibles dans la table ${table.name}`);
      throw error;
    }
    rows.set(table.name, (rows.get(table.name) ?? 0) + chunk.length);
    chunk = [];
    bytes = 0;
  };
  for (;;) {
    const line = await next();
    if (line?.startsWith('{"r":') && line.endsWith('}')) {
      if (!table) throw damaged(path, 'ligne hors table');
      chunk.push(line.slice(5, -1));
      bytes += line.length;
      if (chunk.length >= CHUNK_ROWS || bytes >= CHUNK_BYTES) await flush();
      continue;
    }
    await flush();
    if (line?.startsWith('{"kind":"footer"')) return { footer: control<Footer>(line, 'footer', path), rows };
    const entry = control<{ name: string; columns: string[] }>(line, 'table', path);
    const target = known.get(entry.name);
    if (!target || target.columns.join() !== entry.columns.join())
      throw damaged(path, `colonnes de la table ${entry.name} différentes de celles de la base`);
    table = { name: entry.name, columns: entry.columns };
    rows.set(entry.name, rows.get(entry.name) ?? 0);
  }
}
