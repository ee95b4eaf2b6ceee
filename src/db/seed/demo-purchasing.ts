import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { declaredFigureInputSchema, yearSchema } from '../../modules/figures/figures.schemas.ts';
import { checkFigureKey, putDeclaredFigure } from '../../modules/figures/figures.service.ts';
import { buyerInputSchema } from '../../modules/purchasing/purchasing.schemas.ts';
import { buyers } from '../../modules/purchasing/purchasing.table.ts';
import type { Tx } from '../client.ts';

/*
 * Inclusive purchasing in the 2024 report: two buyers met by the members (the SNCF group,
 * Vinci Insertion Emploi) and one buyer's totals for 2023 (hours, orders, providers of the
 * Direction ASF). No need or tender is described, so no opportunity is made up; the totals
 * are the buyer's, kept as declared figures and never added to what the records compute.
 */

const fixturePath = fileURLToPath(new URL('../../../fixtures/demo-2024/purchasing.json', import.meta.url));

export const purchasingFixture = z.strictObject({
  note: z.string().min(1),
  buyers: z.array(buyerInputSchema.extend({ source: z.string().min(1), note: z.string().min(1) })),
  figures: z.array(declaredFigureInputSchema.extend({ year: yearSchema, key: z.string() })),
});
export type PurchasingFixture = z.infer<typeof purchasingFixture>;

export async function readPurchasingFixture(): Promise<PurchasingFixture> {
  return purchasingFixture.parse(JSON.parse(await readFile(fixturePath, 'utf8')));
}

/** Loads the buyers and the buyers' declared figures (in the demo's tenant transaction). */
export async function loadDemoPurchasing(tx: Tx) {
  const fixture = await readPurchasingFixture();
  for (const buyer of fixture.buyers) {
    await tx.insert(buyers).values({ ...buyer, contactName: buyer.contactName ?? null });
  }
  for (const { year, key, ...figure } of fixture.figures) {
    checkFigureKey(key);
    await putDeclaredFigure(tx, year, key, figure);
  }
  return { buyers: fixture.buyers.length, figures: fixture.figures.length };
}
