import { type AnyColumn, and, asc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { mayRead, presentFor, searchableFor } from '../../server/audiences.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { isTeam, type Viewer as PolicyViewer } from '../../shared/policies.ts';
import { userRoles, users } from '../accounts/accounts.table.ts';
import { containsPattern, normalisedSql, todayInFrance } from '../members/members.queries.ts';
import { organisations } from '../members/members.table.ts';
import {
  closedStatuses,
  type FileInput,
  type FileListQuery,
  type FilePatch,
  openStatuses,
  supportFileAudiences,
  supportNoteAudiences,
  supportTimeEntryAudiences,
} from './support.schemas.ts';
import { type SupportStatus, supportFiles, supportTimeEntries } from './support.table.ts';
import { fileWork, listDocuments } from './work.service.ts';

/** Who asks (src/shared/policies.ts); support work is written in a user's name. */
export type Viewer = PolicyViewer & { userId: string };

/** The delegation's team sees and writes everything; the board and members read a summary. */
export { isTeam };
export const isClosed = (status: SupportStatus) => (closedStatuses as readonly string[]).includes(status);

/** Files that were open at some point of the year: opened by its end, not closed before it began. */
export const activeInYear = (year: number): SQL =>
  and(
    lte(supportFiles.openedOn, `${year}-12-31`),
    or(isNull(supportFiles.closedOn), gte(supportFiles.closedOn, `${year}-01-01`)),
  ) as SQL;

export const overdueOn = (today: string): SQL =>
  and(inArray(supportFiles.status, [...openStatuses]), lt(supportFiles.dueOn, today)) as SQL;

/** True when the user holds an admin or staff role in the delegation (row-level security limits the read to it). */
export async function isTeamUser(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, ['admin', 'staff'])));
  return row !== undefined;
}

async function assertOwner(tx: Tx, userId: string | null | undefined, field = 'ownerUserId') {
  if (userId && !(await isTeamUser(tx, userId)))
    throw invalidFields([{ field, code: 'support.owner_not_staff' }]);
}

/** The team members a file can be given to, for the owner pickers. */
export function listOwners(tx: Tx) {
  return tx
    .select({ id: users.id, name: users.name, role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(inArray(userRoles.role, ['admin', 'staff']))
    .orderBy(asc(users.name));
}

const minutesOfFile = sql<number>`(select coalesce(sum(${supportTimeEntries.minutes}), 0)::int from ${supportTimeEntries} where ${supportTimeEntries.fileId} = ${supportFiles.id})`;

const fileColumns = {
  id: supportFiles.id,
  organisationId: supportFiles.organisationId,
  organisationName: organisations.name,
  subject: supportFiles.subject,
  title: supportFiles.title,
  ownerUserId: supportFiles.ownerUserId,
  ownerName: users.name,
  status: supportFiles.status,
  openedOn: supportFiles.openedOn,
  dueOn: supportFiles.dueOn,
  nextStep: supportFiles.nextStep,
  closedOn: supportFiles.closedOn,
  description: supportFiles.description,
  totalMinutes: minutesOfFile,
  createdAt: supportFiles.createdAt,
  updatedAt: supportFiles.updatedAt,
};
function selectFiles(tx: Tx) {
  return tx
    .select(fileColumns)
    .from(supportFiles)
    .innerJoin(organisations, eq(organisations.id, supportFiles.organisationId))
    .leftJoin(users, eq(users.id, supportFiles.ownerUserId));
}
type FileRow = Awaited<ReturnType<ReturnType<typeof selectFiles>['where']>>[number];

/** What a reader sees: the board and members get no internal description nor time spent. */
function present(row: FileRow, viewer: Viewer, today: string) {
  const overdue = !isClosed(row.status) && row.dueOn !== null && row.dueOn < today;
  return { ...presentFor(row, supportFileAudiences, viewer, row.organisationId), overdue };
}

function listConditions(query: FileListQuery, viewer: Viewer, today: string): SQL[] {
  const where: SQL[] = [];
  if (viewer.role === 'member') {
    where.push(viewer.organisationId ? eq(supportFiles.organisationId, viewer.organisationId) : sql`false`);
  }
  if (query.organisationId) where.push(eq(supportFiles.organisationId, query.organisationId));
  if (query.subject) where.push(eq(supportFiles.subject, query.subject));
  if (query.status) where.push(eq(supportFiles.status, query.status));
  if (query.ownerUserId) where.push(eq(supportFiles.ownerUserId, query.ownerUserId));
  if (query.year) where.push(activeInYear(query.year));
  if (query.overdue === 'true') where.push(overdueOn(today));
  if (query.q) {
    const pattern = containsPattern(normaliseForSearch(query.q));
    // Only what the caller may read: a search on the team's description would let a
    // member or the board rebuild it from the number of results.
    const readable = searchableFor<AnyColumn>(
      [
        [supportFiles.title, 'public'],
        [supportFiles.nextStep, 'public'],
        [supportFiles.description, supportFileAudiences.description],
      ],
      viewer,
    );
    const searched = readable.map((column) => sql`${normalisedSql(column)} like ${pattern}`);
    where.push(or(sql`${organisations.searchName} like ${pattern}`, ...searched) as SQL);
  }
  return where;
}

export async function listFiles(tx: Tx, viewer: Viewer, query: FileListQuery, today = todayInFrance()) {
  const rows = await selectFiles(tx)
    .where(and(...listConditions(query, viewer, today)))
    .orderBy(sql`${supportFiles.dueOn} asc nulls last`, asc(organisations.name), asc(supportFiles.title));
  return { items: rows.map((row) => present(row, viewer, today)), total: rows.length };
}

/** The file a viewer may read, or 404: a member asking for another organisation's file learns nothing. */
export async function findFile(tx: Tx, viewer: Viewer, id: string): Promise<FileRow> {
  const [row] = await selectFiles(tx).where(eq(supportFiles.id, id));
  if (!row || (viewer.role === 'member' && row.organisationId !== viewer.organisationId))
    throw new AppError('record.not_found');
  return row;
}

export async function getFile(tx: Tx, viewer: Viewer, id: string, today = todayInFrance()) {
  const row = await findFile(tx, viewer, id);
  const documents = await listDocuments(tx, id);
  const file = { ...present(row, viewer, today), documents };
  // Time entries and notes are the team's whole (their audiences in support.schemas.ts).
  const readsWork =
    mayRead(supportTimeEntryAudiences.minutes, viewer) && mayRead(supportNoteAudiences.body, viewer);
  if (!readsWork) return file;
  return { ...file, ...(await fileWork(tx, id)) };
}

/** Closing sets the closing date (today unless given), reopening clears it; it never precedes the opening. */
function closingDate(
  status: SupportStatus,
  given: string | null | undefined,
  previous: { status: SupportStatus; closedOn: string | null } | null,
  openedOn: string,
  today: string,
): string | null {
  const problems: { field: string; code: string }[] = [];
  let closedOn: string | null = null;
  if (isClosed(status)) {
    closedOn = given ?? (previous && isClosed(previous.status) ? previous.closedOn : null) ?? today;
  } else if (given) {
    problems.push({ field: 'closedOn', code: 'support.closed_on_needs_closed_status' });
  }
  if (closedOn && closedOn < openedOn)
    problems.push({ field: 'closedOn', code: 'support.closed_before_opened' });
  if (problems.length > 0) throw invalidFields(problems);
  return closedOn;
}

export async function createFile(tx: Tx, viewer: Viewer, input: FileInput, today = todayInFrance()) {
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  // The foreign key alone would accept another delegation's organisation: row-level security does not.
  if (!organisation) throw invalidFields([{ field: 'organisationId', code: 'record.not_found' }]);
  const ownerUserId = input.ownerUserId === undefined ? viewer.userId : input.ownerUserId;
  await assertOwner(tx, ownerUserId);
  const status = input.status ?? 'open';
  const openedOn = input.openedOn ?? today;
  const closedOn = closingDate(status, input.closedOn, null, openedOn, today);
  const [created] = await tx
    .insert(supportFiles)
    .values({ ...input, ownerUserId, status, openedOn, closedOn })
    .returning({ id: supportFiles.id });
  if (!created) throw new Error('support file not created');
  return getFile(tx, viewer, created.id, today);
}

export async function updateFile(
  tx: Tx,
  viewer: Viewer,
  id: string,
  patch: FilePatch,
  today = todayInFrance(),
) {
  const [current] = await tx.select().from(supportFiles).where(eq(supportFiles.id, id));
  if (!current) throw new AppError('record.not_found');
  if (patch.ownerUserId !== undefined) await assertOwner(tx, patch.ownerUserId);
  const status = patch.status ?? current.status;
  const openedOn = patch.openedOn ?? current.openedOn;
  const closedOn = closingDate(status, patch.closedOn, current, openedOn, today);
  await tx
    .update(supportFiles)
    .set({ ...patch, status, closedOn, updatedAt: new Date() })
    .where(eq(supportFiles.id, id));
  return getFile(tx, viewer, id, today);
}

export async function deleteFile(tx: Tx, id: string) {
  const deleted = await tx
    .delete(supportFiles)
    .where(eq(supportFiles.id, id))
    .returning({ id: supportFiles.id });
  if (deleted.length === 0) throw new AppError('record.not_found');
}
