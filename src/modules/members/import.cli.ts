/**
 * `npx maillage import members FILE [--dry-run] [--json] [--delegation SLUG] [--mapping NAME]
 *  [--map "En-tête=champ"]… [--skip-invalid [--rejects FICHIER]]`.
 * `--skip-invalid` imports the valid lines (one transaction) and writes the refused ones,
 * cells unchanged plus a French "motif" column, to FICHIER (default: `<file>.rejets.csv`).
 * Exit codes: 0 done (or a clean dry run), 1 rows with errors (nothing written),
 * 2 a file that cannot be read (missing, too large, damaged, unknown mapping).
 * `--json` prints one object on stdout and nothing else (shape in README.md).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { argsOrUsage, type CliOutput } from '../../cli/args.ts';
import { type Database, withTenant } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { IMPORT_FIELD_LABELS, type ImportField } from './import.mapping.ts';
import { parseImportFile } from './import.parse.ts';
import { rejectsFile } from './import.rejects.ts';
import { analyseImport, commitImport, hasBlockingProblems, ImportBlocked } from './import.service.ts';
import type { ImportProblem } from './import.validate.ts';

export const importUsage =
  'Utilisation : npx maillage import members FICHIER [--dry-run] [--json] [--delegation SLUG] [--mapping NOM] [--map "En-tête=champ"]… [--skip-invalid [--rejects FICHIER]] [--attach-siret]';

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 avec BOM',
  'windows-1252': 'Windows-1252',
};

export function problemLine(p: ImportProblem): string {
  const where = p.column ? `ligne ${p.line}, colonne « ${p.column} »` : `ligne ${p.line}`;
  return `${where} : ${p.message}${p.severity === 'warning' ? ' (avertissement)' : ''}`;
}

export async function importMembersCommand(
  database: Database,
  argv: string[],
  io: CliOutput,
  defaultDelegation?: string,
): Promise<number> {
  const parsed = argsOrUsage(parse, argv, importUsage, io);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [what, file] = positionals;
  if (what !== 'members' || !file) {
    io.err(`${importUsage}\n`);
    return 2;
  }
  const dryRun = values['dry-run'] === true;
  const skipInvalid = values['skip-invalid'] === true;
  const json = values.json === true;
  const fail = (code: string, text: string) => {
    if (json) io.out(`${JSON.stringify({ dryRun, file, error: { code, message: text } }, null, 2)}\n`);
    else io.err(`Erreur : ${text}\n`);
    return 2;
  };

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return fail('import.file_not_found', `Impossible de lire le fichier « ${file} ».`);
  }
  // --map "Type(s)=types" (repeatable); "En-tête=" ignores that column.
  const map: Record<string, ImportField | null> = {};
  for (const choice of values.map ?? []) {
    const at = choice.lastIndexOf('=');
    if (at <= 0) {
      io.err(`--map attend « En-tête=champ » : « ${choice} ».\n${importUsage}\n`);
      return 2;
    }
    map[choice.slice(0, at).trim()] = (choice.slice(at + 1).trim() || null) as ImportField | null;
  }
  const input = {
    bytes,
    filename: basename(file),
    ...(values.mapping ? { mapping: values.mapping } : {}),
    ...(Object.keys(map).length > 0 ? { map } : {}),
    ...(values['attach-siret'] ? { attachSiret: true } : {}),
  };
  try {
    const delegation = await resolvePublicDelegation(database.db, values.delegation, defaultDelegation);
    const context = { delegationId: delegation.id, userId: null };
    const result = dryRun
      ? await withTenant(database.db, context, async (tx) => {
          const analysis = await analyseImport(tx, input);
          return { analysis, created: analysis.plan.create.length, updated: analysis.plan.update.length };
        })
      : await withTenant(database.db, context, (tx) => commitImport(tx, input, undefined, { skipInvalid }));
    const { analysis } = result;
    const refused = hasBlockingProblems(analysis.problems);
    const blocked = refused && !(skipInvalid && !dryRun);
    let rejects: { file: string; lines: number } | undefined;
    if (refused && !blocked) {
      const path = values.rejects ?? `${file.replace(/\.(csv|xlsx)$/i, '')}.rejets.csv`;
      const { text, lines } = rejectsFile(await parseImportFile(bytes, basename(file)), analysis.problems);
      await writeFile(path, text);
      rejects = { file: path, lines };
    }
    report(io, json, {
      dryRun,
      file,
      analysis,
      created: result.created,
      updated: result.updated,
      blocked,
      ...(rejects ? { rejects } : {}),
    });
    return blocked ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportBlocked) {
      report(io, json, { dryRun, file, analysis: error.analysis, created: 0, updated: 0, blocked: true });
      return 1;
    }
    if (error instanceof AppError) return fail(error.code, error.message);
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      delegation: { type: 'string' },
      mapping: { type: 'string' },
      map: { type: 'string', multiple: true },
      'skip-invalid': { type: 'boolean' },
      'attach-siret': { type: 'boolean' },
      rejects: { type: 'string' },
    },
  });
}

function report(
  io: CliOutput,
  json: boolean,
  r: {
    dryRun: boolean;
    file: string;
    analysis: Awaited<ReturnType<typeof analyseImport>>;
    created: number;
    updated: number;
    blocked: boolean;
    rejects?: { file: string; lines: number };
  },
) {
  const { analysis: a } = r;
  // A blocked import wrote nothing: the counts say so, whatever the plan held.
  const created = r.blocked ? 0 : r.created;
  const updated = r.blocked ? 0 : r.updated;
  if (json) {
    const body = {
      dryRun: r.dryRun,
      file: r.file,
      format: a.format,
      encoding: a.encoding,
      rows: a.rows,
      columns: a.columns,
      created,
      updated,
      ...(r.rejects ? { rejected: r.rejects.lines, rejectsFile: r.rejects.file } : {}),
      problems: a.problems,
    };
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const detail =
    a.format === 'csv'
      ? `CSV, ${ENCODINGS[a.encoding ?? ''] ?? a.encoding}, séparateur « ${a.delimiter} »`
      : 'XLSX';
  const errors = a.problems.filter((p) => p.severity === 'error').length;
  const warnings = a.problems.length - errors;
  const lines = [`Fichier ${r.file} (${detail}) : ${a.rows} lignes de données.`];
  // Every column accounted for: what it feeds, or that it is ignored.
  lines.push('Colonnes :');
  for (const c of a.columns)
    lines.push(
      `  « ${c.header} » → ${c.field ? IMPORT_FIELD_LABELS[c.field] : 'ignorée (--map "En-tête=champ" pour la lire)'}`,
    );
  if (r.blocked) {
    lines.push(`${errors} erreur(s), ${warnings} avertissement(s). ${message('import.blocked')}`);
  } else if (r.dryRun) {
    lines.push(
      `Simulation : ${a.plan.create.length} établissement(s) à créer, ${a.plan.update.length} à mettre à jour ; rien n'a été enregistré.`,
    );
  } else if (r.rejects) {
    lines.push(
      `Import des lignes valides : ${created} établissement(s) créé(s), ${updated} mis à jour ; ${r.rejects.lines} ligne(s) refusée(s), écrites avec leur motif dans ${r.rejects.file}.`,
    );
  } else {
    lines.push(`Import terminé : ${created} établissement(s) créé(s), ${updated} mis à jour.`);
  }
  if (!r.blocked && warnings > 0) lines.push(`${warnings} avertissement(s).`);
  if (r.rejects) lines.push(`${errors} erreur(s) sur les lignes refusées.`);
  for (const p of a.problems) lines.push(problemLine(p));
  io.out(`${lines.join('\n')}\n`);
}
