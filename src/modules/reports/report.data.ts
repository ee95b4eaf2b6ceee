/**
 * Assembles a delegation's yearly report from its records (run inside `withTenant`, the
 * caller opens it). Nothing here knows a year or a delegation: every section is read
 * through the modules' own service functions, and only the opinions (the president's
 * word, the priorities) come from the `annual_reports` row staff write.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { ACTION_KIND_LABELS, PARTNER_KIND_LABELS } from '../actions/actions.export.ts';
import { type ActionView, chronicle } from '../actions/actions.queries.ts';
import { listPartners } from '../actions/partners.service.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { boardAt, listAssemblies, listStaff } from '../governance/governance.service.ts';
import { departmentName } from '../members/members.validation.ts';
import { buildMembers } from './report.directory.ts';
import { buildKeyFigures } from './report.figures.ts';
import { monthName } from './report.format.ts';
import type { AnnualReport, OnProgress, ReportAction, ReportBoardMember } from './report.types.ts';
import { annualReports } from './reports.table.ts';

export const REPORT_STEPS = [
  { step: 'delegation', label: 'Délégation et textes' },
  { step: 'members', label: 'Adhérents' },
  { step: 'organisation', label: 'Organisation' },
  { step: 'chronicle', label: 'Chronique' },
  { step: 'figures', label: 'Chiffres clés' },
  { step: 'partners', label: 'Partenaires' },
] as const;

const ROLE_LABELS: Record<NonNullable<ReportBoardMember['roleCode']>, string> = {
  president: 'Présidence',
  vice_president: 'Vice-présidence',
  treasurer: 'Trésorerie',
  secretary: 'Secrétariat',
  bureau_member: 'Membre du bureau',
};
const DIRECTOR = 'Administrateur·rice';
const QUALIFIERS = { exact: null, at_least: 'plus de', about: 'environ' } as const;

async function delegationSection(tx: Tx): Promise<AnnualReport['delegation']> {
  // The delegation of the transaction: a tenant's, or the one the federation reads (decision 020).
  const [row] = await tx
    .select()
    .from(delegations)
    .where(eq(delegations.id, sql`coalesce(app_delegation_id(), app_federation_delegation_id())`));
  if (!row) throw new Error('buildAnnualReport must run inside withTenant or withFederation');
  return {
    slug: row.slug,
    name: row.name,
    network: row.network,
    tagline: row.reportTagline,
    region: row.region,
    departmentsCovered: row.departmentsCovered.map((code) => ({ code, name: departmentName(code) ?? code })),
    addresses: row.addresses,
    phone: row.phone,
    email: row.email,
    website: row.website,
    missions: row.missions,
    objectives: row.objectives,
  };
}

async function texts(tx: Tx, year: number): Promise<AnnualReport['texts']> {
  const [row] = await tx
    .select({
      presidentWord: annualReports.presidentWord,
      presidentSignature: annualReports.presidentSignature,
      priorities: annualReports.priorities,
    })
    .from(annualReports)
    .where(eq(annualReports.year, year));
  return row ?? { presidentWord: '', presidentSignature: '', priorities: '' };
}

/**
 * The board in office on 31 December: of the mandates running that day, those elected
 * by the latest assembly that elected any (older boards whose end was not recorded are
 * left out), plus seats filled without an assembly since.
 */
async function organisation(tx: Tx, year: number) {
  const end = `${year}-12-31`;
  const running = await boardAt(tx, end);
  const assemblies = (await listAssemblies(tx)).filter((a) => a.heldOn <= end);
  const electing = assemblies.find((a) => running.some((m) => m.generalAssemblyId === a.id));
  const board = electing
    ? running.filter(
        (m) =>
          m.generalAssemblyId === electing.id ||
          (m.generalAssemblyId === null && m.electedOn >= electing.heldOn),
      )
    : running;
  const staff = await listStaff(tx);
  return {
    board: board.map(
      (m): ReportBoardMember => ({
        person: `${m.firstName} ${m.lastName}`,
        role: m.role ? ROLE_LABELS[m.role] : DIRECTOR,
        roleCode: m.role,
        organisation: m.organisationName || null,
        department: m.department,
        nationalRepresentative: m.nationalRepresentative,
      }),
    ),
    assembly: electing ? { date: electing.heldOn, place: electing.place } : null,
    staff: staff.map((s) => ({ person: `${s.firstName} ${s.lastName}`, title: s.jobTitle, missions: [] })),
  };
}

function reportAction(action: ActionView): ReportAction {
  const town = action.town
    ? action.department
      ? `${action.town} (${action.department})`
      : action.town
    : null;
  const count = action.participantsCount;
  return {
    id: action.id,
    date: action.startsOn,
    datePrecision: action.datePrecision,
    title: action.title,
    summary: action.summary,
    kind: ACTION_KIND_LABELS[action.kind] ?? action.kind,
    kindCode: action.kind,
    place: action.online ? (town ? `En ligne et ${town}` : 'En ligne') : town,
    participants:
      count === null
        ? null
        : {
            value: count,
            qualifier: QUALIFIERS[action.participantsQualifier],
            label: count >= 2 ? 'participants' : 'participant',
          },
    partners: action.partners.map((p) => p.name),
    members: action.members.map((m) => m.name),
  };
}

/** The registry, those cited by the year's public actions first, each part by name. */
async function partnersSection(tx: Tx, linkedIds: Set<string>) {
  const all = await listPartners(tx, {});
  const linked = all.filter((p) => linkedIds.has(p.id));
  const others = all.filter((p) => !linkedIds.has(p.id));
  return [...linked, ...others].map((p) => ({ name: p.name, kind: PARTNER_KIND_LABELS[p.kind] ?? null }));
}

export async function buildAnnualReport(
  tx: Tx,
  input: { year: number },
  onProgress?: OnProgress,
): Promise<AnnualReport> {
  const { year } = input;
  let done = 0;
  const progress = (step: (typeof REPORT_STEPS)[number]) => {
    done += 1;
    onProgress?.({ step: step.step, label: step.label, done, total: REPORT_STEPS.length });
  };
  const [delegationStep, membersStep, organisationStep, chronicleStep, figuresStep, partnersStep] =
    REPORT_STEPS;

  const delegation = await delegationSection(tx);
  const written = await texts(tx, year);
  progress(delegationStep);
  const members = await buildMembers(tx, year);
  progress(membersStep);
  const { board, assembly, staff } = await organisation(tx, year);
  progress(organisationStep);
  const ofYear = await chronicle(tx, year, { publicOnly: true });
  const months = ofYear.months.map((m) => ({
    month: m.month,
    label: monthName(m.month),
    actions: m.actions.map(reportAction),
  }));
  progress(chronicleStep);
  const keyFigures = await buildKeyFigures(
    tx,
    year,
    members,
    months.flatMap((m) => m.actions),
  );
  progress(figuresStep);
  const linked = new Set(
    ofYear.months.flatMap((m) => m.actions.flatMap((a) => a.partners.map((p) => p.partnerId))),
  );
  const partners = await partnersSection(tx, linked);
  progress(partnersStep);

  return {
    schemaVersion: 1,
    year,
    scope: 'delegation',
    generatedAt: new Date().toISOString(),
    frozen: null,
    delegation,
    texts: written,
    members,
    board,
    assembly,
    staff,
    keyFigures,
    chronicle: months,
    partners,
  };
}
