import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { putDeclaredFigure } from '../../modules/figures/figures.service.ts';
import { addAudit, createCertification } from '../../modules/quality-approaches/certifications.service.ts';
import {
  auditInputSchema,
  certificationInputSchema,
} from '../../modules/quality-approaches/quality-approaches.schemas.ts';
import type { Tx } from '../client.ts';

/*
 * The delegation's own certification and its follow-up audit (November 2023, dated to the
 * month), and the renewals of members the report gives only as a total: a declared figure.
 * No cohort: the report announces the CAP RSE collective work for 2025 only.
 */

const fixturePath = fileURLToPath(
  new URL('../../../fixtures/demo-2024/quality-approaches.json', import.meta.url),
);

export const qualityFixture = z.strictObject({
  note: z.string().min(1),
  certifications: z.array(
    certificationInputSchema.omit({ organisationId: true }).extend({ audits: z.array(auditInputSchema) }),
  ),
  figures: z.array(
    z.strictObject({
      year: z.number().int(),
      key: z.string().min(1),
      value: z.number(),
      unit: z.enum(['count', 'hours', 'euros', 'percent']),
      label: z.string().min(1),
      source: z.string().min(1),
    }),
  ),
});
export type QualityFixture = z.infer<typeof qualityFixture>;

export async function readQualityFixture(): Promise<QualityFixture> {
  return qualityFixture.parse(JSON.parse(await readFile(fixturePath, 'utf8')));
}

/** Loads the fixture in the demo's tenant transaction. */
export async function loadDemoQualityApproaches(tx: Tx) {
  const fixture = await readQualityFixture();
  for (const { audits, ...certification } of fixture.certifications) {
    const created = await createCertification(tx, { ...certification, organisationId: null });
    if (!created) throw new Error('demo certification not saved');
    for (const audit of audits) await addAudit(tx, created.id, audit);
  }
  for (const { year, key, ...figure } of fixture.figures) await putDeclaredFigure(tx, year, key, figure);
}
