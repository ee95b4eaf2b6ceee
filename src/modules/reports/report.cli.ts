/**
 * `npx maillage report annual --year 2024 --format html|pdf|docx|json --out PATH [--delegation SLUG]`
 * and `npx maillage report national --year 2024 --format … --out PATH`.
 * Exit codes: 0 written, 2 a missing or invalid option (or an unknown delegation), 1 a file
 * that cannot be written.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliOutput } from '../../cli/args.ts';
import { type Database, withTenant } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { buildNationalReport } from './report.national.ts';
import { renderReport } from './report.render.ts';
import { type AnnualReport, REPORT_FORMATS, type ReportFormat } from './report.types.ts';
import { reportYearSchema } from './reports.schemas.ts';
import { loadReport } from './reports.service.ts';

export const reportUsage = `Utilisation :
  npx maillage report annual --year ANNÉE --format html|pdf|docx|json --out FICHIER [--delegation SLUG]
  npx maillage report national --year ANNÉE --format html|pdf|docx|json --out FICHIER`;

class UsageError extends Error {}

interface Options {
  scope: 'annual' | 'national';
  year: number;
  format: ReportFormat;
  out: string;
  delegation: string | undefined;
}

const readArgs = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      delegation: { type: 'string' },
    },
  });

function parse(argv: string[]): Options {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (error) {
    const option = /'(--[\w-]+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw new UsageError(option ? `Option inconnue ou incomplète : ${option}.` : 'Options illisibles.');
  }
  const { values, positionals } = parsed;
  const [scope, ...extra] = positionals;
  if (scope !== 'annual' && scope !== 'national')
    throw new UsageError('Précisez le rapport à produire : « annual » (une délégation) ou « national ».');
  if (extra.length > 0) throw new UsageError(`Argument inattendu : « ${extra[0]} ».`);
  if (values.year === undefined) throw new UsageError("L'option --year (année du rapport) est obligatoire.");
  const year = reportYearSchema.safeParse(values.year);
  if (!/^\d{4}$/.test(values.year) || !year.success)
    throw new UsageError(
      `L'option --year doit être une année entre 1990 et 2100 (reçu : « ${values.year} »).`,
    );
  if (values.format === undefined)
    throw new UsageError("L'option --format est obligatoire : html, pdf, docx ou json.");
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format))
    throw new UsageError(
      `L'option --format doit valoir html, pdf, docx ou json (reçu : « ${values.format} »).`,
    );
  if (!values.out) throw new UsageError("L'option --out (fichier à écrire) est obligatoire.");
  if (scope === 'national' && values.delegation !== undefined)
    throw new UsageError("L'option --delegation ne s'emploie pas avec le rapport national.");
  return {
    scope,
    year: year.data,
    format: values.format as ReportFormat,
    out: values.out,
    delegation: values.delegation,
  };
}

export async function reportCommand(
  database: Database,
  argv: string[],
  io: CliOutput,
  defaultDelegation?: string,
): Promise<number> {
  let options: Options;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`Erreur : ${error.message}\n${reportUsage}\n`);
    return 2;
  }
  let report: AnnualReport;
  try {
    if (options.scope === 'national') {
      report = await buildNationalReport(database.db, options.year);
    } else {
      const delegation = await resolvePublicDelegation(database.db, options.delegation, defaultDelegation);
      report = await withTenant(database.db, { delegationId: delegation.id, userId: null }, (tx) =>
        loadReport(tx, options.year),
      );
    }
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`Erreur : ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const file = await renderReport(report, options.format);
  try {
    await writeFile(options.out, file.body);
  } catch {
    io.err(`Erreur : impossible d'écrire le fichier « ${options.out} » (option --out).\n`);
    return 1;
  }
  const what = options.scope === 'national' ? 'national' : `de ${report.delegation.name}`;
  const frozen = report.frozen ? ' (figé)' : '';
  io.out(
    `Rapport d'activité ${report.year} ${what}${frozen} écrit dans ${options.out} (${options.format.toUpperCase()}, ${file.body.length} octets).\n`,
  );
  return 0;
}
