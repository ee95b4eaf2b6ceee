import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normaliseForSearch } from '../../lib/text.ts';
import {
  actionKinds,
  actionMembers,
  actionPartners,
  actions,
  missions,
  partnerKinds,
  partners,
} from '../../modules/actions/actions.table.ts';
import { declaredFigures } from '../../modules/figures/figures.table.ts';
import { isDepartmentCode } from '../../modules/members/members.validation.ts';
import { practiceGroups } from '../../modules/practice-groups/practice-groups.table.ts';
import { trainingSessions } from '../../modules/trainings/trainings.table.ts';
import type { Tx } from '../client.ts';

/*
 * The chronicle of the 2024 report ("2024, chronique d'une année engagée") as fixtures:
 * partners, dated actions, practice-exchange groups, the one training session it
 * describes, and the totals it gives without detail (declared figures). The schemas
 * are strict so that a typo in a fixture stops the load instead of dropping a fact.
 */

const fixtures = fileURLToPath(new URL('../../../fixtures/demo-2024/', import.meta.url));

const isoDate = z.iso.date();
const nullableText = z.string().min(1).nullable();
const department = z.string().refine(isDepartmentCode, 'département inconnu');

const partnersFixture = z.object({
  partners: z.array(
    z.strictObject({
      name: z.string().min(1),
      kind: z.enum(partnerKinds),
      department: department.optional(),
      note: z.string().min(1),
    }),
  ),
});

const practiceGroupsFixture = z.object({
  groups: z.array(
    z.strictObject({ name: z.string().min(1), audience: nullableText, description: nullableText }),
  ),
});

export const chronicleFixture = z.object({
  actions: z.array(
    z.strictObject({
      // A fixture-local name, used by trainings.json to point at its action.
      key: z.string().regex(/^[a-z0-9-]+$/),
      title: z.string().min(1),
      kind: z.enum(actionKinds),
      startsOn: isoDate,
      endsOn: isoDate,
      datePrecision: z.enum(['day', 'month']),
      // The date as the report prints it ("Les 28 et 29 novembre"): kept to check the transcription.
      dateAsPrinted: z.string().min(1),
      online: z.boolean(),
      town: nullableText,
      department: department.nullable(),
      participantsCount: z.number().int().min(0).nullable(),
      participantsQualifier: z.enum(['exact', 'at_least', 'about']),
      themes: z.array(z.string().min(1)),
      missions: z.array(z.enum(missions)),
      summary: z.string().min(1),
      practiceGroup: nullableText,
      partners: z.array(
        z.strictObject({ name: z.string(), role: z.enum(['organiser', 'partner', 'funder']) }),
      ),
      members: z.array(
        z.strictObject({ name: z.string(), role: z.enum(['host', 'speaker', 'participant', 'organiser']) }),
      ),
      source: z.string().min(1),
    }),
  ),
});
export type ChronicleFixture = z.infer<typeof chronicleFixture>;

const trainingsFixture = z.object({
  sessions: z.array(
    z.strictObject({
      action: z.string(),
      title: z.string().min(1),
      provider: z.string(),
      funder: z.string(),
      trainer: nullableText,
      startsOn: isoDate,
      endsOn: isoDate,
      town: nullableText,
      department: department.nullable(),
      traineesCount: z.number().int().nullable(),
      hoursTotal: z.number().nullable(),
      organisationsCount: z.number().int().nullable(),
      note: nullableText,
      source: z.string().min(1),
    }),
  ),
});

const declaredFiguresFixture = z.object({
  figures: z.array(
    z.strictObject({
      year: z.number().int(),
      key: z.string().regex(/^[a-zA-Z]+$/),
      value: z.number(),
      unit: z.enum(['count', 'hours', 'euros', 'percent']),
      label: z.string().min(1),
      source: z.string().min(1),
    }),
  ),
});

export async function readChronicleFixture<T>(name: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(JSON.parse(await readFile(`${fixtures}${name}`, 'utf8')));
}

/** The id a fixture names, or a loud error: a dangling name is a transcription mistake. */
function lookUp(ids: Map<string, string>, name: string, what: string): string {
  const id = ids.get(name);
  if (!id) throw new Error(`Fixture de démonstration : ${what} inconnu « ${name} »`);
  return id;
}

/**
 * Inserts the chronicle inside the demo delegation's tenant transaction. Member
 * organisations are found by their name in members.json (accents and case ignored);
 * an unknown name stops the load.
 */
export async function loadDemoChronicle(
  tx: Tx,
  { organisationIdsByName }: { organisationIdsByName: Map<string, string> },
): Promise<{ actions: number; partners: number }> {
  const partnerList = (await readChronicleFixture('partners.json', partnersFixture)).partners;
  const groupList = (await readChronicleFixture('practice-groups.json', practiceGroupsFixture)).groups;
  const actionList = (await readChronicleFixture('chronicle.json', chronicleFixture)).actions;
  const sessionList = (await readChronicleFixture('trainings.json', trainingsFixture)).sessions;
  const figureList = (await readChronicleFixture('declared-figures.json', declaredFiguresFixture)).figures;

  const organisationIds = new Map(
    [...organisationIdsByName].map(([name, id]) => [normaliseForSearch(name), id]),
  );
  const partnerIds = new Map<string, string>();
  for (const partner of partnerList) {
    const [row] = await tx
      .insert(partners)
      .values({ ...partner, department: partner.department ?? null, thanked: false })
      .returning({ id: partners.id });
    if (!row) throw new Error('partner insert returned nothing');
    partnerIds.set(partner.name, row.id);
  }

  const groupIds = new Map<string, string>();
  for (const group of groupList) {
    const [row] = await tx.insert(practiceGroups).values(group).returning({ id: practiceGroups.id });
    if (!row) throw new Error('practice group insert returned nothing');
    groupIds.set(group.name, row.id);
  }

  const actionIds = new Map<string, string>();
  for (const { key, dateAsPrinted, practiceGroup, partners: links, members, ...action } of actionList) {
    const [row] = await tx
      .insert(actions)
      .values({
        ...action,
        participantsSource: action.participantsCount === null ? null : 'declared',
        // A published report: everything it tells is public.
        visibility: 'public',
        practiceGroupId: practiceGroup === null ? null : lookUp(groupIds, practiceGroup, 'groupe'),
      })
      .returning({ id: actions.id });
    if (!row) throw new Error('action insert returned nothing');
    actionIds.set(key, row.id);
    for (const link of links) {
      await tx.insert(actionPartners).values({
        actionId: row.id,
        partnerId: lookUp(partnerIds, link.name, 'partenaire'),
        role: link.role,
      });
    }
    for (const member of members) {
      const organisationId = lookUp(organisationIds, normaliseForSearch(member.name), 'adhérent');
      await tx.insert(actionMembers).values({ actionId: row.id, organisationId, role: member.role });
    }
  }

  for (const { action, provider, funder, ...session } of sessionList) {
    await tx.insert(trainingSessions).values({
      ...session,
      actionId: lookUp(actionIds, action, 'action'),
      providerId: lookUp(partnerIds, provider, 'partenaire'),
      funderId: lookUp(partnerIds, funder, 'partenaire'),
    });
  }

  if (figureList.length > 0) await tx.insert(declaredFigures).values(figureList);
  return { actions: actionList.length, partners: partnerList.length };
}
