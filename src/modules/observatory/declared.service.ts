import { and, asc, desc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { indicatorCodePattern } from './dashboard.schemas.ts';
import { type DeclaredInput, type DeclaredQualifier, declaredInputSchema } from './declared.schemas.ts';
import { observatoryDeclared } from './observatory.table.ts';

/**
 * Aggregates a publication states for a year before the system (the 2024 report's
 * observatory on 2023 data). They are never added to values computed from answers: the
 * dashboard shows them for years without answers, labelled `declared`, with their source.
 */
export interface DeclaredAggregate {
  year: number;
  indicatorCode: string;
  conventionType: string | null;
  value: number;
  qualifier: DeclaredQualifier;
  label: string;
  source: string;
  updatedAt: string;
}

const columns = {
  year: observatoryDeclared.year,
  indicatorCode: observatoryDeclared.indicatorCode,
  conventionType: observatoryDeclared.conventionType,
  value: observatoryDeclared.value,
  qualifier: observatoryDeclared.qualifier,
  label: observatoryDeclared.label,
  source: observatoryDeclared.source,
  updatedAt: observatoryDeclared.updatedAt,
};
type Row = { [K in keyof typeof columns]: (typeof observatoryDeclared.$inferSelect)[K] };
const present = (row: Row): DeclaredAggregate => ({
  ...row,
  value: Number(row.value),
  updatedAt: row.updatedAt.toISOString(),
});

/** The declared aggregates, latest year first; optionally of some years or codes only. */
export async function listDeclared(
  tx: Tx,
  filter: { from?: number | undefined; to?: number | undefined; codes?: readonly string[] } = {},
): Promise<DeclaredAggregate[]> {
  const where: SQL[] = [];
  if (filter.from !== undefined) where.push(gte(observatoryDeclared.year, filter.from));
  if (filter.to !== undefined) where.push(lte(observatoryDeclared.year, filter.to));
  if (filter.codes) {
    if (filter.codes.length === 0) return [];
    where.push(inArray(observatoryDeclared.indicatorCode, [...filter.codes]));
  }
  const rows = await tx
    .select(columns)
    .from(observatoryDeclared)
    .where(and(...where))
    .orderBy(
      desc(observatoryDeclared.year),
      asc(observatoryDeclared.indicatorCode),
      asc(observatoryDeclared.conventionType),
    );
  return rows.map(present);
}

/** A code names the figure for good (the dashboard and the report look it up). */
export function checkIndicatorCode(code: string) {
  if (!indicatorCodePattern.test(code))
    throw new AppError('request.invalid', {
      fields: [
        {
          field: 'indicatorCode',
          code: 'observatory.declared.code_invalid',
          message: message('observatory.declared.code_invalid'),
        },
      ],
    });
}

// The unique index treats null types as distinct, so "all types" is matched with IS NULL.
const sameKey = (year: number, code: string, conventionType: string | null) =>
  and(
    eq(observatoryDeclared.year, year),
    eq(observatoryDeclared.indicatorCode, code),
    conventionType === null
      ? isNull(observatoryDeclared.conventionType)
      : eq(observatoryDeclared.conventionType, conventionType),
  );

/** Records a year's aggregate (for one type or all), replacing the previous one; `created` says which. */
export async function putDeclared(tx: Tx, year: number, code: string, input: DeclaredInput) {
  checkIndicatorCode(code);
  const parsed = declaredInputSchema.parse(input);
  const conventionType = parsed.conventionType ?? null;
  const values = {
    value: parsed.value,
    qualifier: parsed.qualifier,
    label: parsed.label,
    source: parsed.source,
  };
  const [existing] = await tx
    .select({ year: observatoryDeclared.year })
    .from(observatoryDeclared)
    .where(sameKey(year, code, conventionType));
  const [row] = existing
    ? await tx
        .update(observatoryDeclared)
        .set({ ...values, updatedAt: new Date() })
        .where(sameKey(year, code, conventionType))
        .returning(columns)
    : await tx
        .insert(observatoryDeclared)
        .values({ year, indicatorCode: code, conventionType, ...values })
        .returning(columns);
  if (!row) throw new Error('declared aggregate not saved');
  return { aggregate: present(row), created: !existing };
}

export async function deleteDeclared(tx: Tx, year: number, code: string, conventionType: string | null) {
  checkIndicatorCode(code);
  const removed = await tx
    .delete(observatoryDeclared)
    .where(sameKey(year, code, conventionType))
    .returning({ year: observatoryDeclared.year });
  if (removed.length === 0) throw new AppError('observatory.declared.not_found');
}
