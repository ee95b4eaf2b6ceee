import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { migrate, migrationsFolder } from '../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates once, then every test database starts from a copy: a PGlite data-directory
 * tarball (kept in node_modules/.cache between runs while the migrations do not change),
 * or a PostgreSQL template database (`CREATE DATABASE … TEMPLATE`, one per run).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  // The pg tier on PGlite would pass without proving anything about PostgreSQL.
  if (project.name === 'pg' && !url)
    throw new Error('The pg project needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  if (url) {
    const name = `maillage_template_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 1 });
    await migrate(database);
    await database.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      // This run's databases, and those of runs that died before their teardown (their
      // template is gone); never those of another run still going on the same server.
      const rows = await admin.query<{ datname: string }>(
        `select d.datname from pg_database d
          where d.datname = $1 or d.datname like $2
             or (d.datname like 'maillage\\_t\\_%' and not exists (select 1 from pg_database t
                   where t.datname = 'maillage_template_' || split_part(d.datname, '_', 3)))`,
        [name, `${testDatabasePrefix(name)}%`],
      );
      for (const row of rows.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }
  project.provide('pgliteTemplate', await pgliteTemplate());
  project.provide('postgresTemplate', '');
}

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/maillage-tests', import.meta.url));

/** The migrated PGlite data directory as a tarball, made again only when a migration changes. */
async function pgliteTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(migrationsFolder, { recursive: true })).sort()) {
    const path = join(migrationsFolder, name);
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(await readFile(path));
  }
  const pglite = JSON.parse(
    await readFile(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  hash.update(pglite.version);
  const file = join(cacheDir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return file;
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  await mkdir(cacheDir, { recursive: true });
  // Written aside then renamed: a run starting meanwhile never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return file;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Test databases of one run are named after its template, so a teardown drops only its own. */
export function testDatabasePrefix(template: string): string {
  return `maillage_t_${template.replace('maillage_template_', '')}_`;
}

export function testDatabaseName(template: string): string {
  return `${testDatabasePrefix(template)}${randomBytes(6).toString('hex')}`;
}
