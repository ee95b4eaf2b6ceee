/**
 * `npx maillage backup FICHIER` and `npx maillage restore FICHIER [--force]`.
 * Exit codes: 0 done, 1 refused (non-empty database without --force, other migration
 * level, missing privilege), 2 a file that cannot be read or does not check out.
 */
import { parseArgs } from 'node:util';
import { argsOrUsage, type CliOutput } from '../cli/args.ts';
import { BackupError, backupDatabase, restoreDatabase } from './backup.ts';
import type { Database } from './client.ts';

export const backupUsage =
  'Utilisation : npx maillage backup FICHIER | npx maillage restore FICHIER [--force]';

const FILE_PROBLEMS = new Set(['backup.damaged', 'backup.not_found']);

export async function backupCommand(
  database: Database,
  command: 'backup' | 'restore',
  argv: string[],
  io: CliOutput,
): Promise<number> {
  const parsed = argsOrUsage(parse, argv, backupUsage, io);
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0 || (command === 'backup' && parsed.values.force)) {
    io.err(`${backupUsage}\n`);
    return 2;
  }
  try {
    if (command === 'backup') {
      const summary = await backupDatabase(database, file, { warn: (text) => io.err(`${text}\n`) });
      const tables = Object.keys(summary.tables).length;
      io.out(
        `Sauvegarde écrite dans ${file} : ${tables} tables, ${summary.rows} lignes ` +
          `(base ${database.kind}, migration ${summary.migration.tag ?? summary.migration.createdAt}).\n`,
      );
      return 0;
    }
    const summary = await restoreDatabase(database, file, { force: parsed.values.force === true });
    io.out(
      `Restauration terminée depuis ${file} : ${Object.keys(summary.tables).length} tables, ${summary.rows} lignes, ` +
        `nombres de lignes et sommes de contrôle identiques à la sauvegarde.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.err(`Erreur : ${error.message}\n`);
    return FILE_PROBLEMS.has(error.code) ? 2 : 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean' } } });
}
