/**
 * Test data for the dashboard tests: campaigns, answers and their values written straight
 * into a delegation (as the campaign workflow would leave them), so the dashboards can be
 * checked against sums worked out by hand.
 */
import type { Database } from '../../db/client.ts';
import { withTenant } from '../../db/client.ts';
import { organisations } from '../members/members.table.ts';
import {
  observatoryCampaigns,
  observatorySubmissions,
  observatoryValues,
  type SubmissionStatus,
} from './observatory.table.ts';

export interface Answer {
  organisationId: string;
  type: string;
  department: string | null;
  status?: SubmissionStatus;
  values: Record<string, number>;
}

export async function createOrganisations(database: Database, delegationId: string, names: string[]) {
  return withTenant(database.db, { delegationId, userId: null }, async (tx) => {
    const rows = await tx
      .insert(organisations)
      .values(names.map((name) => ({ name, searchName: name.toLowerCase() })))
      .returning({ id: organisations.id, name: organisations.name });
    return Object.fromEntries(rows.map((row) => [row.name, row.id])) as Record<string, string>;
  });
}

/** A campaign of `year` with its answers (validated unless said otherwise). */
export async function createCampaignWithAnswers(
  database: Database,
  delegationId: string,
  campaign: { year: number; synthetic?: boolean },
  answers: Answer[],
) {
  await withTenant(database.db, { delegationId, userId: null }, async (tx) => {
    const [created] = await tx
      .insert(observatoryCampaigns)
      .values({
        year: campaign.year,
        title: `Campagne ${campaign.year}`,
        opensOn: `${campaign.year + 1}-01-15`,
        deadline: `${campaign.year + 1}-03-31`,
        status: 'closed',
        synthetic: campaign.synthetic ?? false,
      })
      .returning({ id: observatoryCampaigns.id });
    if (!created) throw new Error('no campaign');
    for (const answer of answers) {
      const [submission] = await tx
        .insert(observatorySubmissions)
        .values({
          campaignId: created.id,
          organisationId: answer.organisationId,
          conventionType: answer.type,
          department: answer.department,
          year: campaign.year,
          status: answer.status ?? 'validated',
        })
        .returning({ id: observatorySubmissions.id });
      if (!submission) throw new Error('no submission');
      const entries = Object.entries(answer.values);
      if (entries.length === 0) continue;
      await tx.insert(observatoryValues).values(
        entries.map(([indicatorCode, value]) => ({
          submissionId: submission.id,
          organisationId: answer.organisationId,
          year: campaign.year,
          conventionType: answer.type,
          department: answer.department,
          indicatorCode,
          value,
        })),
      );
    }
  });
}
