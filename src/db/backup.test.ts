import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase } from '../test/database.ts';
import { backupCommand } from './backup.cli.ts';
import { BackupError, backupDatabase, restoreDatabase } from './backup.ts';
import { fixTextSettings, listTables, tableSum } from './backup-catalog.ts';
import { type Database, queryRows } from './client.ts';

let source: TestApp;
let saved: Awaited<ReturnType<typeof backupDatabase>>;
const dir = mkdtempSync(join(tmpdir(), 'maillage-backup-'));
/** One backup of the source, made once; tests that alter it write copies. */
const file = join(dir, 'demo.ndjson.gz');
const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const trickyJson = {
  texte: 'Été « 2024 » \\ "guillemets"\n',
  grand: 1234567.125,
  vide: [],
  rien: null,
};

/** Count and checksum of every table, read in one transaction with the fixed text settings. */
async function sums(database: Database) {
  return database.db.transaction(async (tx) => {
    await fixTextSettings(tx);
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const table of await listTables(tx)) out[table.name] = await tableSum(tx, table.name);
    return out;
  });
}

async function delegationCount(database: Database) {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from delegations`);
  return row?.n;
}

/** The first organisation row gets another name (same count, other content). */
function tamper(lines: string[]): string[] {
  const start = lines.findIndex((l) => l.startsWith('{"kind":"table","name":"organisations"'));
  return lines.map((l, i) => (i === start + 1 ? l.replace('"name":"', '"name":"Autre ') : l));
}

async function withTarget<T>(run: (target: Database) => Promise<T>): Promise<T> {
  const target = await createTestDatabase();
  try {
    return await run(target);
  } finally {
    await target.close();
  }
}

beforeAll(async () => {
  const demo = await createTestApp({ demo: true });
  source = demo;
  const delegationId = demo.demoDelegationId;
  // A binary document (every byte value) and awkward JSON, which must come back unchanged.
  await source.database.db.execute(sql`
    with org as (select id from organisations where delegation_id = ${delegationId} limit 1),
    file as (insert into support_files (delegation_id, organisation_id, subject, title, opened_on)
             select ${delegationId}, id, 'test', 'Dossier de test', date '2024-03-01' from org returning id)
    insert into support_documents (delegation_id, file_id, filename, media_type, size_bytes, sha256, content)
    select ${delegationId}, id, 'octets.bin', 'application/octet-stream', 256, 'x', ${allBytes} from file`);
  await source.database.db.execute(
    sql`update delegations set objectives = ${JSON.stringify(trickyJson)}::jsonb where id = ${delegationId}`,
  );
  saved = await backupDatabase(source.database, file);
}, 120_000);
afterAll(async () => source?.close());

describe('backup and restore', () => {
  it('round-trips the demo database into a fresh one: same counts and checksums per table', async () => {
    expect(saved.rows).toBeGreaterThan(1000);
    expect(saved.tables.organisations?.rows).toBeGreaterThan(40);
    expect(saved.migration.tag).toMatch(/^\d{4}_/);
    await withTarget(async (target) => {
      const restored = await restoreDatabase(target, file);
      expect(restored.tables).toEqual(saved.tables);
      expect(await sums(target)).toEqual(await sums(source.database));
      const [doc] = await queryRows<{ content: Uint8Array }>(
        target.db,
        sql`select content from support_documents where filename = 'octets.bin'`,
      );
      expect(Buffer.from(doc?.content ?? [])).toEqual(allBytes);
      const [json] = await queryRows<{ objectives: string }>(
        target.db,
        sql`select objectives::text from delegations where objectives ? 'grand'`,
      );
      expect(JSON.parse(json?.objectives ?? 'null')).toEqual(trickyJson);
      // The audit trigger did not fire during the restore, and the identity goes on after the restored rows.
      const audit = await queryRows<{ same: boolean }>(
        target.db,
        sql`select (select max(id) from audit_log) < nextval('audit_log_id_seq') as same`,
      );
      expect(audit[0]?.same).toBe(true);
    });
  });

  it('refuses a non-empty database without --force, and replaces its content with it', async () => {
    await withTarget(async (target) => {
      await target.db.execute(sql`insert into delegations (slug, name) values ('deja-la', 'Déjà là')`);
      const io = { out: [] as string[], err: [] as string[] };
      const cli = { out: (t: string) => io.out.push(t), err: (t: string) => io.err.push(t) };
      expect(await backupCommand(target, 'restore', [file], cli)).toBe(1);
      expect(io.err.join('')).toMatch(/La base n'est pas vide \(tables avec des lignes : delegations\)/);
      expect(io.err.join('')).toContain('--force');
      expect(await delegationCount(target)).toBe(1);

      expect(await backupCommand(target, 'restore', [file, '--force'], cli)).toBe(0);
      expect(io.out.join('')).toContain('sommes de contrôle identiques');
      expect(await sums(target)).toEqual(await sums(source.database));
      const [gone] = await queryRows<{ n: number }>(
        target.db,
        sql`select count(*)::int as n from delegations where slug = 'deja-la'`,
      );
      expect(gone?.n).toBe(0);
    });
  });

  it('refuses a truncated, a tampered or a damaged file in French and writes nothing', async () => {
    const bytes = readFileSync(file);
    const text = gunzipSync(bytes).toString('utf8');
    const lines = text.split('\n');
    const variants: Record<string, Buffer> = {
      // Cut in the middle of the compressed stream.
      truncated: bytes.subarray(0, Math.floor(bytes.length * 0.6)),
      // A complete gzip stream whose footer is missing.
      noFooter: gzipSync(lines.slice(0, -2).join('\n')),
      // One organisation renamed: counts agree, the checksum does not.
      tampered: gzipSync(tamper(lines).join('\n')),
      // A bit flipped inside the compressed data.
      flipped: Buffer.from(bytes.map((b, i) => (i === Math.floor(bytes.length / 2) ? b ^ 0xff : b))),
      notGzip: Buffer.from('{"kind":"header"}\n'),
    };
    expect(tamper(lines).join('\n')).not.toBe(text);
    await withTarget(async (target) => {
      for (const [name, content] of Object.entries(variants)) {
        const path = join(dir, `${name}.ndjson.gz`);
        writeFileSync(path, content);
        const refused = await restoreDatabase(target, path).then(
          () => null,
          (error: unknown) => error,
        );
        expect(refused, name).toBeInstanceOf(BackupError);
        expect((refused as BackupError).message, name).toMatch(
          /^Le fichier de sauvegarde .* est endommagé ou incomplet \(.+\) : rien n'a été restauré\.$/,
        );
        const filled = Object.entries(await sums(target)).filter(([, s]) => s.rows > 0);
        expect(filled, name).toEqual([]);
      }
    });
  });

  it('refuses a backup made at another migration level', async () => {
    const olderFile = join(dir, 'level.ndjson.gz');
    const [header = '', ...rest] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const older = JSON.parse(header);
    older.migration = { createdAt: 1, tag: '0000_prelude' };
    writeFileSync(olderFile, gzipSync([JSON.stringify(older), ...rest].join('\n')));
    await withTarget(async (target) => {
      await expect(restoreDatabase(target, olderFile)).rejects.toThrow(
        /niveau de migration « 0000_prelude » et cette base est au niveau « \d{4}_/,
      );
      expect(await delegationCount(target)).toBe(0);
    });
  });

  it('writes backups 0600 whatever the umask; a missing folder is created 0700, an open one reported', async () => {
    const modeOf = (path: string) => statSync(path).mode & 0o7777;
    const previous = process.umask(0o022);
    try {
      await withTarget(async (target) => {
        const fresh = join(dir, 'coffre', 'nuit');
        await backupDatabase(target, join(fresh, 'base.ndjson.gz'));
        expect(modeOf(fresh)).toBe(0o700);
        expect(modeOf(join(fresh, 'base.ndjson.gz'))).toBe(0o600);

        // The operator's folder, open to others, with yesterday's backup and a crash's leftover in it.
        const open = join(dir, 'partage');
        mkdirSync(open, { mode: 0o755 });
        const path = join(open, 'base.ndjson.gz');
        writeFileSync(path, 'hier', { mode: 0o644 });
        writeFileSync(`${path}.partiel`, 'reste', { mode: 0o644 });
        const io = { out: [] as string[], err: [] as string[] };
        const cli = { out: (t: string) => io.out.push(t), err: (t: string) => io.err.push(t) };
        expect(await backupCommand(target, 'backup', [path], cli)).toBe(0);
        expect(modeOf(path)).toBe(0o600);
        expect(modeOf(open)).toBe(0o755);
        expect(io.err.join('')).toContain(
          `le dossier ${open} est ouvert à d'autres utilisateurs (droits 0755)`,
        );
      });
    } finally {
      process.umask(previous);
    }
  });
});
