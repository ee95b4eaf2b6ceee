import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { normaliseForSearch } from '../../lib/text.ts';
import { actions } from '../../modules/actions/actions.table.ts';
import { putDeclaredFigure } from '../../modules/figures/figures.service.ts';
import { projectInputSchema } from '../../modules/territories/territories.schemas.ts';
import { createProject } from '../../modules/territories/territories.service.ts';
import { projectLinks } from '../../modules/territories/territories.table.ts';
import type { Tx } from '../client.ts';

/*
 * The territorial projects the 2024 report names (five TZCLD territories, the PTCE EDENN,
 * the ZEST' programme), linked to the chronicle's actions about them, and the totals it
 * gives without naming projects or dating sessions (declared figures). The chronicle is
 * loaded first: its actions are found by title and date in the same transaction.
 */

const fixturePath = fileURLToPath(new URL('../../../fixtures/demo-2024/territories.json', import.meta.url));

const projectFixture = projectInputSchema.omit({ ebeOrganisationId: true }).extend({
  // The EBE's name as the member list prints it, when it is a member.
  ebeOrganisation: z.string().min(1).optional(),
  actions: z.array(z.strictObject({ title: z.string().min(1), startsOn: z.iso.date() })),
});

export const territoriesFixture = z.strictObject({
  source: z.string().min(1),
  note: z.string().min(1),
  projects: z.array(projectFixture),
  declared: z.array(
    z.strictObject({
      year: z.number().int(),
      key: z.string().min(1),
      value: z.number(),
      unit: z.literal('count'),
      label: z.string().min(1),
      source: z.string().min(1),
    }),
  ),
});
export type TerritoriesFixture = z.infer<typeof territoriesFixture>;

export async function readTerritoriesFixture(): Promise<TerritoriesFixture> {
  return territoriesFixture.parse(JSON.parse(await readFile(fixturePath, 'utf8')));
}

export async function loadDemoTerritories(tx: Tx, context: { organisationIdsByName: Map<string, string> }) {
  const fixture = await readTerritoriesFixture();
  const byName = new Map([...context.organisationIdsByName].map(([n, id]) => [normaliseForSearch(n), id]));
  for (const { actions: linked, ebeOrganisation, ...input } of fixture.projects) {
    const ebeOrganisationId = ebeOrganisation ? byName.get(normaliseForSearch(ebeOrganisation)) : undefined;
    if (ebeOrganisation && !ebeOrganisationId)
      throw new Error(`EBE absente de l'annuaire : ${ebeOrganisation}`);
    const project = await createProject(tx, { ...input, ebeOrganisationId });
    for (const { title, startsOn } of linked) {
      const [action] = await tx
        .select({ id: actions.id })
        .from(actions)
        .where(and(eq(actions.title, title), eq(actions.startsOn, startsOn)));
      if (!action) throw new Error(`Action absente de la chronique : ${title} (${startsOn})`);
      await tx.insert(projectLinks).values({ projectId: project.id, actionId: action.id });
    }
  }
  for (const { year, key, ...figure } of fixture.declared) await putDeclaredFigure(tx, year, key, figure);
}
