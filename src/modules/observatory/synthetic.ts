import { and, asc, eq, exists, or } from 'drizzle-orm';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { conventions, establishments, membershipPeriods, organisations } from '../members/members.table.ts';
import { periodInYear } from '../members/membership.periods.ts';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import {
  observatoryCampaigns,
  observatoryIndicators,
  observatorySubmissions,
  observatoryValues,
} from './observatory.table.ts';
import { answersAsSiae, mulberry32, seedOf, syntheticFigures } from './synthetic.profiles.ts';

export const SYNTHETIC_TITLE = 'Campagne synthétique (démonstration)';

/** Who answers: each member organisation of the year once per convention type, where it holds it. */
async function respondents(tx: Tx, year: number) {
  const rows = await tx
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      type: conventions.type,
      conventionDepartment: establishments.department,
    })
    .from(organisations)
    .innerJoin(conventions, eq(conventions.organisationId, organisations.id))
    .leftJoin(establishments, eq(establishments.id, conventions.establishmentId))
    .where(
      // A membership period overlapping the year, as dues count members.
      exists(
        tx
          .select({ id: membershipPeriods.id })
          .from(membershipPeriods)
          .where(and(eq(membershipPeriods.organisationId, organisations.id), periodInYear(year))),
      ),
    )
    .orderBy(asc(organisations.name), asc(conventions.type), asc(establishments.createdAt));
  const headquarters = await tx
    .select({ organisationId: establishments.organisationId, department: establishments.department })
    .from(establishments)
    .where(eq(establishments.isHeadquarters, true));
  const hq = new Map(headquarters.map((e) => [e.organisationId, e.department]));
  // One answer per organisation and type (AVIE's two AI establishments answer once, from the first).
  const seen = new Map<
    string,
    { organisationId: string; name: string; type: string; department: string | null }
  >();
  for (const row of rows) {
    const key = `${row.organisationId}|${row.type}`;
    if (seen.has(key) || !answersAsSiae(row.type)) continue;
    seen.set(key, {
      organisationId: row.organisationId,
      name: row.name,
      type: row.type,
      department: row.conventionDepartment ?? hq.get(row.organisationId) ?? null,
    });
  }
  return [...seen.values()];
}

async function createCampaign(tx: Tx, year: number, seed: number) {
  const [campaign] = await tx
    .insert(observatoryCampaigns)
    .values({
      year,
      title: SYNTHETIC_TITLE,
      opensOn: `${year + 1}-01-15`,
      deadline: `${year + 1}-03-31`,
      status: 'closed',
      synthetic: true,
    })
    .returning({ id: observatoryCampaigns.id });
  if (!campaign) throw new Error('campaign insert returned nothing');
  await tx
    .insert(observatoryIndicators)
    .values(
      DEFAULT_INDICATORS.map((indicator, position) => ({ ...indicator, campaignId: campaign.id, position })),
    );
  const answering = await respondents(tx, year);
  const submitted = new Date(`${year + 1}-03-20T09:00:00Z`);
  const validated = new Date(`${year + 1}-04-10T09:00:00Z`);
  const submissions =
    answering.length === 0
      ? []
      : await tx
          .insert(observatorySubmissions)
          .values(
            answering.map((r) => ({
              campaignId: campaign.id,
              organisationId: r.organisationId,
              conventionType: r.type,
              department: r.department,
              year,
              status: 'validated' as const,
              submittedAt: submitted,
              validatedAt: validated,
            })),
          )
          .returning({
            id: observatorySubmissions.id,
            organisationId: observatorySubmissions.organisationId,
            conventionType: observatorySubmissions.conventionType,
          });
  const byKey = new Map(answering.map((r) => [`${r.organisationId}|${r.type}`, r]));
  const values: (typeof observatoryValues.$inferInsert)[] = [];
  for (const submission of submissions) {
    const who = byKey.get(`${submission.organisationId}|${submission.conventionType}`);
    if (!who) continue;
    // The structure's size from its name and type; the year's variation from the year too.
    const base = mulberry32(seedOf(`${seed}|${who.name}|${who.type}`));
    const ofYear = mulberry32(seedOf(`${seed}|${who.name}|${who.type}|${year}`));
    const figures = syntheticFigures(who.type, base, ofYear);
    for (const [indicatorCode, value] of Object.entries(figures)) {
      values.push({
        submissionId: submission.id,
        organisationId: who.organisationId,
        year,
        conventionType: who.type,
        department: who.department,
        indicatorCode,
        value,
      });
    }
  }
  await insertRows(tx, observatoryValues, values);
  return { campaignId: campaign.id, year, submissions: submissions.length, values: values.length };
}

/**
 * A campaign of generated figures for the demonstration: `synthetic = true` (every
 * dashboard answer flags it and never adds it to real figures), closed, titled as such,
 * with the default catalogue and one validated answer per member organisation and
 * convention type (GES excepted: its conventions answer on their own), consistent with
 * the catalogue's rules. The previous year is generated too, so that the evolution has
 * two points, unless a campaign exists for it already. Deterministic: the same seed and
 * registry give the same figures.
 */
export async function generateSyntheticCampaign(tx: Tx, options: { year: number; seed: number }) {
  const years = await tx
    .select({ year: observatoryCampaigns.year })
    .from(observatoryCampaigns)
    .where(or(eq(observatoryCampaigns.year, options.year), eq(observatoryCampaigns.year, options.year - 1)));
  const taken = new Set(years.map((row) => row.year));
  if (taken.has(options.year))
    throw new AppError('observatory.synthetic.year_taken', { params: { year: options.year } });
  const created = [];
  if (!taken.has(options.year - 1)) created.push(await createCampaign(tx, options.year - 1, options.seed));
  created.push(await createCampaign(tx, options.year, options.seed));
  return created;
}
