/**
 * The federation's reads over every delegation (decision 020). Each delegation is read in
 * a transaction of its own through `withFederation`: the app role, read-only, under the
 * `federation_read` policies, which show that delegation's rows to a member of the
 * national team and to nobody else. The list of delegations comes from the `delegations`
 * table, which the app role may read. Nothing here runs as the database owner, and what
 * leaves is aggregates or what the delegations publish anyway (their public directory).
 */
import { asc, desc, eq, max } from 'drizzle-orm';
import { type Db, type Tx, withCredential, withFederation } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import type { Mailer } from '../../server/mailer.ts';
import type { FederationAuth } from '../../server/request-context.ts';
import { auditLog } from '../audit/audit.table.ts';
import type { NewDelegation } from '../delegations/delegations.schemas.ts';
import { createDelegationWithInvitation } from '../delegations/delegations.service.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { filterDirectory } from '../members/directory.search.ts';
import { listPublicStructures } from '../members/members.queries.ts';
import { memberStats } from '../members/members.stats.ts';
import { campaignCompleteness } from '../observatory/campaigns.completeness.ts';
import { dashboard, type Point } from '../observatory/dashboard.service.ts';
import { indicatorInfo } from '../observatory/dashboard.sql.ts';
import { observatoryCampaigns } from '../observatory/observatory.table.ts';
import { buildNationalReport } from '../reports/report.national.ts';
import { renderReport } from '../reports/report.render.ts';
import type { AnnualReport, ReportFormat } from '../reports/report.types.ts';
import { getTexts } from '../reports/reports.service.ts';
import type { FederationDelegation } from './federation.schemas.ts';

// Delegations read at once: PostgreSQL answers them on several pooled connections.
const CONCURRENCY = 4;

type DelegationRow = { id: string; slug: string; name: string; region: string | null; createdAt: Date };

/** Every delegation, by name, read as the app role (the tenants' table is readable to it). */
export function listDelegations(db: Db, who: FederationAuth): Promise<DelegationRow[]> {
  return withCredential(db, { userId: who.userId }, (tx) =>
    tx
      .select({
        id: delegations.id,
        slug: delegations.slug,
        name: delegations.name,
        region: delegations.region,
        createdAt: delegations.createdAt,
      })
      .from(delegations)
      .orderBy(asc(delegations.name), asc(delegations.id)),
  );
}

/** `work` over each delegation, through the federation's policy, a few at once, in order. */
async function eachDelegation<T>(
  db: Db,
  who: FederationAuth,
  list: DelegationRow[],
  work: (tx: Tx, delegation: DelegationRow) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      const delegation = list[index];
      if (!delegation) return;
      results[index] = await withFederation(db, { userId: who.userId, delegationId: delegation.id }, (tx) =>
        work(tx, delegation),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
  return results;
}

/** The open campaign (the latest year if several) with its forms by status. */
async function openCampaign(tx: Tx, who: FederationAuth): Promise<FederationDelegation['campaign']> {
  const [campaign] = await tx
    .select({ id: observatoryCampaigns.id })
    .from(observatoryCampaigns)
    .where(eq(observatoryCampaigns.status, 'open'))
    .orderBy(desc(observatoryCampaigns.year))
    .limit(1);
  if (!campaign) return null;
  const board = await campaignCompleteness(tx, who, campaign.id);
  const { total, validated } = board.counts;
  return {
    id: board.campaign.id,
    year: board.campaign.year,
    title: board.campaign.title,
    deadline: board.campaign.deadline,
    counts: board.counts,
    completeness: total === 0 ? null : Math.round((validated / total) * 1000) / 10,
  };
}

/** The federation's list: each delegation with its key figures of the year. */
export async function delegationFigures(
  db: Db,
  who: FederationAuth,
  year: number,
): Promise<FederationDelegation[]> {
  const list = await listDelegations(db, who);
  return eachDelegation(db, who, list, async (tx, delegation) => {
    const stats = await memberStats(tx, year);
    const campaign = await openCampaign(tx, who);
    const texts = await getTexts(tx, year);
    const [activity] = await tx
      .select({ at: max(auditLog.at) })
      .from(auditLog)
      .where(eq(auditLog.delegationId, delegation.id));
    return {
      id: delegation.id,
      slug: delegation.slug,
      name: delegation.name,
      region: delegation.region,
      createdAt: delegation.createdAt.toISOString(),
      members: {
        total: stats.total,
        byType: Object.fromEntries(Object.entries(stats.byType).filter(([, n]) => n !== undefined)) as Record<
          string,
          number
        >,
      },
      campaign,
      report: { year, frozen: texts.frozen !== null, frozenAt: texts.frozen?.at ?? null },
      lastActivity: activity?.at ? new Date(activity.at).toISOString() : null,
    };
  });
}

/**
 * A new delegation and its administrator's invitation, by the same service as
 * `npx maillage delegation create`: the installation creates the tenant; the federation
 * member is named as the one who invites, and never gets a role in it.
 */
export async function createDelegation(
  db: Db,
  deps: { mailer: Mailer; baseUrl: string },
  who: FederationAuth,
  input: NewDelegation,
) {
  const created = await createDelegationWithInvitation(db, { ...deps, inviter: who }, input);
  return { delegation: created.delegation, invitedEmail: created.invitedEmail };
}

/** Every delegation's public directory, each entry with its delegation. */
export async function nationalDirectory(
  db: Db,
  who: FederationAuth,
  filters: {
    q?: string | undefined;
    type?: string | undefined;
    department?: string | undefined;
    delegation?: string | undefined;
  },
) {
  const all = await listDelegations(db, who);
  const list = filters.delegation ? all.filter((d) => d.slug === filters.delegation) : all;
  if (filters.delegation && list.length === 0) throw new AppError('federation.delegation_not_found');
  const parts = await eachDelegation(db, who, list, async (tx, delegation) => {
    const entries = filterDirectory(await listPublicStructures(tx, {}), filters);
    return entries.map((entry) => ({
      id: entry.id,
      organisationId: entry.organisationId,
      name: entry.name,
      types: entry.types,
      department: entry.department,
      postcode: entry.postcode,
      city: entry.city,
      website: entry.website,
      delegation: { slug: delegation.slug, name: delegation.name },
    }));
  });
  const items = parts
    .flat()
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) ||
        a.delegation.name.localeCompare(b.delegation.name, 'fr'),
    );
  return { items, total: items.length };
}

interface RollupPoint {
  year: number;
  source: 'computed' | 'declared';
  synthetic: boolean;
  value: number;
  answers: number;
  delegations: string[];
}

/**
 * The observatory summed over the delegations: each delegation's dashboard (its validated
 * answers, and its declared totals for years without answers), then per indicator, year,
 * source and synthetic flag, the sum and the delegations in it. Sums of a computed and a
 * declared value stay apart, as in a delegation's own dashboard.
 */
export async function nationalObservatory(
  db: Db,
  who: FederationAuth,
  query: { indicators: string[]; from?: number | undefined; to?: number | undefined },
) {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw new AppError('federation.range_invalid');
  const list = await listDelegations(db, who);
  const parts = await eachDelegation(db, who, list, async (tx, delegation) => {
    const known = [...(await indicatorInfo(tx, query.indicators)).keys()];
    const codes = query.indicators.filter((code) => known.includes(code));
    if (codes.length === 0) return { delegation, indicators: [] };
    const board = await dashboard(tx, {
      indicators: codes,
      from: query.from,
      to: query.to,
      include: undefined,
    });
    return { delegation, indicators: board.indicators };
  });
  const labels = new Map<string, { label: string; unit: string | null }>();
  const sums = new Map<string, Map<string, RollupPoint>>();
  for (const { delegation, indicators } of parts) {
    for (const indicator of indicators) {
      labels.set(indicator.code, { label: indicator.label, unit: indicator.unit ?? null });
      const points = sums.get(indicator.code) ?? new Map<string, RollupPoint>();
      for (const point of indicator.totals as Point[]) {
        const key = `${point.year}|${point.source}|${point.synthetic}`;
        const sum = points.get(key) ?? {
          year: point.year,
          source: point.source,
          synthetic: point.synthetic,
          value: 0,
          answers: 0,
          delegations: [],
        };
        sum.value += point.value;
        if (point.source === 'computed') sum.answers += point.answers;
        if (!sum.delegations.includes(delegation.name)) sum.delegations.push(delegation.name);
        points.set(key, sum);
      }
      sums.set(indicator.code, points);
    }
  }
  const unknown = query.indicators.filter((code) => !labels.has(code));
  if (unknown.length === query.indicators.length)
    throw new AppError('federation.unknown_indicator', { params: { codes: unknown.join(', ') } });
  return {
    delegations: list.length,
    indicators: query.indicators
      .filter((code) => labels.has(code))
      .map((code) => ({
        code,
        label: labels.get(code)?.label ?? code,
        unit: labels.get(code)?.unit ?? null,
        totals: [...(sums.get(code)?.values() ?? [])].sort(
          (a, b) =>
            a.year - b.year || a.source.localeCompare(b.source) || Number(a.synthetic) - Number(b.synthetic),
        ),
      })),
  };
}

/** The national report, each delegation read through the federation's policy. */
export function nationalReport(db: Db, who: FederationAuth, year: number): Promise<AnnualReport> {
  return buildNationalReport(db, year, undefined, {
    list: () => listDelegations(db, who),
    read: (delegationId, work) => withFederation(db, { userId: who.userId, delegationId }, work),
  });
}

export function nationalReportSummary(report: AnnualReport) {
  return {
    year: report.year,
    name: report.delegation.name,
    members: {
      total: report.members.total,
      organisations: report.members.organisations,
      byType: report.members.byType,
    },
    keyFigures: report.keyFigures,
    delegations: report.delegations ?? [],
  };
}

export async function nationalReportFile(db: Db, who: FederationAuth, year: number, format: ReportFormat) {
  return renderReport(await nationalReport(db, who, year), format);
}
