import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../server/errors.ts';
import { buildAnnualReport } from './report.data.ts';
import type { AnnualReport, FigureComparison, OnProgress, ReportTexts } from './report.types.ts';
import type { ReportTextsInput } from './reports.schemas.ts';
import { annualReports } from './reports.table.ts';

/**
 * The report of a delegation's year: the texts staff write, and the freeze that keeps the
 * assembled report as it was (its inputs may change afterwards: a late action, a corrected
 * member). Row-level security scopes every query here to the caller's delegation.
 */

export interface ReportTextsState extends ReportTexts {
  year: number;
  frozen: { at: string; by: string | null } | null;
}

type Row = typeof annualReports.$inferSelect;

async function findRow(tx: Tx, year: number): Promise<Row | null> {
  const [row] = await tx.select().from(annualReports).where(eq(annualReports.year, year));
  return row ?? null;
}

const frozenOf = (row: Row | null) =>
  row?.frozenAt ? { at: row.frozenAt.toISOString(), by: row.frozenBy ?? null } : null;

function textsState(year: number, row: Row | null): ReportTextsState {
  return {
    year,
    presidentWord: row?.presidentWord ?? '',
    presidentSignature: row?.presidentSignature ?? '',
    priorities: row?.priorities ?? '',
    frozen: frozenOf(row),
  };
}

export async function getTexts(tx: Tx, year: number): Promise<ReportTextsState> {
  return textsState(year, await findRow(tx, year));
}

/** Writes the year's texts (creating the year's row on first use); refused once frozen. */
export async function putTexts(tx: Tx, year: number, input: ReportTextsInput): Promise<ReportTextsState> {
  const existing = await findRow(tx, year);
  if (existing?.frozenAt) throw new AppError('reports.frozen');
  const values = {
    presidentWord: input.presidentWord,
    presidentSignature: input.presidentSignature,
    priorities: input.priorities,
  };
  const [row] = existing
    ? await tx
        .update(annualReports)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(annualReports.id, existing.id))
        .returning()
    : await tx
        .insert(annualReports)
        .values({ year, ...values })
        .returning();
  if (!row) throw new Error('annual report texts not saved');
  return textsState(year, row);
}

/** The year's report: the frozen snapshot when there is one, else assembled from the records now. */
export async function loadReport(tx: Tx, year: number, onProgress?: OnProgress): Promise<AnnualReport> {
  const row = await findRow(tx, year);
  const frozen = frozenOf(row);
  if (row?.content && frozen) {
    onProgress?.({ step: 'frozen', label: 'Rapport figé', done: 1, total: 1 });
    return { ...row.content, frozen };
  }
  return { ...(await buildAnnualReport(tx, { year }, onProgress)), frozen: null };
}

/** Keeps the report as assembled now, so that it renders identically whatever the data becomes. */
export async function freezeReport(tx: Tx, year: number, by: string | null): Promise<AnnualReport> {
  const existing = await findRow(tx, year);
  if (existing?.frozenAt) throw new AppError('reports.already_frozen');
  const at = new Date();
  const report: AnnualReport = {
    ...(await buildAnnualReport(tx, { year })),
    frozen: { at: at.toISOString(), by },
  };
  const values = { frozenAt: at, frozenBy: by, content: report, updatedAt: at };
  if (existing) await tx.update(annualReports).set(values).where(eq(annualReports.id, existing.id));
  else await tx.insert(annualReports).values({ year, ...values });
  return report;
}

/** Drops the snapshot: the report follows the records again. The texts stay. */
export async function unfreezeReport(tx: Tx, year: number): Promise<void> {
  const existing = await findRow(tx, year);
  if (!existing?.frozenAt) throw new AppError('reports.not_frozen');
  await tx
    .update(annualReports)
    .set({ frozenAt: null, frozenBy: null, content: null, updatedAt: new Date() })
    .where(eq(annualReports.id, existing.id));
}

/** Key figures of two years side by side, over every id either year has. */
export async function compareReports(tx: Tx, fromYear: number, toYear: number): Promise<FigureComparison[]> {
  const from = await loadReport(tx, fromYear);
  const to = await loadReport(tx, toYear);
  return compareFigures(from, to);
}

export function compareFigures(from: AnnualReport, to: AnnualReport): FigureComparison[] {
  const ids = [...new Set([...Object.keys(to.keyFigures), ...Object.keys(from.keyFigures)])];
  return ids.map((id) => {
    const a = from.keyFigures[id];
    const b = to.keyFigures[id];
    const meta = (b ?? a) as NonNullable<typeof a>;
    const fromValue = a?.value ?? null;
    const toValue = b?.value ?? null;
    const delta = fromValue === null || toValue === null ? null : roundDelta(toValue - fromValue);
    const trend = delta === null ? 'unknown' : delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
    return { id, label: meta.label, unit: meta.unit, from: fromValue, to: toValue, delta, trend };
  });
}

// Declared figures carry two decimals: keep the difference free of float dust (1761.1 - 1761 ≠ 0.1).
const roundDelta = (n: number) => Math.round(n * 100) / 100;
