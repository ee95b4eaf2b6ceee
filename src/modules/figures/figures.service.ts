import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError } from '../../server/errors.ts';
import { type DeclaredFigureInput, figureKeyPattern } from './figures.schemas.ts';
import { declaredFigures as figuresTable } from './figures.table.ts';

/**
 * Figures a source states only as a total ("10 rencontres", "1 761 heures"). They are kept
 * apart from what the records compute and are never added to it: a screen or a report
 * shows both, each labelled, and lets the reader see where each comes from.
 */
export interface DeclaredFigure {
  year: number;
  key: string;
  value: number;
  unit: 'count' | 'hours' | 'euros' | 'percent';
  label: string;
  source: string;
  updatedAt: string;
}

const columns = {
  year: figuresTable.year,
  key: figuresTable.key,
  value: figuresTable.value,
  unit: figuresTable.unit,
  label: figuresTable.label,
  source: figuresTable.source,
  updatedAt: figuresTable.updatedAt,
};

type Row = Pick<typeof figuresTable.$inferSelect, keyof typeof columns>;
const present = (row: Row): DeclaredFigure => ({ ...row, updatedAt: row.updatedAt.toISOString() });

/** The declared figures of a year, by key. */
export async function declaredFigures(tx: Tx, year: number): Promise<DeclaredFigure[]> {
  const rows = await tx
    .select(columns)
    .from(figuresTable)
    .where(eq(figuresTable.year, year))
    .orderBy(asc(figuresTable.key));
  return rows.map(present);
}

/** One declared figure of a year, or null when the sources state none. */
export async function declaredFigure(tx: Tx, year: number, key: string): Promise<DeclaredFigure | null> {
  const [row] = await tx
    .select(columns)
    .from(figuresTable)
    .where(and(eq(figuresTable.year, year), eq(figuresTable.key, key)));
  return row ? present(row) : null;
}

/** A key names the figure for good (reports look it up): refused with its own message, on the field. */
export function checkFigureKey(key: string) {
  if (!figureKeyPattern.test(key))
    throw new AppError('request.invalid', {
      fields: [{ field: 'key', code: 'figures.key_invalid', message: message('figures.key_invalid') }],
    });
}

/** Records a year's figure under its key, replacing the previous value; `created` says which. */
export async function putDeclaredFigure(tx: Tx, year: number, key: string, input: DeclaredFigureInput) {
  const existing = await declaredFigure(tx, year, key);
  const values = { value: input.value, unit: input.unit, label: input.label, source: input.source };
  const [row] = existing
    ? await tx
        .update(figuresTable)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(figuresTable.year, year), eq(figuresTable.key, key)))
        .returning(columns)
    : await tx
        .insert(figuresTable)
        .values({ year, key, ...values })
        .returning(columns);
  if (!row) throw new Error('declared figure not saved');
  return { figure: present(row), created: !existing };
}

export async function deleteDeclaredFigure(tx: Tx, year: number, key: string) {
  const [row] = await tx
    .delete(figuresTable)
    .where(and(eq(figuresTable.year, year), eq(figuresTable.key, key)))
    .returning({ key: figuresTable.key });
  if (!row) throw new AppError('figures.not_found');
}
