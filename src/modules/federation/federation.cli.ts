/**
 * `npx maillage federation add --email E-MAIL --name NOM [--json]`: makes an account a
 * member of the federation (the national team, decision 020). A new address gets an
 * account and an e-mail to choose its password. Exit codes: 0 done, 2 bad input (nothing
 * written). `--json` prints `{"userId","email","created"}` or `{"error":{"code","message","fields"}}`.
 */
import { parseArgs } from 'node:util';
import { type CliOutput, refuse, refuseMissing } from '../../cli/args.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { addFederationMember } from './federation.accounts.ts';

export const federationUsage = 'Utilisation : npx maillage federation add --email E-MAIL --name NOM [--json]';

const OPTION_OF_FIELD: Record<string, string> = { email: '--email', name: '--name' };

export async function federationCommand(
  deps: { database: Database; auth: Auth },
  argv: string[],
  io: CliOutput,
): Promise<number> {
  let values: { email?: string; name?: string; json?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { email: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${federationUsage}\n`);
    return 2;
  }
  if (positionals[0] !== 'add' || positionals.length > 1) {
    io.err(`${federationUsage}\n`);
    return 2;
  }
  const json = values.json === true;
  if (!values.email) return refuseMissing(io, json, ['email']);
  try {
    const added = await addFederationMember(
      { db: deps.database.db, auth: deps.auth },
      { email: values.email, name: values.name ?? '' },
    );
    if (json) io.out(`${JSON.stringify(added)}\n`);
    else
      io.out(
        added.created
          ? `Compte de la fédération créé pour ${added.email}. Un e-mail lui permet de choisir son mot de passe (lien valable une heure ; ensuite, « Mot de passe oublié » sur la page de connexion).\n`
          : `${added.email} est désormais membre de la fédération ; son mot de passe ne change pas.\n`,
      );
    return 0;
  } catch (error) {
    if (error instanceof AppError) return refuse(io, json, error, OPTION_OF_FIELD);
    throw error;
  }
}
