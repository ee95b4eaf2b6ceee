/**
 * A small delegation made up for the report tests: three member organisations of
 * different types, two public actions and an internal one, a board (and an older one
 * whose end was never recorded), staff and the declared figures asked for.
 */
import { type Database, withTenant } from '../../db/client.ts';
import { actionMembers, actionPartners, actions, partners } from '../actions/actions.table.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { putDeclaredFigure } from '../figures/figures.service.ts';
import { boardMandates, generalAssemblies, staffMembers } from '../governance/governance.table.ts';
import { conventions, establishments, membershipPeriods, organisations } from '../members/members.table.ts';
import { normaliseForSearch } from '../members/members.validation.ts';

export interface SmallDelegation {
  slug: string;
  year: number;
  /** Prefix of every name, so that a test can tell whose data a report shows. */
  prefix: string;
  declared?: { key: string; value: number; source: string }[];
}

export const SMALL_MEMBERS = [
  { suffix: 'JARDINS', type: 'ACI', department: '29', postcode: '29000', city: 'QUIMPER' },
  { suffix: 'SERVICES', type: 'AI', department: '35', postcode: '35000', city: 'RENNES' },
  { suffix: 'BATIMENT', type: 'EI', department: '29', postcode: '29200', city: 'BREST' },
] as const;

export async function createSmallDelegation(database: Database, spec: SmallDelegation) {
  const { year, prefix } = spec;
  const [delegation] = await database.db
    .insert(delegations)
    .values({
      slug: spec.slug,
      name: `${prefix} Délégation`,
      network: 'Réseau test',
      region: 'Bretagne',
      departmentsCovered: ['29', '35'],
    })
    .returning();
  if (!delegation) throw new Error('no delegation');
  await withTenant(database.db, { delegationId: delegation.id, userId: null }, async (tx) => {
    const ids: string[] = [];
    for (const [index, m] of SMALL_MEMBERS.entries()) {
      const name = `${prefix} ${m.suffix}`;
      const [org] = await tx
        .insert(organisations)
        .values({ name, searchName: normaliseForSearch(name) })
        .returning({ id: organisations.id });
      if (!org) throw new Error('no organisation');
      ids.push(org.id);
      const [place] = await tx
        .insert(establishments)
        .values({
          organisationId: org.id,
          address: `${index + 1} rue du Test`,
          postcode: m.postcode,
          city: m.city,
          department: m.department,
          phone: `02 00 00 00 0${index}`,
          email: `contact${index}@${spec.slug}.test`,
          isHeadquarters: true,
        })
        .returning({ id: establishments.id });
      await tx.insert(conventions).values({
        organisationId: org.id,
        establishmentId: place?.id ?? null,
        type: m.type,
        departments: [],
      });
      await tx.insert(membershipPeriods).values({ organisationId: org.id, knownFrom: `${year}-01-01` });
    }
    const [partner] = await tx
      .insert(partners)
      .values({ name: `${prefix} Conseil départemental`, kind: 'department' })
      .returning({ id: partners.id });
    await tx.insert(partners).values({ name: `${prefix} Fondation`, kind: 'foundation' });
    const made = await tx
      .insert(actions)
      .values([
        {
          title: `${prefix} Journée régionale`,
          kind: 'regional_day',
          startsOn: `${year}-03-14`,
          endsOn: `${year}-03-14`,
          town: 'Quimper',
          department: '29',
          participantsCount: 40,
          participantsQualifier: 'at_least',
          summary: 'Une journée pour les adhérents.',
          visibility: 'public',
        },
        {
          title: `${prefix} Webinaire`,
          kind: 'webinar',
          startsOn: `${year}-10-01`,
          endsOn: `${year}-10-01`,
          datePrecision: 'month',
          online: true,
          visibility: 'public',
        },
        {
          title: `${prefix} Réunion interne`,
          kind: 'committee',
          startsOn: `${year}-06-02`,
          endsOn: `${year}-06-02`,
          visibility: 'internal',
        },
      ])
      .returning({ id: actions.id });
    const first = made[0]?.id;
    if (!first || !partner || !ids[0]) throw new Error('no action');
    await tx.insert(actionPartners).values({ actionId: first, partnerId: partner.id, role: 'funder' });
    await tx.insert(actionMembers).values({ actionId: first, organisationId: ids[0], role: 'host' });

    const [older] = await tx
      .insert(generalAssemblies)
      .values({ heldOn: `${year - 3}-06-01`, place: 'Ancien lieu' })
      .returning({ id: generalAssemblies.id });
    const [assembly] = await tx
      .insert(generalAssemblies)
      .values({ heldOn: `${year}-06-20`, place: 'Rennes (35)' })
      .returning({ id: generalAssemblies.id });
    await tx.insert(boardMandates).values([
      {
        firstName: 'Ancien',
        lastName: 'PRÉSIDENT',
        organisationName: `${prefix} JARDINS`,
        role: 'president',
        electedOn: `${year - 3}-06-01`,
        generalAssemblyId: older?.id ?? null,
      },
      {
        firstName: 'Anne',
        lastName: 'PRÉSIDENTE',
        organisationName: `${prefix} SERVICES`,
        organisationId: ids[1] ?? null,
        department: '35',
        role: 'president',
        nationalRepresentative: true,
        electedOn: `${year}-06-20`,
        generalAssemblyId: assembly?.id ?? null,
        position: 0,
      },
      {
        firstName: 'Bruno',
        lastName: 'TRÉSORIER',
        organisationName: `${prefix} BATIMENT`,
        department: '29',
        role: 'treasurer',
        electedOn: `${year}-06-20`,
        generalAssemblyId: assembly?.id ?? null,
        position: 1,
      },
      {
        firstName: 'Chloé',
        lastName: 'ADMINISTRATRICE',
        organisationName: `${prefix} JARDINS`,
        department: '29',
        role: null,
        electedOn: `${year}-06-20`,
        generalAssemblyId: assembly?.id ?? null,
        position: 2,
      },
    ]);
    await tx
      .insert(staffMembers)
      .values({ firstName: 'Dana', lastName: 'SALARIÉE', jobTitle: 'déléguée régionale' });
    for (const d of spec.declared ?? [])
      await putDeclaredFigure(tx, year, d.key, {
        value: d.value,
        unit: 'count',
        label: d.key,
        source: d.source,
      });
  });
  return delegation;
}
