import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { annualReports } from '../../modules/reports/reports.table.ts';
import type { Tx } from '../client.ts';

/*
 * The opinions of the 2024 report, which no record computes: the president's word, its
 * signature and the priorities for the next year, as printed, in the report's markup
 * (paragraphs separated by blank lines, "- " bullets). Staff write them for other years.
 */

const fixturePath = fileURLToPath(new URL('../../../fixtures/demo-2024/report-texts.json', import.meta.url));

export const reportTextsFixture = z.strictObject({
  source: z.string().min(1),
  note: z.string().min(1),
  year: z.number().int(),
  presidentWord: z.string().min(1),
  presidentSignature: z.string().min(1),
  priorities: z.string().min(1),
});
export type ReportTextsFixture = z.infer<typeof reportTextsFixture>;

export async function readReportTextsFixture(): Promise<ReportTextsFixture> {
  return reportTextsFixture.parse(JSON.parse(await readFile(fixturePath, 'utf8')));
}

/** Loads the texts in the demo's tenant transaction. */
export async function loadDemoReport(tx: Tx) {
  const { year, presidentWord, presidentSignature, priorities } = await readReportTextsFixture();
  await tx.insert(annualReports).values({ year, presidentWord, presidentSignature, priorities });
}
