import { and, countDistinct, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { addDays } from '../../lib/paris-time.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { users } from '../accounts/accounts.table.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { openStatuses } from './support.schemas.ts';
import { activeInYear, isTeamUser, listFiles } from './support.service.ts';
import {
  type SupportStatus,
  type SupportSubject,
  supportFiles,
  supportStatuses,
  supportSubjects,
  supportTimeEntries,
} from './support.table.ts';
import { minutesSpent } from './work.service.ts';

function nextMonth(monthStart: string): string {
  const at = new Date(`${monthStart}T00:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + 1);
  return at.toISOString().slice(0, 10);
}

const FSE_PLUS = supportSubjects.filter((subject) => subject.startsWith('fse_plus_'));

const zeroPerStatus = () =>
  Object.fromEntries(supportStatuses.map((status) => [status, 0])) as Record<SupportStatus, number>;

/**
 * What a team member has to do: their open files by due date, split into overdue, due
 * within seven days and later (no due date last), their time this month, and how many
 * of their files are in each status. `today` is a parameter so the grouping is testable.
 */
export async function supportDashboard(tx: Tx, ownerUserId: string, today = todayInFrance()) {
  if (!(await isTeamUser(tx, ownerUserId)))
    throw invalidFields([{ field: 'ownerUserId', code: 'support.owner_not_staff' }]);
  const [owner] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, ownerUserId));
  if (!owner) throw new AppError('record.not_found');
  const viewer = { userId: ownerUserId, role: 'staff' as const, organisationId: null };
  const { items } = await listFiles(tx, viewer, { ownerUserId }, today);
  const open = items.filter((file) => (openStatuses as readonly string[]).includes(file.status));
  const soon = addDays(today, 7);
  const countsByStatus = zeroPerStatus();
  for (const file of items) countsByStatus[file.status] += 1;
  const monthStart = `${today.slice(0, 7)}-01`;
  return {
    owner,
    today,
    overdue: open.filter((file) => file.dueOn !== null && file.dueOn < today),
    dueSoon: open.filter((file) => file.dueOn !== null && file.dueOn >= today && file.dueOn <= soon),
    later: open.filter((file) => file.dueOn === null || file.dueOn > soon),
    minutesThisMonth: await minutesSpent(tx, monthStart, nextMonth(monthStart), ownerUserId),
    countsByStatus,
  };
}

/**
 * The year's support figures, for the yearly report: files active that year by subject
 * and status, distinct members helped per subject (and on FSE+ as a whole, application
 * or report), and the time spent that year.
 */
export async function supportStats(tx: Tx, year: number) {
  const active = activeInYear(year);
  const perStatus = await tx
    .select({ subject: supportFiles.subject, status: supportFiles.status, files: sql<number>`count(*)::int` })
    .from(supportFiles)
    .where(active)
    .groupBy(supportFiles.subject, supportFiles.status);
  const members = await tx
    .select({ subject: supportFiles.subject, members: countDistinct(supportFiles.organisationId) })
    .from(supportFiles)
    .where(active)
    .groupBy(supportFiles.subject);
  const [distinct] = await tx
    .select({
      all: countDistinct(supportFiles.organisationId),
      fsePlus: sql<number>`count(distinct ${supportFiles.organisationId}) filter (where ${inArray(supportFiles.subject, FSE_PLUS)})::int`,
    })
    .from(supportFiles)
    .where(active);
  const minutes = await tx
    .select({ subject: supportFiles.subject, minutes: sql<number>`sum(${supportTimeEntries.minutes})::int` })
    .from(supportTimeEntries)
    .innerJoin(supportFiles, eq(supportFiles.id, supportTimeEntries.fileId))
    .where(
      and(
        gte(supportTimeEntries.spentOn, `${year}-01-01`),
        lt(supportTimeEntries.spentOn, `${year + 1}-01-01`),
      ),
    )
    .groupBy(supportFiles.subject);

  const subjects = supportSubjects.map((subject: SupportSubject) => {
    const byStatus = zeroPerStatus();
    for (const row of perStatus) if (row.subject === subject) byStatus[row.status] = row.files;
    return {
      subject,
      files: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
      byStatus,
      members: members.find((row) => row.subject === subject)?.members ?? 0,
      minutes: minutes.find((row) => row.subject === subject)?.minutes ?? 0,
    };
  });
  const totalMinutes = subjects.reduce((sum, s) => sum + s.minutes, 0);
  return {
    year,
    subjects,
    fsePlusMembers: distinct?.fsePlus ?? 0,
    totals: {
      files: subjects.reduce((sum, s) => sum + s.files, 0),
      members: distinct?.all ?? 0,
      minutes: totalMinutes,
      hours: Math.round((totalMinutes / 60) * 10) / 10,
    },
  };
}
