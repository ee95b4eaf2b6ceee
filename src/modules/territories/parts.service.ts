import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { isMember, type Viewer } from '../../shared/policies.ts';
import { actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import { supportFiles } from '../support/support.table.ts';
import type { LinkInput, SessionInput, SessionPatch } from './territories.schemas.ts';
import { findProject } from './territories.service.ts';
import { projectLinks, projectMembers, projectSessions, territorialProjects } from './territories.table.ts';

/*
 * The parts of a project: the organisations involved, the links to actions and support
 * files, and the training sessions of a ZEST' programme.
 */

const sessionColumns = {
  id: projectSessions.id,
  title: projectSessions.title,
  startsOn: projectSessions.startsOn,
  endsOn: projectSessions.endsOn,
  traineesCount: projectSessions.traineesCount,
  employersCount: projectSessions.employersCount,
  note: projectSessions.note,
};

/** A project with its members, links and sessions. A member user sees only public actions and its own files. */
export async function projectDetail(tx: Tx, viewer: Viewer, id: string) {
  const project = await findProject(tx, viewer, id);
  const [ebe] = project.ebeOrganisationId
    ? await tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, project.ebeOrganisationId))
    : [];
  const members = await tx
    .select({
      id: projectMembers.id,
      organisationId: projectMembers.organisationId,
      name: organisations.name,
      role: projectMembers.role,
    })
    .from(projectMembers)
    .innerJoin(organisations, eq(organisations.id, projectMembers.organisationId))
    .where(eq(projectMembers.projectId, id))
    .orderBy(asc(organisations.name));
  const linkedActions = await tx
    .select({
      linkId: projectLinks.id,
      id: actions.id,
      title: actions.title,
      startsOn: actions.startsOn,
      kind: actions.kind,
      visibility: actions.visibility,
    })
    .from(projectLinks)
    .innerJoin(actions, eq(actions.id, projectLinks.actionId))
    .where(eq(projectLinks.projectId, id))
    .orderBy(asc(actions.startsOn));
  const linkedFiles = await tx
    .select({
      linkId: projectLinks.id,
      id: supportFiles.id,
      title: supportFiles.title,
      status: supportFiles.status,
      organisationId: supportFiles.organisationId,
    })
    .from(projectLinks)
    .innerJoin(supportFiles, eq(supportFiles.id, projectLinks.supportFileId))
    .where(eq(projectLinks.projectId, id))
    .orderBy(asc(supportFiles.title));
  const sessions = await tx
    .select(sessionColumns)
    .from(projectSessions)
    .where(eq(projectSessions.projectId, id))
    .orderBy(sql`${projectSessions.startsOn} nulls last`, asc(projectSessions.title));
  const member = isMember(viewer);
  return {
    ...project,
    ebeOrganisation: ebe ?? null,
    members,
    actions: member ? linkedActions.filter((a) => a.visibility === 'public') : linkedActions,
    supportFiles: member
      ? linkedFiles.filter((f) => f.organisationId === viewer.organisationId)
      : linkedFiles,
    sessions,
  };
}

async function requireProject(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: territorialProjects.id, kind: territorialProjects.kind })
    .from(territorialProjects)
    .where(eq(territorialProjects.id, id));
  if (!row) throw new AppError('territories.project_not_found');
  return row;
}

export async function addMember(
  tx: Tx,
  projectId: string,
  input: { organisationId: string; role?: string | null },
) {
  await requireProject(tx, projectId);
  const [org] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org) throw invalidFields([{ field: 'organisationId', code: 'territories.organisation_unknown' }]);
  const [row] = await tx
    .insert(projectMembers)
    .values({ projectId, organisationId: input.organisationId, role: input.role ?? null })
    .onConflictDoNothing()
    .returning({ id: projectMembers.id });
  if (!row) throw new AppError('territories.member_exists');
  return row;
}

export async function removeMember(tx: Tx, projectId: string, memberId: string) {
  const [row] = await tx
    .delete(projectMembers)
    .where(and(eq(projectMembers.id, memberId), eq(projectMembers.projectId, projectId)))
    .returning({ id: projectMembers.id });
  if (!row) throw new AppError('territories.member_not_found');
}

export async function addLink(tx: Tx, projectId: string, input: LinkInput) {
  await requireProject(tx, projectId);
  const actionId = 'actionId' in input ? input.actionId : null;
  const supportFileId = 'supportFileId' in input ? input.supportFileId : null;
  if (actionId) {
    const [a] = await tx.select({ id: actions.id }).from(actions).where(eq(actions.id, actionId));
    if (!a) throw invalidFields([{ field: 'actionId', code: 'territories.action_unknown' }]);
  }
  if (supportFileId) {
    const [f] = await tx
      .select({ id: supportFiles.id })
      .from(supportFiles)
      .where(eq(supportFiles.id, supportFileId));
    if (!f) throw invalidFields([{ field: 'supportFileId', code: 'territories.support_file_unknown' }]);
  }
  const [existing] = await tx
    .select({ id: projectLinks.id })
    .from(projectLinks)
    .where(
      and(
        eq(projectLinks.projectId, projectId),
        actionId ? eq(projectLinks.actionId, actionId) : eq(projectLinks.supportFileId, supportFileId ?? ''),
      ),
    );
  if (existing) throw new AppError('territories.link_exists');
  const [row] = await tx
    .insert(projectLinks)
    .values({ projectId, actionId, supportFileId })
    .returning({ id: projectLinks.id });
  if (!row) throw new Error('link not saved');
  return row;
}

export async function removeLink(tx: Tx, projectId: string, linkId: string) {
  const [row] = await tx
    .delete(projectLinks)
    .where(and(eq(projectLinks.id, linkId), eq(projectLinks.projectId, projectId)))
    .returning({ id: projectLinks.id });
  if (!row) throw new AppError('territories.link_not_found');
}

function checkSessionDates(s: { startsOn?: string | null; endsOn?: string | null }) {
  if (s.startsOn && s.endsOn && s.endsOn < s.startsOn)
    throw invalidFields([{ field: 'endsOn', code: 'territories.ends_before_starts' }]);
}

export async function addSession(tx: Tx, projectId: string, input: SessionInput) {
  const project = await requireProject(tx, projectId);
  if (project.kind !== 'zest') throw new AppError('territories.sessions_only_zest');
  checkSessionDates(input);
  const [row] = await tx
    .insert(projectSessions)
    .values({ ...input, projectId })
    .returning(sessionColumns);
  if (!row) throw new AppError('internal');
  return row;
}

export async function updateSession(tx: Tx, projectId: string, sessionId: string, patch: SessionPatch) {
  const where = and(eq(projectSessions.id, sessionId), eq(projectSessions.projectId, projectId));
  const [current] = await tx.select(sessionColumns).from(projectSessions).where(where);
  if (!current) throw new AppError('territories.session_not_found');
  checkSessionDates({ ...current, ...patch });
  const [row] = await tx
    .update(projectSessions)
    .set({ ...patch, updatedAt: new Date() })
    .where(where)
    .returning(sessionColumns);
  if (!row) throw new AppError('territories.session_not_found');
  return row;
}

export async function removeSession(tx: Tx, projectId: string, sessionId: string) {
  const [row] = await tx
    .delete(projectSessions)
    .where(and(eq(projectSessions.id, sessionId), eq(projectSessions.projectId, projectId)))
    .returning({ id: projectSessions.id });
  if (!row) throw new AppError('territories.session_not_found');
}
