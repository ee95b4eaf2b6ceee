/**
 * Test data of the events tests: organisations and actions written straight into a
 * delegation (the actions API belongs to another module and is not what is tested here).
 */
import { withTenant } from '../../db/client.ts';
import type { TestApp } from '../../test/app.ts';
import { actionMembers, actions } from '../actions/actions.table.ts';
import { organisations } from '../members/members.table.ts';
import { addDays, parisToday } from './paris-time.ts';

export async function insertOrganisation(t: TestApp, delegationId: string, name: string): Promise<string> {
  const [row] = await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
    tx
      .insert(organisations)
      .values({ name, searchName: name.toLowerCase() })
      .returning({ id: organisations.id }),
  );
  if (!row) throw new Error('no organisation');
  return row.id;
}

export type ActionValues = Partial<typeof actions.$inferInsert>;

/** An event in `inDays` days (Paris calendar), open to registration unless told otherwise. */
export async function insertAction(
  t: TestApp,
  delegationId: string,
  values: ActionValues & { inDays?: number } = {},
): Promise<string> {
  const { inDays = 10, ...rest } = values;
  const day = addDays(parisToday(new Date()), inDays);
  const [row] = await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
    tx
      .insert(actions)
      .values({
        title: 'Atelier FSE+',
        kind: 'workshop',
        startsOn: day,
        endsOn: day,
        startTime: '14:00',
        endTime: '16:00',
        town: 'Toulouse',
        department: '31',
        registrationOpen: true,
        ...rest,
      })
      .returning({ id: actions.id }),
  );
  if (!row) throw new Error('no action');
  return row.id;
}

export async function involveOrganisation(
  t: TestApp,
  delegationId: string,
  actionId: string,
  organisationId: string,
) {
  await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
    tx.insert(actionMembers).values({ actionId, organisationId, role: 'host' }),
  );
}

export const person = (n: number | string, extra: Record<string, unknown> = {}) => ({
  firstName: 'Camille',
  lastName: `Martin ${n}`,
  email: `camille.martin.${n}@example.org`,
  jobTitle: 'Chargée d’insertion',
  ...extra,
});
