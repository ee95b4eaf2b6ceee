import { backupCommand } from '../db/backup.cli.ts';
import { DataDirBusy } from '../db/data-dir-lock.ts';
import { DemoAlreadyLoaded, loadDemo } from '../db/seed/demo.ts';
import { delegationCommand } from '../modules/delegations/delegation.cli.ts';
import { eventRemindersCommand } from '../modules/events/reminders.cli.ts';
import { federationCommand } from '../modules/federation/federation.cli.ts';
import { importMembersCommand } from '../modules/members/import.cli.ts';
import { observatoryRemindersCommand } from '../modules/observatory/reminders.cli.ts';
import { reportCommand } from '../modules/reports/report.cli.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openRuntime } from '../server/runtime.ts';

const usage = `Utilisation : npx maillage <commande>

Commandes :
  migrate      applique les migrations à la base (DATABASE_URL, sinon PGlite sous DATA_DIR)
  delegation create --name NOM --slug SLUG [--region RÉGION] [--departments 22,29,35,56]
               --admin-email E-MAIL [--json]
               crée une délégation et invite son premier administrateur (e-mail par SMTP_URL,
               sinon dans DATA_DIR/outbox ; le lien d'invitation est aussi affiché)
  federation add --email E-MAIL --name NOM [--json]
               donne le rôle « fédération » (l'équipe nationale, toutes les délégations) à un
               compte ; une nouvelle adresse reçoit un e-mail pour choisir son mot de passe
  seed demo    charge la délégation de démonstration (rapport d'activité 2024) et ses comptes
  import members FICHIER [--dry-run] [--json] [--delegation SLUG] [--mapping NOM] [--map "En-tête=champ"]…
               [--skip-invalid [--rejects FICHIER]] [--attach-siret]
               importe des adhérents depuis un CSV ou un XLSX (tout ou rien ; --dry-run : simulation)
  events remind
               envoie les rappels des événements de demain (le serveur le fait toutes les heures)
  observatory remind
               envoie les rappels de l'observatoire du jour (J-14, J-7, J-1 avant la date limite)
  report annual --year ANNÉE --format html|pdf|docx|json --out FICHIER [--delegation SLUG]
               écrit le rapport d'activité d'une délégation (figé s'il l'a été)
  report national --year ANNÉE --format html|pdf|docx|json --out FICHIER
               écrit le rapport national (toutes les délégations)
  backup FICHIER
               sauvegarde toute la base dans FICHIER (NDJSON compressé, avec sommes de contrôle)
  restore FICHIER [--force]
               restaure une sauvegarde, tout ou rien (--force : remplace une base non vide)
  help         affiche cette aide

La commande export arrive avec un ticket suivant (voir README) : elle n'est pas
encore disponible.`;

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${usage}\n`);
    return command ? 0 : 1;
  }
  if (
    command !== 'migrate' &&
    command !== 'import' &&
    command !== 'backup' &&
    command !== 'restore' &&
    command !== 'report' &&
    !(command === 'seed' && rest[0] === 'demo') &&
    !(command === 'delegation' && rest[0] === 'create') &&
    !(command === 'federation' && rest[0] === 'add') &&
    !(command === 'events' && rest[0] === 'remind') &&
    !(command === 'observatory' && rest[0] === 'remind')
  ) {
    process.stderr.write(`Commande inconnue : ${argv.join(' ')}\n\n${usage}\n`);
    return 1;
  }
  const config = loadConfig();
  const runtime = await openRuntime(config, { jobs: false });
  try {
    if (command === 'events') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await eventRemindersCommand({ ...runtime, baseUrl: config.baseUrl }, io);
    }
    if (command === 'observatory') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await observatoryRemindersCommand({ ...runtime, baseUrl: config.baseUrl }, io);
    }
    if (command === 'delegation') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await delegationCommand({ ...runtime, baseUrl: config.baseUrl }, rest, io);
    }
    if (command === 'federation') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await federationCommand(runtime, rest, io);
    }
    if (command === 'report') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await reportCommand(runtime.database, rest, io, config.DEFAULT_DELEGATION);
    }
    if (command === 'backup' || command === 'restore') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await backupCommand(runtime.database, command, rest, io);
    }
    if (command === 'import') {
      const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t) };
      return await importMembersCommand(runtime.database, rest, io, config.DEFAULT_DELEGATION);
    }
    if (command === 'migrate') {
      process.stdout.write(`Migrations appliquées (${runtime.database.kind}).\n`);
      return 0;
    }
    const { delegationId } = await loadDemo(runtime.database, runtime.auth);
    process.stdout.write(
      `Démonstration chargée (délégation ${delegationId}, base ${runtime.database.kind}).\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DemoAlreadyLoaded) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await runtime.database.close();
  }
}

/**
 * Ends the process once standard output and error are flushed. On a pipe (`| jq`) Node
 * writes asynchronously: calling process.exit at once dropped everything past the pipe's
 * 64 KiB buffer. An empty write's callback runs after every chunk queued before it.
 */
function exitAfterOutput(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    pending -= 1;
    // Open handles (a database pool, a timer) must not keep the command alive either.
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

run(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return exitAfterOutput(78);
  }
  if (error instanceof DataDirBusy) {
    process.stderr.write(`${error.message}\n`);
    return exitAfterOutput(75);
  }
  process.stderr.write(`Erreur : ${error instanceof Error ? error.message : String(error)}\n`);
  exitAfterOutput(1);
});
