/**
 * A member's forms of a campaign and their figures. A form exists as a row from its
 * first save (a member who never opens the campaign leaves nothing behind); drafts may be
 * saved invalid at any time while the campaign is open, and each save answers what the
 * rules engine finds, so the page shows errors and warnings next to the fields.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { byConventionOrder } from '../members/members.queries.ts';
import {
  type Campaign,
  campaignIndicators,
  campaignSummary,
  findCampaign,
  type Indicator,
  type Viewer,
} from './campaigns.service.ts';
import type { ValuesInput } from './observatory.schemas.ts';
import { observatorySubmissions, observatoryValues } from './observatory.table.ts';
import { checkValues } from './rules.ts';
import {
  editRefusal,
  expectedForms,
  formFacts,
  loadSubmission,
  organisationName,
  organisationOf,
  type Submission,
  valueCountSql,
} from './submissions.access.ts';

export const applicable = (indicators: Indicator[], conventionType: string) =>
  indicators.filter((i) => i.appliesTo.length === 0 || i.appliesTo.some((t) => t === conventionType));

/**
 * Everything the form page shows: the questions, the figures, last year's, and what the
 * rules say. Callers that already hold the campaign's indicators pass them (one query less).
 */
async function presentForm(
  tx: Tx,
  viewer: Viewer,
  campaign: Campaign,
  form: { organisationId: string; conventionType: string; department: string | null },
  submission: Submission | null,
  catalogue?: Indicator[],
) {
  const indicators = applicable(
    catalogue ?? (await campaignIndicators(tx, campaign.id)),
    form.conventionType,
  );
  const facts = await formFacts(
    tx,
    {
      submissionId: submission?.id ?? null,
      organisationId: form.organisationId,
      conventionType: form.conventionType,
      year: campaign.year,
    },
    [submission?.submittedBy ?? null, submission?.validatedBy ?? null],
  );
  const { values, previous, people } = facts;
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  return {
    id: submission?.id ?? null,
    campaign: { ...campaignSummary(campaign), synthetic: campaign.synthetic },
    organisation: { id: form.organisationId, name: facts.organisationName },
    conventionType: form.conventionType,
    department: submission?.department ?? form.department,
    status: submission?.status ?? ('not_started' as const),
    submittedAt: submission?.submittedAt?.toISOString() ?? null,
    submittedByName: nameOf(submission?.submittedBy ?? null),
    validatedAt: submission?.validatedAt?.toISOString() ?? null,
    validatedByName: nameOf(submission?.validatedBy ?? null),
    correctionComment: submission?.correctionComment ?? null,
    confirmedWarnings: submission?.confirmedWarnings ?? {},
    updatedAt: submission?.updatedAt.toISOString() ?? null,
    canEdit: editRefusal(viewer, campaign, submission) === null,
    indicators: indicators.map(({ code, label, definition, section, unit, required, position, rules }) => ({
      code,
      label,
      definition,
      section,
      unit,
      required,
      position,
      rules,
    })),
    values,
    previous,
    check: checkValues(indicators, values, previous),
  };
}

export type FormDetail = Awaited<ReturnType<typeof presentForm>>;

export async function getForm(tx: Tx, viewer: Viewer, submissionId: string) {
  const { submission, campaign } = await loadSubmission(tx, viewer, submissionId);
  return presentForm(tx, viewer, campaign, submission, submission);
}

/** The form page of a submission its caller has just loaded or changed (no reload). */
export function presentSubmission(
  tx: Tx,
  viewer: Viewer,
  campaign: Campaign,
  submission: Submission,
  catalogue?: Indicator[],
) {
  return presentForm(tx, viewer, campaign, submission, submission, catalogue);
}

async function expectedForm(tx: Tx, organisationId: string, conventionType: string) {
  const form = (await expectedForms(tx, [organisationId])).find((f) => f.conventionType === conventionType);
  if (!form) throw new AppError('observatory.no_such_form', { params: { type: conventionType } });
  return form;
}

/** The form of one convention type, saved or not yet (then blank, with last year's figures). */
export async function getFormByType(
  tx: Tx,
  viewer: Viewer,
  campaignId: string,
  conventionType: string,
  requestedOrganisation: string | undefined,
) {
  const organisationId = organisationOf(viewer, requestedOrganisation);
  const campaign = await findCampaign(tx, viewer, campaignId);
  const [submission] = await tx
    .select()
    .from(observatorySubmissions)
    .where(
      and(
        eq(observatorySubmissions.campaignId, campaignId),
        eq(observatorySubmissions.organisationId, organisationId),
        eq(observatorySubmissions.conventionType, conventionType),
      ),
    );
  if (submission) return presentForm(tx, viewer, campaign, submission, submission);
  return presentForm(tx, viewer, campaign, await expectedForm(tx, organisationId, conventionType), null);
}

/** The forms of one organisation in a campaign: one per convention type, saved or not. */
export async function listForms(tx: Tx, viewer: Viewer, campaignId: string, requestedOrganisation?: string) {
  const organisationId = organisationOf(viewer, requestedOrganisation);
  const campaign = await findCampaign(tx, viewer, campaignId);
  const name = await organisationName(tx, organisationId);
  const saved = await tx
    .select({
      submission: observatorySubmissions,
      valueCount: valueCountSql,
    })
    .from(observatorySubmissions)
    .where(
      and(
        eq(observatorySubmissions.campaignId, campaignId),
        eq(observatorySubmissions.organisationId, organisationId),
      ),
    );
  const indicators = await campaignIndicators(tx, campaignId);
  const expected = await expectedForms(tx, [organisationId]);
  const types = [
    ...new Set([...expected.map((f) => f.conventionType), ...saved.map((s) => s.submission.conventionType)]),
  ].sort(byConventionOrder);
  return {
    campaign: campaignSummary(campaign),
    organisation: { id: organisationId, name },
    forms: types.map((type) => {
      const row = saved.find((s) => s.submission.conventionType === type);
      return {
        conventionType: type,
        department:
          row?.submission.department ?? expected.find((f) => f.conventionType === type)?.department ?? null,
        submissionId: row?.submission.id ?? null,
        status: row?.submission.status ?? ('not_started' as const),
        updatedAt: row?.submission.updatedAt.toISOString() ?? null,
        valueCount: row?.valueCount ?? 0,
        indicatorCount: applicable(indicators, type).length,
      };
    }),
  };
}

/**
 * The first save of a form creates it (idempotent: a second call finds the first row).
 * Answers 201 when it created the row.
 */
export async function createForm(
  tx: Tx,
  viewer: Viewer,
  campaignId: string,
  input: { conventionType: string; organisationId?: string | undefined; values?: ValuesInput | undefined },
) {
  const organisationId = organisationOf(viewer, input.organisationId);
  const campaign = await findCampaign(tx, viewer, campaignId);
  const refusal = editRefusal(viewer, campaign, null);
  if (refusal) throw refusal;
  const form = await expectedForm(tx, organisationId, input.conventionType);
  const inserted = await tx
    .insert(observatorySubmissions)
    .values({ ...form, campaignId, year: campaign.year })
    .onConflictDoNothing()
    .returning({ id: observatorySubmissions.id });
  const [row] = await tx
    .select({ id: observatorySubmissions.id })
    .from(observatorySubmissions)
    .where(
      and(
        eq(observatorySubmissions.campaignId, campaignId),
        eq(observatorySubmissions.organisationId, organisationId),
        eq(observatorySubmissions.conventionType, input.conventionType),
      ),
    );
  if (!row) throw new Error('submission vanished');
  const detail = await saveValues(tx, viewer, row.id, input.values ?? {});
  return { created: inserted.length > 0, detail };
}

/**
 * Saves figures as a draft: listed codes change (null removes one), others stay. One
 * upsert statement and one delete, under the lock of this submission's row only; an
 * unchanged figure is not rewritten, so the history shows real changes only.
 */
export async function saveValues(tx: Tx, viewer: Viewer, submissionId: string, values: ValuesInput) {
  const { submission, campaign } = await loadSubmission(tx, viewer, submissionId, { lock: true });
  const refusal = editRefusal(viewer, campaign, submission);
  if (refusal) throw refusal;
  const catalogue = await campaignIndicators(tx, campaign.id);
  const known = new Set(applicable(catalogue, submission.conventionType).map((i) => i.code));
  const unknown = Object.keys(values).filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new AppError('request.invalid', {
      fields: unknown.map((code) => ({
        field: `values.${code}`,
        code: 'observatory.unknown_indicator',
        message: message('observatory.unknown_indicator', { code }),
      })),
    });
  }
  const entries = Object.entries(values);
  const kept = entries.filter((e): e is [string, number] => e[1] !== null);
  const removed = entries.filter(([, v]) => v === null).map(([code]) => code);
  if (kept.length > 0) {
    // One JSON parameter rather than seven per figure: building a 350-parameter statement
    // was most of a save's CPU (measured under 50 members saving at once).
    // numeric(16, 2): rounded here so that what the rules check is what is stored.
    const figures = Object.fromEntries(kept.map(([code, value]) => [code, Math.round(value * 100) / 100]));
    await tx.execute(sql`
      insert into ${observatoryValues}
        (submission_id, organisation_id, year, convention_type, department, indicator_code, value)
      select ${submissionId}::uuid, ${submission.organisationId}::uuid, ${submission.year}::int,
             ${submission.conventionType}, ${submission.department}, f.key, f.value::numeric
        from json_each_text(${JSON.stringify(figures)}::json) f
      on conflict (submission_id, indicator_code) do update
        set value = excluded.value, updated_at = now()
        where ${observatoryValues}.value is distinct from excluded.value`);
  }
  if (removed.length > 0) {
    await tx
      .delete(observatoryValues)
      .where(
        and(
          eq(observatoryValues.submissionId, submissionId),
          inArray(observatoryValues.indicatorCode, removed),
        ),
      );
  }
  // The completeness board shows the last change of each form.
  const [saved] = await tx
    .update(observatorySubmissions)
    .set({ updatedAt: new Date() })
    .where(eq(observatorySubmissions.id, submissionId))
    .returning();
  return presentForm(tx, viewer, campaign, saved ?? submission, saved ?? submission, catalogue);
}
