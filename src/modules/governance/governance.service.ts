import { and, asc, desc, eq, gte, isNull, lte, max, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { frenchDate } from '../../server/csv.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { organisations } from '../members/members.table.ts';
import type { AssemblyInput, AssemblyPatch, MandateInput, MandatePatch } from './governance.schemas.ts';
import { boardMandates, generalAssemblies, staffMembers } from './governance.table.ts';

const mandateFields = {
  id: boardMandates.id,
  firstName: boardMandates.firstName,
  lastName: boardMandates.lastName,
  organisationName: boardMandates.organisationName,
  organisationId: boardMandates.organisationId,
  department: boardMandates.department,
  role: boardMandates.role,
  nationalRepresentative: boardMandates.nationalRepresentative,
  electedOn: boardMandates.electedOn,
  endsOn: boardMandates.endsOn,
  generalAssemblyId: boardMandates.generalAssemblyId,
};
export type Mandate = Awaited<ReturnType<typeof listBoard>>[number];

/** Every mandate, ended or not, in the board's printed order (the quality checks and the public page filter). */
export function listBoard(tx: Tx) {
  return tx
    .select(mandateFields)
    .from(boardMandates)
    .orderBy(asc(boardMandates.position), asc(boardMandates.lastName));
}

/** The board at a date: mandates elected on or before it and not ended before it. */
export function boardAt(tx: Tx, at: string) {
  return tx
    .select(mandateFields)
    .from(boardMandates)
    .where(
      and(lte(boardMandates.electedOn, at), or(isNull(boardMandates.endsOn), gte(boardMandates.endsOn, at))),
    )
    .orderBy(asc(boardMandates.position), asc(boardMandates.lastName));
}

const personKey = (m: { firstName: string; lastName: string }) =>
  normaliseForSearch(`${m.firstName} ${m.lastName}`);

/** History of mandates, newest first, of an organisation and/or a person (name words in any order). */
export async function mandateHistory(tx: Tx, filter: { organisationId?: string; person?: string }) {
  const rows = await tx
    .select(mandateFields)
    .from(boardMandates)
    .where(filter.organisationId ? eq(boardMandates.organisationId, filter.organisationId) : undefined)
    .orderBy(desc(boardMandates.electedOn), asc(boardMandates.lastName), asc(boardMandates.firstName));
  const words = normaliseForSearch(filter.person ?? '')
    .split(' ')
    .filter(Boolean);
  // A board has tens of mandates a year: filtering names in memory keeps accents and order simple.
  return words.length === 0 ? rows : rows.filter((m) => words.every((w) => personKey(m).includes(w)));
}

/** What anyone reading the team sees of a staff member. */
export const staffColumns = {
  id: staffMembers.id,
  firstName: staffMembers.firstName,
  lastName: staffMembers.lastName,
  jobTitle: staffMembers.jobTitle,
  missions: staffMembers.missions,
};

/** The current team (members whose last day has not passed), in the delegation's order. */
export function listStaff(tx: Tx, today = todayInFrance()) {
  return tx
    .select(staffColumns)
    .from(staffMembers)
    .where(or(isNull(staffMembers.endedOn), gte(staffMembers.endedOn, today)))
    .orderBy(asc(staffMembers.position), asc(staffMembers.lastName));
}

// --- General assemblies -------------------------------------------------------------

export function listAssemblies(tx: Tx) {
  return tx
    .select()
    .from(generalAssemblies)
    .orderBy(desc(generalAssemblies.heldOn), desc(generalAssemblies.createdAt));
}

export async function createAssembly(tx: Tx, input: AssemblyInput) {
  const [row] = await tx.insert(generalAssemblies).values(input).returning();
  if (!row) throw new AppError('internal');
  return row;
}

export async function updateAssembly(tx: Tx, id: string, input: AssemblyPatch) {
  const [row] = await tx
    .update(generalAssemblies)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(generalAssemblies.id, id))
    .returning();
  if (!row) throw new AppError('governance.assembly_not_found');
  return row;
}

// --- Mandates -----------------------------------------------------------------------

async function organisationName(tx: Tx, id: string): Promise<string> {
  const [row] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw invalidFields([{ field: 'organisationId', code: 'governance.organisation_unknown' }]);
  return row.name;
}

async function assemblyDate(tx: Tx, id: string): Promise<string> {
  const [row] = await tx
    .select({ heldOn: generalAssemblies.heldOn })
    .from(generalAssemblies)
    .where(eq(generalAssemblies.id, id));
  if (!row) throw invalidFields([{ field: 'generalAssemblyId', code: 'governance.assembly_unknown' }]);
  return row.heldOn;
}

/** A person sits once on the board: two mandates of the same name may not share a day. */
async function refuseOverlap(
  tx: Tx,
  mandate: { id?: string; firstName: string; lastName: string; electedOn: string; endsOn: string | null },
) {
  const key = personKey(mandate);
  const others = await tx
    .select(mandateFields)
    .from(boardMandates)
    .where(mandate.endsOn ? lte(boardMandates.electedOn, mandate.endsOn) : undefined);
  const clash = others.find(
    (m) =>
      m.id !== mandate.id && personKey(m) === key && (m.endsOn === null || m.endsOn >= mandate.electedOn),
  );
  if (clash)
    throw new AppError('governance.mandate_overlap', {
      params: { name: `${clash.firstName} ${clash.lastName}`, electedOn: frenchDate(clash.electedOn) },
    });
}

function checkDates(electedOn: string, endsOn: string | null | undefined) {
  if (endsOn && endsOn < electedOn)
    throw invalidFields([{ field: 'endsOn', code: 'governance.ends_before_elected' }]);
}

async function electionDate(tx: Tx, electedOn: string | undefined, assemblyId: string | null | undefined) {
  if (!assemblyId) {
    if (!electedOn) throw invalidFields([{ field: 'electedOn', code: 'governance.elected_on_required' }]);
    return electedOn;
  }
  const heldOn = await assemblyDate(tx, assemblyId);
  if (electedOn && electedOn !== heldOn)
    throw new AppError('validation.failed', {
      fields: [
        {
          field: 'electedOn',
          code: 'governance.elected_not_on_assembly_date',
          message: message('governance.elected_not_on_assembly_date', { date: frenchDate(heldOn) }),
        },
      ],
    });
  return heldOn;
}

export async function createMandate(tx: Tx, input: MandateInput) {
  const name = input.organisationId
    ? await organisationName(tx, input.organisationId)
    : input.organisationName?.trim();
  if (!name) throw invalidFields([{ field: 'organisationName', code: 'governance.organisation_required' }]);
  const electedOn = await electionDate(tx, input.electedOn, input.generalAssemblyId);
  checkDates(electedOn, input.endsOn);
  await refuseOverlap(tx, { ...input, electedOn, endsOn: input.endsOn ?? null });
  // New mandates go after the ones already listed, keeping the board in its printed order.
  const [last] = await tx.select({ position: max(boardMandates.position) }).from(boardMandates);
  const [row] = await tx
    .insert(boardMandates)
    .values({
      firstName: input.firstName,
      lastName: input.lastName,
      organisationId: input.organisationId ?? null,
      organisationName: name,
      department: input.department || null,
      role: input.role,
      nationalRepresentative: input.nationalRepresentative,
      electedOn,
      generalAssemblyId: input.generalAssemblyId ?? null,
      endsOn: input.endsOn ?? null,
      position: (last?.position ?? 0) + 1,
    })
    .returning(mandateFields);
  if (!row) throw new AppError('internal');
  return row;
}

/** Ends a mandate, changes its role, links it to an organisation (whose name it then takes). */
export async function updateMandate(tx: Tx, id: string, patch: MandatePatch) {
  const [current] = await tx.select(mandateFields).from(boardMandates).where(eq(boardMandates.id, id));
  if (!current) throw new AppError('governance.mandate_not_found');
  const changes: Partial<typeof boardMandates.$inferInsert> = { ...patch };
  if (patch.organisationId) changes.organisationName = await organisationName(tx, patch.organisationId);
  if (patch.generalAssemblyId)
    changes.electedOn = await electionDate(tx, patch.electedOn, patch.generalAssemblyId);
  if (patch.department === '') changes.department = null;
  const electedOn = changes.electedOn ?? current.electedOn;
  const endsOn = patch.endsOn === undefined ? current.endsOn : patch.endsOn;
  checkDates(electedOn, endsOn);
  if (electedOn !== current.electedOn || endsOn !== current.endsOn)
    await refuseOverlap(tx, { ...current, electedOn, endsOn });
  const [row] = await tx
    .update(boardMandates)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(boardMandates.id, id))
    .returning(mandateFields);
  if (!row) throw new AppError('governance.mandate_not_found');
  return row;
}
