import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import type { AuthContext } from '../../server/request-context.ts';
import { users } from '../accounts/accounts.table.ts';
import type { TimeEntryInput } from './support.schemas.ts';
import { supportDocuments, supportFiles, supportNotes, supportTimeEntries } from './support.table.ts';

type Author = Pick<AuthContext, 'userId' | 'role'>;

/** Bad values in a request body: 400 with each field's code and French message, as schema failures get. */
export function badRequest(fields: { field: string; code: string }[]): AppError {
  return new AppError('validation.failed', {
    fields: fields.map((f) => ({ ...f, message: message(f.code) })),
  });
}

async function assertFileExists(tx: Tx, fileId: string) {
  const [file] = await tx
    .select({ id: supportFiles.id })
    .from(supportFiles)
    .where(eq(supportFiles.id, fileId));
  if (!file) throw new AppError('record.not_found');
}

/** A line is withdrawn by whoever wrote it; an administrator may tidy anyone's. */
function assertAuthor(author: Author, writtenBy: string | null) {
  if (author.role !== 'admin' && writtenBy !== author.userId) throw new AppError('support.not_author');
}

/** Time spent, notes and their totals: what only the delegation's team reads on a file. */
export async function fileWork(tx: Tx, fileId: string) {
  const timeEntries = await tx
    .select({
      id: supportTimeEntries.id,
      userId: supportTimeEntries.userId,
      userName: users.name,
      spentOn: supportTimeEntries.spentOn,
      minutes: supportTimeEntries.minutes,
      note: supportTimeEntries.note,
    })
    .from(supportTimeEntries)
    .leftJoin(users, eq(users.id, supportTimeEntries.userId))
    .where(eq(supportTimeEntries.fileId, fileId))
    .orderBy(desc(supportTimeEntries.spentOn), desc(supportTimeEntries.createdAt));
  const notes = await tx
    .select({
      id: supportNotes.id,
      authorUserId: supportNotes.authorUserId,
      authorName: users.name,
      body: supportNotes.body,
      createdAt: supportNotes.createdAt,
    })
    .from(supportNotes)
    .leftJoin(users, eq(users.id, supportNotes.authorUserId))
    .where(eq(supportNotes.fileId, fileId))
    .orderBy(desc(supportNotes.createdAt));
  const byUser = new Map<string, { userId: string | null; name: string | null; minutes: number }>();
  for (const entry of timeEntries) {
    const key = entry.userId ?? '';
    const total = byUser.get(key) ?? { userId: entry.userId, name: entry.userName, minutes: 0 };
    total.minutes += entry.minutes;
    byUser.set(key, total);
  }
  const totalMinutes = timeEntries.reduce((sum, entry) => sum + entry.minutes, 0);
  return { timeEntries, time: { totalMinutes, byUser: [...byUser.values()] }, notes };
}

export async function addTimeEntry(tx: Tx, author: Author, fileId: string, input: TimeEntryInput) {
  if (input.minutes < 1 || input.minutes > 1440)
    throw badRequest([{ field: 'minutes', code: 'support.minutes_out_of_range' }]);
  await assertFileExists(tx, fileId);
  const [entry] = await tx
    .insert(supportTimeEntries)
    .values({
      fileId,
      userId: author.userId,
      spentOn: input.spentOn,
      minutes: input.minutes,
      note: input.note,
    })
    .returning();
  if (!entry) throw new AppError('internal');
  return entry;
}

export async function deleteTimeEntry(tx: Tx, author: Author, fileId: string, entryId: string) {
  const [entry] = await tx
    .select({ userId: supportTimeEntries.userId })
    .from(supportTimeEntries)
    .where(and(eq(supportTimeEntries.id, entryId), eq(supportTimeEntries.fileId, fileId)));
  if (!entry) throw new AppError('record.not_found');
  assertAuthor(author, entry.userId);
  await tx.delete(supportTimeEntries).where(eq(supportTimeEntries.id, entryId));
}

export async function addNote(tx: Tx, author: Author, fileId: string, body: string) {
  await assertFileExists(tx, fileId);
  const [note] = await tx
    .insert(supportNotes)
    .values({ fileId, authorUserId: author.userId, body })
    .returning();
  if (!note) throw new AppError('internal');
  return note;
}

export async function deleteNote(tx: Tx, author: Author, fileId: string, noteId: string) {
  const [note] = await tx
    .select({ authorUserId: supportNotes.authorUserId })
    .from(supportNotes)
    .where(and(eq(supportNotes.id, noteId), eq(supportNotes.fileId, fileId)));
  if (!note) throw new AppError('record.not_found');
  assertAuthor(author, note.authorUserId);
  await tx.delete(supportNotes).where(eq(supportNotes.id, noteId));
}

/** A file's documents without their bytes: those are read one at a time, on download. */
export function listDocuments(tx: Tx, fileId: string) {
  return tx
    .select({
      id: supportDocuments.id,
      filename: supportDocuments.filename,
      mediaType: supportDocuments.mediaType,
      sizeBytes: supportDocuments.sizeBytes,
      sha256: supportDocuments.sha256,
      uploadedBy: supportDocuments.uploadedBy,
      uploadedByName: users.name,
      createdAt: supportDocuments.createdAt,
    })
    .from(supportDocuments)
    .leftJoin(users, eq(users.id, supportDocuments.uploadedBy))
    .where(eq(supportDocuments.fileId, fileId))
    .orderBy(asc(supportDocuments.createdAt));
}

/** Minutes per user over a period, for the dashboard and the yearly figures. */
export function minutesSpent(tx: Tx, from: string, toExclusive: string, userId?: string) {
  const conditions = [
    sql`${supportTimeEntries.spentOn} >= ${from}`,
    sql`${supportTimeEntries.spentOn} < ${toExclusive}`,
  ];
  if (userId) conditions.push(eq(supportTimeEntries.userId, userId));
  return tx
    .select({ minutes: sql<number>`coalesce(sum(${supportTimeEntries.minutes}), 0)::int` })
    .from(supportTimeEntries)
    .where(and(...conditions))
    .then((rows) => rows[0]?.minutes ?? 0);
}
