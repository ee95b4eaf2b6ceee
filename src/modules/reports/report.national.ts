/**
 * The federation's yearly report: every delegation's report, built under its own tenant
 * context, then merged. Only the list of delegations is read outside a tenant context
 * (`delegations` is the tenants' table, readable without one); each delegation's records
 * are read through `withTenant` (the CLI, for the whole installation) or `withFederation`
 * (the federation's routes), so row-level security applies to them as to any request.
 */
import { asc } from 'drizzle-orm';
import { type Db, type Tx, withTenant } from '../../db/client.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { buildAnnualReport } from './report.data.ts';
import type { AnnualReport, KeyFigure, KeyFigures, OnProgress, ReportDepartment } from './report.types.ts';

// Delegations built at once: PostgreSQL answers them on several pooled connections.
const CONCURRENCY = 4;

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, 'fr', { sensitivity: 'base', ignorePunctuation: true });

/**
 * One id over the delegations: values summed (null only when no delegation has one). A
 * sum of declared totals stays declared, of computed figures stays computed; a sum of
 * both is labelled declared (it is not all counted from records) and `from` says which
 * delegations declared and which computed.
 */
export function mergeFigure(parts: { delegation: string; figure: KeyFigure }[], delegationsCount: number) {
  const first = parts[0]?.figure;
  if (!first) throw new Error('mergeFigure needs at least one figure');
  const valued = parts.filter((p) => p.figure.value !== null);
  const declared = valued.filter((p) => p.figure.source === 'declared');
  const computed = valued.filter((p) => p.figure.source === 'computed');
  const names = (list: typeof valued) => list.map((p) => p.delegation).join(', ');
  const of = `délégation(s) sur ${delegationsCount}`;
  const from =
    valued.length === 0
      ? `Aucune donnée dans les ${delegationsCount} délégations`
      : computed.length === 0
        ? `Somme des totaux déclarés de ${declared.length} ${of} (${names(declared)})`
        : declared.length === 0
          ? `Somme des chiffres calculés à partir des enregistrements de ${computed.length} ${of}`
          : `Somme mêlant des totaux déclarés (${declared.length} : ${names(declared)}) et des chiffres calculés à partir des enregistrements (${computed.length} : ${names(computed)}), sur ${delegationsCount} délégations`;
  const merged: KeyFigure = {
    value: valued.length === 0 ? null : valued.reduce((sum, p) => sum + (p.figure.value ?? 0), 0),
    unit: first.unit,
    label: first.label,
    source: declared.length > 0 ? 'declared' : 'computed',
    from,
    group: first.group,
  };
  if (valued.some((p) => p.figure.synthetic)) merged.synthetic = true;
  if (valued.some((p) => p.figure.qualifier === 'about')) merged.qualifier = 'about';
  return merged;
}

function mergeReports(year: number, reports: AnnualReport[]): AnnualReport {
  const n = reports.length;
  const byType: Record<string, number> = {};
  const departments = new Map<string, ReportDepartment>();
  for (const report of reports) {
    for (const [type, count] of Object.entries(report.members.byType))
      byType[type] = (byType[type] ?? 0) + count;
    for (const d of report.members.byDepartment) {
      const seen = departments.get(d.code);
      departments.set(
        d.code,
        seen
          ? {
              ...seen,
              count: seen.count + d.count,
              organisations: [...seen.organisations, ...d.organisations],
            }
          : { ...d, organisations: [...d.organisations] },
      );
    }
  }
  const ids = [...new Set(reports.flatMap((r) => Object.keys(r.keyFigures)))];
  const keyFigures: KeyFigures = {};
  for (const id of ids) {
    const parts = reports.flatMap((r) => {
      const figure = r.keyFigures[id];
      return figure ? [{ delegation: r.delegation.name, figure }] : [];
    });
    keyFigures[id] = mergeFigure(parts, n);
  }
  const covered = new Map(reports.flatMap((r) => r.delegation.departmentsCovered.map((d) => [d.code, d])));
  const networks = new Set(reports.map((r) => r.delegation.network));
  const partners = new Map(reports.flatMap((r) => r.partners.map((p) => [p.name, p])));
  return {
    schemaVersion: 1,
    year,
    scope: 'national',
    generatedAt: new Date().toISOString(),
    frozen: null,
    delegation: {
      slug: 'national',
      name: `Fédération — ${n} délégation${n >= 2 ? 's' : ''}`,
      network: networks.size === 1 ? ([...networks][0] ?? null) : null,
      region: null,
      departmentsCovered: [...covered.values()].sort((a, b) => a.code.localeCompare(b.code)),
      addresses: [],
      phone: null,
      email: null,
      website: null,
      missions: [],
      objectives: [],
    },
    texts: { presidentWord: '', presidentSignature: '', priorities: '' },
    members: {
      total: reports.reduce((sum, r) => sum + r.members.total, 0),
      byType,
      organisations: reports.reduce((sum, r) => sum + r.members.organisations, 0),
      byDepartment: [...departments.values()]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((d) => ({ ...d, organisations: d.organisations.sort(byName) })),
    },
    board: [],
    assembly: null,
    staff: [],
    keyFigures,
    chronicle: Array.from({ length: 12 }, (_, i) => {
      const months = reports.map((r) => r.chronicle[i]).filter((m) => m !== undefined);
      return {
        month: i + 1,
        label: months[0]?.label ?? String(i + 1),
        actions: months
          .flatMap((m) => m.actions)
          .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'fr')),
      };
    }),
    partners: [...partners.values()],
    delegations: reports.map((r) => ({
      slug: r.delegation.slug,
      name: r.delegation.name,
      membersTotal: r.members.total,
      actions: r.chronicle.reduce((sum, m) => sum + m.actions.length, 0),
    })),
  };
}

/**
 * Where the delegations come from: their list, and how one delegation's records are read
 * (in its own transaction, under row-level security).
 */
export interface DelegationSource {
  list(): Promise<{ id: string; name: string }[]>;
  read<T>(delegationId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** The installation's own: the command line, for every delegation. */
const installationSource = (db: Db): DelegationSource => ({
  list: () =>
    db
      .select({ id: delegations.id, name: delegations.name })
      .from(delegations)
      .orderBy(asc(delegations.name), asc(delegations.id)),
  read: (delegationId, work) => withTenant(db, { delegationId, userId: null }, work),
});

/** `source`: the federation's routes pass theirs (`withFederation`, decision 020). */
export async function buildNationalReport(
  db: Db,
  year: number,
  onProgress?: OnProgress,
  source: DelegationSource = installationSource(db),
): Promise<AnnualReport> {
  const list = await source.list();
  const read = source.read.bind(source);
  const total = list.length + 1;
  const reports: AnnualReport[] = new Array(list.length);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const index = next++;
      const delegation = list[index];
      if (!delegation) return;
      reports[index] = await read(delegation.id, (tx) => buildAnnualReport(tx, { year }));
      done += 1;
      onProgress?.({ step: 'delegations', label: `Délégation ${delegation.name}`, done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
  const report = mergeReports(year, reports);
  onProgress?.({ step: 'merge', label: 'Consolidation nationale', done: total, total });
  return report;
}
