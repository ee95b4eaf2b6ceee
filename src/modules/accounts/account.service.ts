import { and, desc, eq, gt, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { composeMail, type Mailer } from '../../server/mailer.ts';
import { sessions, verifications } from './accounts.table.ts';
import { RESET_TOKEN_SECONDS } from './auth.ts';

/** Reset mails per address and per hour; more requests get the same answer and no mail. */
export const RESET_MAILS_PER_HOUR = 3;
const RESET_PREFIX = 'reset-password:';

/** The user's sessions that have not expired, the caller's own marked, most recently seen first. */
export async function listActiveSessions(db: Db, userId: string, currentSessionId: string) {
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
      createdAt: sessions.createdAt,
      updatedAt: sessions.updatedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.updatedAt));
  return rows.map((row) => ({
    id: row.id,
    userAgent: row.userAgent,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
    // Better Auth refreshes a session at most once an hour (updateAge): "last seen" is to the hour.
    lastSeenAt: row.updatedAt.toISOString(),
    current: row.id === currentSessionId,
  }));
}

/**
 * Better Auth's `sendResetPassword`: e-mails the link to the reset page. It returns at
 * once and works in the background, so that the answer to "mot de passe oublié" takes
 * the same time whether the address has an account or not; a failed send is reported
 * through `onError`. Past RESET_MAILS_PER_HOUR links in the hour, the new link is
 * dropped unsent (nobody can flood an inbox through the form).
 */
export function passwordResetSender(deps: {
  db: Db;
  mailer: Mailer;
  baseUrl: string;
  onError: (error: unknown) => void;
}) {
  const send = async (user: { id: string; email: string; name: string }, token: string) => {
    const [row] = await deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(verifications)
      .where(
        and(
          eq(verifications.value, user.id),
          like(verifications.identifier, `${RESET_PREFIX}%`),
          gt(verifications.createdAt, new Date(Date.now() - 3600_000)),
        ),
      );
    if ((row?.n ?? 0) > RESET_MAILS_PER_HOUR) {
      await deps.db.delete(verifications).where(eq(verifications.identifier, `${RESET_PREFIX}${token}`));
      return;
    }
    const link = `${deps.baseUrl}/mot-de-passe/${encodeURIComponent(token)}`;
    await deps.mailer.send(
      composeMail({
        to: user.email,
        subject: 'Réinitialisation de votre mot de passe Maillage',
        lines: [
          'Bonjour,',
          '',
          'Une demande de réinitialisation du mot de passe de votre compte Maillage a été faite.',
          `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_TOKEN_SECONDS / 60} minutes, une seule fois) :`,
          link,
          '',
          'Le nouveau mot de passe fermera toutes les sessions ouvertes sur votre compte.',
          "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
        ],
      }),
    );
  };
  return async ({ user, token }: { user: { id: string; email: string; name: string }; token: string }) => {
    send(user, token).catch(deps.onError);
  };
}
