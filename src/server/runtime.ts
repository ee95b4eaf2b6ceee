import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Database, openDatabase } from '../db/client.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { migrate } from '../db/migrate.ts';
import { passwordResetSender } from '../modules/accounts/account.service.ts';
import { type Auth, createAuth } from '../modules/accounts/auth.ts';
import { sendEventReminders, startReminderJob } from '../modules/events/reminders.ts';
import { sendTodaysCampaignReminders } from '../modules/observatory/reminders.ts';
import type { Config } from './config.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files.ts';

export interface Runtime {
  config: Config;
  database: Database;
  auth: Auth;
  mailer: Mailer;
}

/**
 * The signing secret of sessions. In production it must come from AUTH_SECRET (shared
 * by every app server). Elsewhere, one is generated once and kept in DATA_DIR, so a
 * restart does not sign everybody out and no secret ever sits in the repository.
 */
function authSecret(config: Config): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const file = join(resolve(config.DATA_DIR), 'auth-secret');
  ensurePrivateDir(resolve(config.DATA_DIR));
  if (existsSync(file)) {
    // A copy restored with a looser mode (tar, cp) would let anyone on the machine forge sessions.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE);
    return readFileSync(file, 'utf8').trim();
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return secret;
}

/**
 * Opens the database (embedded PGlite unless DATABASE_URL is set), migrates it, wires the
 * services. With `jobs` (the server, not the CLI), the hourly event reminders run until close.
 */
export async function openRuntime(config: Config, options: { jobs?: boolean } = {}): Promise<Runtime> {
  const dataDir = join(resolve(config.DATA_DIR), 'pglite');
  let unlock = () => {};
  if (!config.DATABASE_URL) {
    // The embedded database holds password hashes and sessions: DATA_DIR and it are 0700.
    ensurePrivateDir(resolve(config.DATA_DIR));
    ensurePrivateDir(dataDir);
    unlock = lockDataDir(dataDir);
  }
  const opened = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    listenUrl: config.DATABASE_LISTEN_URL,
    dataDir,
    timeouts: {
      connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  });
  let stopJobs = () => {};
  const database = {
    ...opened,
    async close() {
      stopJobs();
      await opened.close();
      unlock();
    },
  };
  await migrate(database);
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: join(resolve(config.DATA_DIR), 'outbox'),
  });
  const auth = createAuth({
    db: database.db,
    baseUrl: config.baseUrl,
    trustedOrigins: config.trustedOrigins,
    secret: authSecret(config),
    sessionMaxAgeHours: config.SESSION_MAX_AGE_HOURS,
    sendResetPassword: passwordResetSender({
      db: database.db,
      mailer,
      baseUrl: config.baseUrl,
      onError: (error) =>
        process.stderr.write(
          `Réinitialisation de mot de passe : envoi en échec (${error instanceof Error ? error.message : String(error)})\n`,
        ),
    }),
  });
  if (options.jobs ?? true) {
    const report = (text: string) => process.stderr.write(`Rappels d'événements : ${text}\n`);
    stopJobs = startReminderJob(
      async () => {
        const result = await sendEventReminders(database, mailer, new Date(), config.baseUrl);
        if (result.failed > 0) report(`${result.failed} envoi(s) en échec, nouvel essai dans une heure`);
        return result;
      },
      (error) => report(error instanceof Error ? error.message : String(error)),
    );
    // Observatory deadline reminders: hourly too; each campaign's reminder of the day goes out once.
    const stopEventJob = stopJobs;
    const campaignReport = (text: string) => process.stderr.write(`Rappels de l'observatoire : ${text}\n`);
    const stopCampaignJob = startReminderJob(
      async () => {
        const result = await sendTodaysCampaignReminders(database, mailer, config.baseUrl);
        if (result.failed > 0) campaignReport(`${result.failed} envoi(s) en échec`);
        return result;
      },
      (error) => campaignReport(error instanceof Error ? error.message : String(error)),
    );
    stopJobs = () => {
      stopEventJob();
      stopCampaignJob();
    };
  }
  return { config, database, auth, mailer };
}
