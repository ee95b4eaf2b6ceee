import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  conventionTypeSchema,
  indicatorCodePattern,
  yearSchema,
} from '../../modules/observatory/dashboard.schemas.ts';
import { declaredQualifiers } from '../../modules/observatory/declared.schemas.ts';
import { putDeclared } from '../../modules/observatory/declared.service.ts';
import { generateSyntheticCampaign } from '../../modules/observatory/synthetic.ts';
import type { Tx } from '../client.ts';

/*
 * The observatory of the 2024 report ("Observatoire régional", data of year 2023) holds
 * four totals and no figure per member: they are loaded as declared aggregates, each with
 * its quote. To show the dashboards, synthetic campaigns of 2024 and 2025 are generated
 * from the registry (a fixed seed, so every demo shows the same figures); they are flagged
 * synthetic wherever shown and never added to the declared figures.
 */

const fixturePath = fileURLToPath(
  new URL('../../../fixtures/demo-2024/observatory-declared.json', import.meta.url),
);

export const observatoryFixture = z.object({
  source: z.string().min(1),
  quote: z.string().min(1),
  note: z.string().min(1),
  // What each code that no catalogue defines stands for.
  codes: z.record(z.string().regex(indicatorCodePattern), z.string().min(1)),
  aggregates: z.array(
    z.strictObject({
      year: yearSchema,
      indicatorCode: z.string().regex(indicatorCodePattern),
      conventionType: conventionTypeSchema.nullable(),
      value: z.number().finite(),
      qualifier: z.enum(declaredQualifiers),
      label: z.string().min(1),
      source: z.string().min(1),
    }),
  ),
});
export type ObservatoryFixture = z.infer<typeof observatoryFixture>;

/** The synthetic campaigns of the demo: 2025 and the year before, from this seed. */
export const DEMO_SYNTHETIC = { year: 2025, seed: 2024 } as const;

export async function readObservatoryFixture(): Promise<ObservatoryFixture> {
  return observatoryFixture.parse(JSON.parse(await readFile(fixturePath, 'utf8')));
}

/** Loads the declared aggregates and generates the synthetic campaigns (in the demo's tenant transaction). */
export async function loadDemoObservatory(tx: Tx) {
  const fixture = await readObservatoryFixture();
  for (const aggregate of fixture.aggregates) {
    const { year, indicatorCode, ...input } = aggregate;
    await putDeclared(tx, year, indicatorCode, input);
  }
  return generateSyntheticCampaign(tx, DEMO_SYNTHETIC);
}
