import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { testDatabaseName, withDatabase } from './global-setup.ts';

/** A database to copy: a PGlite data directory (tarball) or a PostgreSQL template database. */
export type TestTemplate = { kind: 'pglite'; tarball: Blob } | { kind: 'postgres'; name: string };

/**
 * A fresh, migrated database: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set
 * (the same suites run on both). Copied from the template global-setup.ts migrated once
 * (`CREATE DATABASE … TEMPLATE` on PostgreSQL; on PGlite the data-directory tarball, read
 * once per worker), or from `template` (a database saved by saveAsTemplate).
 */
export async function createTestDatabase(template?: TestTemplate): Promise<Database> {
  const { database, url } = await copyTemplate(template ?? (await migratedTemplate()));
  if (!url) return database;
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(url);
    },
  };
}

/**
 * Makes a template of a database filled once (the demo), to copy for each file that needs
 * it; `database` is closed. On PostgreSQL the database stays until the run's teardown drops
 * it with the others of the run (global-setup.ts).
 */
export async function saveAsTemplate(filled: (database: Database) => Promise<void>): Promise<TestTemplate> {
  const { database, name } = await copyTemplate(await migratedTemplate());
  try {
    await filled(database);
    if (database.kind === 'pglite') {
      const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } })
        .$client;
      return { kind: 'pglite', tarball: await client.dumpDataDir('none') };
    }
    return { kind: 'postgres', name: name as string };
  } finally {
    // PostgreSQL copies a template only while nobody is connected to it.
    await database.close();
  }
}

async function migratedTemplate(): Promise<TestTemplate> {
  if (process.env.TEST_DATABASE_URL) return { kind: 'postgres', name: inject('postgresTemplate') };
  templateTarball ??= readFile(inject('pgliteTemplate')).then((bytes) => new Blob([bytes]));
  return { kind: 'pglite', tarball: await templateTarball };
}
let templateTarball: Promise<Blob> | null = null;

async function copyTemplate(
  template: TestTemplate,
): Promise<{ database: Database; url?: string | undefined; name?: string | undefined }> {
  if (template.kind === 'pglite')
    return { database: await openDatabase({ dataDir: 'memory://', loadDataDir: template.tarball }) };
  const server = process.env.TEST_DATABASE_URL as string;
  const name = testDatabaseName(inject('postgresTemplate'));
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template.name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  return { database: await openDatabase({ databaseUrl: url, poolSize: 4 }), url, name };
}

async function dropDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const cleanup = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL as string });
  await cleanup.connect();
  try {
    await cleanup.query(`drop database if exists ${name} with (force)`);
  } finally {
    await cleanup.end();
  }
}
