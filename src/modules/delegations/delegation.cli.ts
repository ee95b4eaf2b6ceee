/**
 * `npx maillage delegation create --name NOM --slug SLUG [--region RÉGION]
 *  [--departments 22,29,35,56] --admin-email E-MAIL [--json]`.
 * Creates a delegation and e-mails its first administrator an invitation (SMTP_URL, or
 * the outbox folder in development). Exit codes: 0 created, 2 bad input (nothing written).
 * `--json` prints one object on stdout and nothing else:
 * `{"delegation":{"id","slug","name"},"invitationUrl"}`, or `{"error":{"code","message","fields"}}`.
 */
import { parseArgs } from 'node:util';
import { argsOrUsage, type CliOutput, refuse, refuseMissing } from '../../cli/args.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import type { Mailer } from '../../server/mailer.ts';
import { createDelegationWithInvitation } from './delegations.service.ts';

export const delegationUsage =
  'Utilisation : npx maillage delegation create --name NOM --slug SLUG [--region RÉGION] [--departments 22,29,35,56] --admin-email E-MAIL [--json]';

/** The option that carries each field of the service, so that messages name what was typed. */
const OPTION_OF_FIELD: Record<string, string> = {
  name: '--name',
  slug: '--slug',
  region: '--region',
  departments: '--departments',
  adminEmail: '--admin-email',
};

export async function delegationCommand(
  deps: { database: Database; mailer: Mailer; baseUrl: string },
  argv: string[],
  io: CliOutput,
): Promise<number> {
  const parsed = argsOrUsage(parse, argv, delegationUsage, io);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (positionals[0] !== 'create' || positionals.length > 1) {
    io.err(`${delegationUsage}\n`);
    return 2;
  }
  const json = values.json === true;
  const missing = (['name', 'slug', 'admin-email'] as const).filter((o) => !values[o]);
  if (missing.length > 0) return refuseMissing(io, json, missing);
  try {
    const created = await createDelegationWithInvitation(
      deps.database.db,
      { mailer: deps.mailer, baseUrl: deps.baseUrl },
      {
        name: values.name ?? '',
        slug: values.slug ?? '',
        region: values.region ?? null,
        departments: values.departments ? values.departments.split(',') : [],
        adminEmail: values['admin-email'] ?? '',
      },
    );
    if (json)
      io.out(`${JSON.stringify({ delegation: created.delegation, invitationUrl: created.invitationUrl })}\n`);
    else
      io.out(
        [
          `Délégation « ${created.delegation.name} » créée (identifiant ${created.delegation.slug}).`,
          `Invitation envoyée à ${values['admin-email']?.trim().toLowerCase()} ; lien (valable 14 jours) :`,
          created.invitationUrl,
          '',
        ].join('\n'),
      );
    return 0;
  } catch (error) {
    if (error instanceof AppError) return refuse(io, json, error, OPTION_OF_FIELD);
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      region: { type: 'string' },
      departments: { type: 'string' },
      'admin-email': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
}
