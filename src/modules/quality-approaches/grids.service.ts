import { asc, count, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { DEFAULT_GRID, DEFAULT_GRID_NAME } from './default-grid.ts';
import { checkGrid } from './grid.rules.ts';
import type { GridInput } from './quality-approaches.schemas.ts';
import { assessmentGrids, assessments } from './quality-approaches.table.ts';

export async function listGrids(tx: Tx) {
  return tx.select().from(assessmentGrids).orderBy(asc(assessmentGrids.name));
}

export async function getGrid(tx: Tx, id: string) {
  const [grid] = await tx.select().from(assessmentGrids).where(eq(assessmentGrids.id, id));
  if (!grid) throw new AppError('qualityApproaches.grid_not_found');
  return grid;
}

export async function createGrid(tx: Tx, input: GridInput) {
  const problems = checkGrid(input.pillars);
  if (problems.length > 0) throw invalidFields(problems);
  const [grid] = await tx.insert(assessmentGrids).values(input).returning();
  if (!grid) throw new AppError('internal');
  return grid;
}

/** Loads the starting grid on purpose (staff click it): never automatically. */
export async function loadDefaultGrid(tx: Tx) {
  return createGrid(tx, { name: DEFAULT_GRID_NAME, active: 'active', pillars: DEFAULT_GRID });
}

/** Each change raises the version, so a score can be read against the grid it was given on. */
export async function updateGrid(tx: Tx, id: string, input: GridInput) {
  const current = await getGrid(tx, id);
  const problems = checkGrid(input.pillars);
  if (problems.length > 0) throw invalidFields(problems);
  const [grid] = await tx
    .update(assessmentGrids)
    .set({ ...input, version: current.version + 1, updatedAt: new Date() })
    .where(eq(assessmentGrids.id, id))
    .returning();
  if (!grid) throw new AppError('qualityApproaches.grid_not_found');
  return grid;
}

export async function deleteGrid(tx: Tx, id: string) {
  await getGrid(tx, id);
  const [used] = await tx.select({ n: count() }).from(assessments).where(eq(assessments.gridId, id));
  if ((used?.n ?? 0) > 0) throw new AppError('qualityApproaches.grid_in_use');
  await tx.delete(assessmentGrids).where(eq(assessmentGrids.id, id));
}
