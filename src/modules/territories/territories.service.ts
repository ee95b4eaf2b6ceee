import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { isMember, type Viewer } from '../../shared/policies.ts';
import { organisations } from '../members/members.table.ts';
import { isDepartmentCode } from '../members/members.validation.ts';
import type { ProjectFilter, ProjectInput, ProjectPatch } from './territories.schemas.ts';
import { projectMembers, projectSessions, territorialProjects as projects } from './territories.table.ts';

type ProjectRow = typeof projects.$inferSelect;

const columns = {
  id: projects.id,
  kind: projects.kind,
  name: projects.name,
  territory: projects.territory,
  departments: projects.departments,
  phase: projects.phase,
  status: projects.status,
  authorisedOn: projects.authorisedOn,
  localCommittee: projects.localCommittee,
  ebeName: projects.ebeName,
  ebeOrganisationId: projects.ebeOrganisationId,
  sector: projects.sector,
  description: projects.description,
  source: projects.source,
};
export type ProjectView = Pick<ProjectRow, keyof typeof columns>;

/** A member user sees the projects its organisation takes part in, or is the EBE of. */
function visibleTo(viewer: Viewer) {
  if (!isMember(viewer)) return undefined;
  if (!viewer.organisationId) return sql`false`;
  return or(
    eq(projects.ebeOrganisationId, viewer.organisationId),
    sql`${projects.id} in (select ${projectMembers.projectId} from ${projectMembers} where ${projectMembers.organisationId} = ${viewer.organisationId})`,
  );
}

export function listProjects(tx: Tx, viewer: Viewer, filter: ProjectFilter = {}) {
  const where = [visibleTo(viewer)];
  if (filter.kind) where.push(eq(projects.kind, filter.kind));
  if (filter.status) where.push(eq(projects.status, filter.status));
  if (filter.department) where.push(sql`${filter.department.toUpperCase()} = any(${projects.departments})`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(or(ilike(projects.name, pattern), ilike(projects.territory, pattern)));
  }
  return tx
    .select(columns)
    .from(projects)
    .where(and(...where))
    .orderBy(asc(projects.kind), asc(projects.name));
}

/** The project if the viewer may read it; 404 otherwise (another organisation's project stays unseen). */
export async function findProject(tx: Tx, viewer: Viewer, id: string): Promise<ProjectView> {
  const [row] = await tx
    .select(columns)
    .from(projects)
    .where(and(eq(projects.id, id), visibleTo(viewer)));
  if (!row) throw new AppError('territories.project_not_found');
  return row;
}

type Fields = Omit<ProjectInput, 'departments' | 'status'> & { departments: string[] };

/** What each kind may carry: a field of another kind is refused on the field, never silently dropped. */
async function checkProject(tx: Tx, p: Fields) {
  const errors: { field: string; code: string }[] = [];
  p.departments.forEach((code, i) => {
    if (!isDepartmentCode(code))
      errors.push({ field: `departments.${i}`, code: 'territories.department_unknown' });
  });
  if (p.phase != null) {
    if (p.kind !== 'ptce') errors.push({ field: 'phase', code: 'territories.phase_only_ptce' });
    else if (p.phase !== 1 && p.phase !== 2)
      errors.push({ field: 'phase', code: 'territories.phase_invalid' });
  }
  if (p.kind !== 'tzcld')
    for (const field of ['authorisedOn', 'localCommittee', 'ebeName', 'ebeOrganisationId'] as const)
      if (p[field] != null) errors.push({ field, code: 'territories.tzcld_only' });
  if (p.kind !== 'zest' && p.sector != null)
    errors.push({ field: 'sector', code: 'territories.sector_only_zest' });
  if (p.ebeOrganisationId && p.kind === 'tzcld') {
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, p.ebeOrganisationId));
    if (!org) errors.push({ field: 'ebeOrganisationId', code: 'territories.organisation_unknown' });
  }
  if (errors.length > 0) throw invalidFields(errors);
}

const normaliseDepartments = (codes: string[]) => [...new Set(codes.map((c) => c.trim().toUpperCase()))];

export async function createProject(tx: Tx, input: ProjectInput): Promise<ProjectView> {
  const values = { ...input, departments: normaliseDepartments(input.departments) };
  await checkProject(tx, values);
  const [row] = await tx.insert(projects).values(values).returning(columns);
  if (!row) throw new Error('project not saved');
  return row;
}

export async function updateProject(tx: Tx, id: string, patch: ProjectPatch): Promise<ProjectView> {
  const [current] = await tx.select(columns).from(projects).where(eq(projects.id, id));
  if (!current) throw new AppError('territories.project_not_found');
  const departments = patch.departments ? normaliseDepartments(patch.departments) : current.departments;
  const merged = { ...current, ...patch, departments };
  await checkProject(tx, merged);
  if (current.kind === 'zest' && merged.kind !== 'zest') {
    const [session] = await tx
      .select({ id: projectSessions.id })
      .from(projectSessions)
      .where(eq(projectSessions.projectId, id))
      .limit(1);
    if (session) throw new AppError('territories.kind_has_sessions');
  }
  const [row] = await tx
    .update(projects)
    .set({ ...patch, departments, updatedAt: new Date() })
    .where(eq(projects.id, id))
    .returning(columns);
  if (!row) throw new AppError('territories.project_not_found');
  return row;
}

export async function deleteProject(tx: Tx, id: string) {
  const [row] = await tx.delete(projects).where(eq(projects.id, id)).returning({ id: projects.id });
  if (!row) throw new AppError('territories.project_not_found');
}
