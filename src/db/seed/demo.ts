import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { normaliseForSearch } from '../../lib/text.ts';
import { createUserWithPassword, grantRole } from '../../modules/accounts/accounts.service.ts';
import type { Auth } from '../../modules/accounts/auth.ts';
import { delegations } from '../../modules/delegations/delegations.table.ts';
import { federationMembers } from '../../modules/federation/federation.table.ts';
import { boardMandates, generalAssemblies, staffMembers } from '../../modules/governance/governance.table.ts';
import {
  type ConventionType,
  conventions,
  establishments,
  membershipPeriods,
  organisations,
} from '../../modules/members/members.table.ts';
import { type Database, withTenant } from '../client.ts';
import { loadDemoChronicle } from './demo-chronicle.ts';
import { loadDemoObservatory } from './demo-observatory.ts';
import { loadDemoPurchasing } from './demo-purchasing.ts';
import { loadDemoQualityApproaches } from './demo-quality-approaches.ts';
import { loadDemoReport } from './demo-report.ts';
import { loadDemoTerritories } from './demo-territories.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/demo-2024/', import.meta.url));
const readFixture = async <T>(name: string): Promise<T> =>
  JSON.parse(await readFile(`${fixtures}${name}`, 'utf8')) as T;

interface MembersFixture {
  source: string;
  year: number;
  organisations: {
    name: string;
    types: string[];
    note?: string;
    establishments: {
      printed: string;
      listedUnder: string[];
      department: string;
      address: string;
      postcode: string;
      city: string;
      phone: string;
      email: string;
      conventions: ConventionType[];
    }[];
  }[];
}
interface BoardFixture {
  source: string;
  electedOn: string;
  assembly: {
    heldOn: string;
    place: string;
    hosts: string;
    decisions: string | null;
    elections: string;
    source: string;
  };
  mandates: {
    firstName: string;
    lastName: string;
    organisationPrinted: string;
    department: string;
    role: 'president' | 'vice_president' | 'treasurer' | 'secretary' | 'bureau_member' | null;
    nationalRepresentative: boolean;
  }[];
}
interface StaffFixture {
  staff: { firstName: string; lastName: string; jobTitle: string }[];
}

export const DEMO_PASSWORD = 'maillage-demo-2024';
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.maillage.fr', name: 'Administratrice démo', role: 'admin' },
  { email: 'equipe@demo.maillage.fr', name: 'Salariée démo', role: 'staff' },
  { email: 'conseil@demo.maillage.fr', name: 'Administrateur démo', role: 'board' },
  { email: 'adherent@demo.maillage.fr', name: 'Adhérent démo (CHORUS)', role: 'member' },
] as const;
const DEMO_MEMBER_ORGANISATION = 'CHORUS';
/** The national team's demo account (decision 020): the federation, in no delegation. */
export const DEMO_FEDERATION_ACCOUNT = {
  email: 'federation@demo.maillage.fr',
  name: 'Équipe nationale démo',
} as const;

export class DemoAlreadyLoaded extends Error {}

/**
 * Loads the delegation of the 2024 activity report (fixtures/demo-2024), as printed:
 * nothing is corrected (data-quality checks are meant to find the printed errors),
 * and nothing the report does not state is made up (no SIRET, no join dates: a
 * membership period is attested from 1 January of the report's year).
 */
export async function loadDemo(database: Database, auth: Auth): Promise<{ delegationId: string }> {
  const delegationFixture = await readFixture<{
    slug: string;
    name: string;
    network: string;
    region: string;
    departmentsCovered: string[];
    addresses: { line: string; postcode: string; city: string }[];
    phone: string;
    email: string;
    website: string;
    missions: { code: string; label: string }[];
    objectives: { number: number | null; axis: string; text: string }[];
  }>('delegation.json');
  const members = await readFixture<MembersFixture>('members.json');
  const board = await readFixture<BoardFixture>('board.json');
  const staff = await readFixture<StaffFixture>('staff.json');

  const db = database.db;
  const [existing] = await db.select().from(delegations).where(eq(delegations.slug, delegationFixture.slug));
  if (existing)
    throw new DemoAlreadyLoaded(`La délégation de démonstration « ${existing.name} » est déjà chargée.`);

  // Drizzle keeps the fixture's fields that are columns; `source` and `year` describe the fixture.
  const [delegation] = await db.insert(delegations).values(delegationFixture).returning();
  if (!delegation) throw new Error('delegation insert returned nothing');

  const organisationIds = new Map<string, string>();
  await withTenant(db, { delegationId: delegation.id, userId: null }, async (tx) => {
    for (const org of members.organisations) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: org.name, searchName: normaliseForSearch(org.name), note: org.note ?? null })
        .returning({ id: organisations.id });
      if (!row) throw new Error('organisation insert returned nothing');
      organisationIds.set(org.name, row.id);
      for (const [index, est] of org.establishments.entries()) {
        const [estRow] = await tx
          .insert(establishments)
          .values({
            organisationId: row.id,
            address: est.address,
            postcode: est.postcode,
            city: est.city,
            department: est.department,
            phone: est.phone,
            email: est.email,
            isHeadquarters: index === 0,
            printedLabel: est.printed,
          })
          .returning({ id: establishments.id });
        if (!estRow) throw new Error('establishment insert returned nothing');
        for (const type of est.conventions) {
          await tx.insert(conventions).values({
            organisationId: row.id,
            establishmentId: estRow.id,
            type,
            departments: est.listedUnder,
          });
        }
      }
      await tx.insert(membershipPeriods).values({
        organisationId: row.id,
        knownFrom: `${members.year}-01-01`,
        source: `Rapport d'activité ${members.year}, « ${members.source} » : adhérent en ${members.year}, date d'adhésion non indiquée`,
      });
    }

    // A mandate is linked to an organisation only when the printed affiliation names it exactly;
    // misspelt affiliations ("LE TREMLIN") stay unlinked for the data-quality screen to report.
    const byName = new Map([...organisationIds].map(([n, id]) => [normaliseForSearch(n), id]));
    const [assembly] = await tx
      .insert(generalAssemblies)
      .values({ ...board.assembly, kind: 'ordinary' })
      .returning({ id: generalAssemblies.id });
    for (const [position, mandate] of board.mandates.entries()) {
      await tx.insert(boardMandates).values({
        firstName: mandate.firstName,
        lastName: mandate.lastName,
        organisationName: mandate.organisationPrinted,
        organisationId: byName.get(normaliseForSearch(mandate.organisationPrinted)) ?? null,
        department: mandate.department,
        role: mandate.role,
        nationalRepresentative: mandate.nationalRepresentative,
        electedOn: board.electedOn,
        generalAssemblyId: assembly?.id ?? null,
        position,
      });
    }
    for (const [position, person] of staff.staff.entries()) {
      await tx.insert(staffMembers).values({ ...person, position });
    }
    await loadDemoChronicle(tx, { organisationIdsByName: organisationIds });
    await loadDemoObservatory(tx);
    await loadDemoQualityApproaches(tx);
    await loadDemoTerritories(tx, { organisationIdsByName: organisationIds });
    await loadDemoPurchasing(tx);
    await loadDemoReport(tx);
  });

  for (const account of DEMO_ACCOUNTS) {
    const userId = await createUserWithPassword(auth, {
      email: account.email,
      name: account.name,
      password: DEMO_PASSWORD,
    });
    const organisationId =
      account.role === 'member' ? (organisationIds.get(DEMO_MEMBER_ORGANISATION) ?? null) : null;
    await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) =>
      grantRole(tx, { userId, role: account.role, organisationId }),
    );
  }
  const federationUserId = await createUserWithPassword(auth, {
    ...DEMO_FEDERATION_ACCOUNT,
    password: DEMO_PASSWORD,
  });
  await db.insert(federationMembers).values({ userId: federationUserId });
  return { delegationId: delegation.id };
}

/** True when no delegation exists yet (first start of an embedded database). */
export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.db.select({ id: delegations.id }).from(delegations).limit(1);
  return rows.length === 0;
}
