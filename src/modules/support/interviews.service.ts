import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { compareFr } from '../../i18n/collate.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { users } from '../accounts/accounts.table.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { organisations } from '../members/members.table.ts';
import { membersBetween } from '../members/membership.periods.ts';
import { defaultInterviewTemplate } from './default-template.ts';
import { checkAnswers, checkTemplate } from './interview.rules.ts';
import type { InterviewInput, TemplateInput } from './support.schemas.ts';
import { isTeam, isTeamUser, type Viewer } from './support.service.ts';
import { interviews, interviewTemplates } from './support.table.ts';
import { badRequest } from './work.service.ts';

export async function getTemplate(tx: Tx, year: number) {
  const [template] = await tx.select().from(interviewTemplates).where(eq(interviewTemplates.year, year));
  return template ?? null;
}

async function requireTemplate(tx: Tx, year: number) {
  const template = await getTemplate(tx, year);
  if (!template) throw new AppError('support.no_template');
  return template;
}

/**
 * Saves a year's questions. Answers already given stay keyed by question id: keeping an
 * id keeps its answers, and an answer whose question left the grid is dropped at the
 * interview's next save.
 */
export async function putTemplate(tx: Tx, year: number, input: TemplateInput) {
  const problems = checkTemplate(input.questions);
  if (problems.length > 0) throw badRequest(problems);
  const values = { year, title: input.title, questions: input.questions };
  const [template] = await tx
    .insert(interviewTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [interviewTemplates.delegationId, interviewTemplates.year],
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return template;
}

/** Loads the default grid into a year that has none; staff ask for it, it never appears by itself. */
export async function loadDefaultTemplate(tx: Tx, year: number) {
  if (await getTemplate(tx, year)) throw new AppError('support.template_exists');
  const [template] = await tx
    .insert(interviewTemplates)
    .values({ year, ...defaultInterviewTemplate(year) })
    .returning();
  if (!template) throw new AppError('internal');
  return template;
}

/** Each member of the year (and any organisation already interviewed) with its interview's state. */
export async function listInterviews(tx: Tx, year: number) {
  const template = await getTemplate(tx, year);
  const members = await membersBetween(tx, `${year}-01-01`, `${year}-12-31`);
  const held = template
    ? await tx
        .select({
          organisationId: interviews.organisationId,
          organisationName: organisations.name,
          status: interviews.status,
          heldOn: interviews.heldOn,
          interviewerName: users.name,
          completedAt: interviews.completedAt,
          answers: interviews.answers,
        })
        .from(interviews)
        .innerJoin(organisations, eq(organisations.id, interviews.organisationId))
        .leftJoin(users, eq(users.id, interviews.interviewerUserId))
        .where(eq(interviews.templateId, template.id))
    : [];
  const byOrganisation = new Map(held.map((row) => [row.organisationId, row]));
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const row of held) names.set(row.organisationId, row.organisationName);
  const items = [...names.entries()]
    .map(([organisationId, organisationName]) => {
      const interview = byOrganisation.get(organisationId);
      return {
        organisationId,
        organisationName,
        status: interview?.status ?? ('not_started' as const),
        heldOn: interview?.heldOn ?? null,
        interviewerName: interview?.interviewerName ?? null,
        completedAt: interview?.completedAt ?? null,
        answered: interview ? Object.keys(interview.answers).length : 0,
      };
    })
    .sort((a, b) => compareFr(a.organisationName, b.organisationName));
  return {
    year,
    template: template
      ? { id: template.id, title: template.title, questions: template.questions.length }
      : null,
    items,
  };
}

async function organisationName(tx: Tx, organisationId: string) {
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new AppError('record.not_found');
  return organisation.name;
}

async function findInterview(tx: Tx, templateId: string, organisationId: string) {
  const [interview] = await tx
    .select()
    .from(interviews)
    .where(and(eq(interviews.templateId, templateId), eq(interviews.organisationId, organisationId)));
  return interview ?? null;
}

/** A member's interview of a year with its questions; a member user reads its own once it is done. */
export async function getInterview(tx: Tx, viewer: Viewer, year: number, organisationId: string) {
  if (!isTeam(viewer) && viewer.organisationId !== organisationId) throw new AppError('record.not_found');
  const template = await requireTemplate(tx, year);
  const name = await organisationName(tx, organisationId);
  const interview = await findInterview(tx, template.id, organisationId);
  if (!isTeam(viewer) && interview?.status !== 'done') throw new AppError('support.interview_not_done');
  let interviewerName: string | null = null;
  if (interview?.interviewerUserId) {
    const [interviewer] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, interview.interviewerUserId));
    interviewerName = interviewer?.name ?? null;
  }
  return {
    year,
    organisationId,
    organisationName: name,
    template: { id: template.id, title: template.title, questions: template.questions },
    interview: interview ? { ...interview, interviewerName } : null,
  };
}

/**
 * Saves a member's answers. A draft may be incomplete; `done` needs every required
 * question answered, and each missing one is named as a field (`answers.<id>`).
 */
export async function putInterview(
  tx: Tx,
  viewer: Viewer,
  year: number,
  organisationId: string,
  input: InterviewInput,
  today = todayInFrance(),
) {
  const template = await requireTemplate(tx, year);
  await organisationName(tx, organisationId);
  const checked = checkAnswers(template.questions, input.answers, input.status);
  if (checked.problems.length > 0) throw badRequest(checked.problems);
  if (input.interviewerUserId && !(await isTeamUser(tx, input.interviewerUserId)))
    throw invalidFields([{ field: 'interviewerUserId', code: 'support.owner_not_staff' }]);
  const existing = await findInterview(tx, template.id, organisationId);
  const done = input.status === 'done';
  const values = {
    organisationId,
    templateId: template.id,
    answers: checked.answers,
    status: input.status,
    heldOn: input.heldOn !== undefined ? input.heldOn : (existing?.heldOn ?? (done ? today : null)),
    interviewerUserId:
      input.interviewerUserId !== undefined
        ? input.interviewerUserId
        : (existing?.interviewerUserId ?? viewer.userId),
    // The first completion is kept when a finished interview is corrected.
    completedAt: done ? (existing?.completedAt ?? new Date()) : null,
  };
  if (done && !values.heldOn) values.heldOn = today;
  if (existing) {
    await tx
      .update(interviews)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(interviews.id, existing.id));
  } else {
    await tx.insert(interviews).values(values);
  }
  return getInterview(tx, viewer, year, organisationId);
}
