/**
 * Who has answered: every current member organisation × convention type it holds, with
 * the status of its form (not_started when never saved), its last change and how many
 * figures it holds. A form saved by an organisation that has left since still counts.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { compareFr } from '../../i18n/collate.ts';
import { parisWallClock } from '../../lib/paris-time.ts';
import { addTable, newWorkbook, xlsxBuffer } from '../../lib/xlsx.ts';
import { byConventionOrder, todayInFrance } from '../members/members.queries.ts';
import { organisations } from '../members/members.table.ts';
import { membersBetween } from '../members/membership.periods.ts';
import { campaignIndicators, campaignSummary, findCampaign, type Viewer } from './campaigns.service.ts';
import { observatorySubmissions, type SubmissionStatus } from './observatory.table.ts';
import { expectedForms, STATUS_LABELS, valueCountSql } from './submissions.access.ts';
import { applicable } from './submissions.service.ts';

export type CompletenessStatus = SubmissionStatus | 'not_started';
const STATUSES: CompletenessStatus[] = [
  'not_started',
  'draft',
  'submitted',
  'correction_requested',
  'validated',
];

export interface CompletenessRow {
  organisationId: string;
  organisationName: string;
  conventionType: string;
  department: string | null;
  submissionId: string | null;
  status: CompletenessStatus;
  updatedAt: string | null;
  submittedAt: string | null;
  valueCount: number;
  indicatorCount: number;
}

export async function campaignCompleteness(
  tx: Tx,
  viewer: Viewer,
  campaignId: string,
  today = todayInFrance(),
) {
  const campaign = await findCampaign(tx, viewer, campaignId);
  const members = await membersBetween(tx, today);
  // Names come from the members above (one join per form made the planner scan the
  // delegation's organisations once per form); only former members' are looked up.
  const saved = await tx
    .select({ submission: observatorySubmissions, valueCount: valueCountSql })
    .from(observatorySubmissions)
    .where(eq(observatorySubmissions.campaignId, campaignId));
  const current = new Set(members.map((m) => m.id));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const formers = [...new Set(saved.map((s) => s.submission.organisationId))].filter((id) => !names.has(id));
  if (formers.length > 0) {
    const rows = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, formers));
    for (const row of rows) names.set(row.id, row.name);
  }
  const indicators = await campaignIndicators(tx, campaignId);
  const indicatorCount = new Map<string, number>();
  const countFor = (type: string) => {
    if (!indicatorCount.has(type)) indicatorCount.set(type, applicable(indicators, type).length);
    return indicatorCount.get(type) ?? 0;
  };
  const rows = new Map<string, CompletenessRow>();
  // All the delegation's conventions, then the members' (a list of hundreds of ids as
  // parameters cost more to build and send than the few rows of former members).
  for (const form of (await expectedForms(tx)).filter((f) => current.has(f.organisationId))) {
    rows.set(`${form.organisationId}/${form.conventionType}`, {
      ...form,
      organisationName: names.get(form.organisationId) ?? '',
      submissionId: null,
      status: 'not_started',
      updatedAt: null,
      submittedAt: null,
      valueCount: 0,
      indicatorCount: countFor(form.conventionType),
    });
  }
  for (const { submission: s, valueCount } of saved) {
    rows.set(`${s.organisationId}/${s.conventionType}`, {
      organisationId: s.organisationId,
      organisationName: names.get(s.organisationId) ?? '',
      conventionType: s.conventionType,
      department: s.department,
      submissionId: s.id,
      status: s.status,
      updatedAt: s.updatedAt.toISOString(),
      submittedAt: s.submittedAt?.toISOString() ?? null,
      valueCount,
      indicatorCount: countFor(s.conventionType),
    });
  }
  const items = [...rows.values()].sort(
    (a, b) =>
      compareFr(a.organisationName, b.organisationName) ||
      byConventionOrder(a.conventionType, b.conventionType),
  );
  const counts = Object.fromEntries(
    STATUSES.map((s) => [s, items.filter((i) => i.status === s).length]),
  ) as Record<CompletenessStatus, number>;
  return {
    campaign: campaignSummary(campaign),
    counts: { ...counts, total: items.length },
    items,
  };
}

const COLUMNS: { header: string; key: string; width: number; numFmt?: string }[] = [
  { header: 'Adhérent', key: 'organisation', width: 40 },
  { header: 'Type', key: 'type', width: 8 },
  { header: 'Département', key: 'department', width: 12, numFmt: '@' },
  { header: 'Statut', key: 'status', width: 22 },
  { header: 'Valeurs saisies', key: 'values', width: 15, numFmt: '0' },
  { header: 'Indicateurs', key: 'indicators', width: 12, numFmt: '0' },
  { header: 'Dernière modification', key: 'updatedAt', width: 20, numFmt: 'dd/mm/yyyy hh:mm' },
  { header: 'Transmis le', key: 'submittedAt', width: 20, numFmt: 'dd/mm/yyyy hh:mm' },
];

const asParisDate = (iso: string | null) => (iso ? parisWallClock(new Date(iso)) : null);

/** The board as a workbook: typed cells (numbers, dates), frozen bold header, filters. */
export async function completenessXlsx(rows: CompletenessRow[]): Promise<Buffer> {
  const workbook = newWorkbook();
  addTable(
    workbook,
    'Complétude',
    COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    })),
    rows,
    (row) => ({
      organisation: row.organisationName,
      type: row.conventionType,
      department: row.department,
      status: STATUS_LABELS[row.status],
      values: row.valueCount,
      indicators: row.indicatorCount,
      updatedAt: asParisDate(row.updatedAt),
      submittedAt: asParisDate(row.submittedAt),
    }),
  );
  return xlsxBuffer(workbook);
}
