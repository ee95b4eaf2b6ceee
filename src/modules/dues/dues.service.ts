import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { frenchDate, frenchNumber, toFrenchCsv } from '../../server/csv.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { conventions, membershipPeriods, organisations } from '../members/members.table.ts';
import { periodInYear } from '../members/membership.periods.ts';
import { amountFor, checkRules } from './dues.rules.ts';
import { type DuesBasis, type DuesRule, duesCalls, duesGrids } from './dues.table.ts';

export type DuesStatus = 'paid' | 'partial' | 'unpaid';

export async function getGrid(tx: Tx, year: number) {
  const [grid] = await tx.select().from(duesGrids).where(eq(duesGrids.year, year));
  return grid ?? null;
}

export async function putGrid(
  tx: Tx,
  year: number,
  input: { basis: DuesBasis; rules: DuesRule[]; note?: string | null },
) {
  const problems = checkRules(input.rules);
  if (input.basis === 'flat' && input.rules.some((r) => r.from !== null || r.to !== null)) {
    problems.push({ field: 'basis', code: 'dues.flat_with_ranges' });
  }
  if (problems.length > 0) throw invalidFields(problems);
  const values = { year, basis: input.basis, rules: input.rules, note: input.note ?? null };
  const [grid] = await tx
    .insert(duesGrids)
    .values(values)
    .onConflictDoUpdate({
      target: [duesGrids.delegationId, duesGrids.year],
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  if (!grid) throw new AppError('internal');
  return grid;
}

/** Current members of a year (a membership period overlapping it) with their convention types. */
async function membersOfYear(tx: Tx, year: number) {
  const rows = await tx
    .selectDistinct({ id: organisations.id, name: organisations.name, type: conventions.type })
    .from(organisations)
    .innerJoin(membershipPeriods, eq(membershipPeriods.organisationId, organisations.id))
    .leftJoin(conventions, eq(conventions.organisationId, organisations.id))
    .where(periodInYear(year))
    .orderBy(asc(organisations.name));
  const members = new Map<string, { id: string; name: string; types: string[] }>();
  for (const row of rows) {
    const member = members.get(row.id) ?? { id: row.id, name: row.name, types: [] };
    if (row.type && !member.types.includes(row.type)) member.types.push(row.type);
    members.set(row.id, member);
  }
  return [...members.values()];
}

export function statusOf(call: { amountCalled: number; amountPaid: number }): DuesStatus {
  if (call.amountPaid >= call.amountCalled) return 'paid';
  return call.amountPaid > 0 ? 'partial' : 'unpaid';
}

/** A call as the API shows it: its figures and its payment status. */
export function presentCall(call: typeof duesCalls.$inferSelect) {
  const { id, basisValue, amountCalled, calledOn, amountPaid, paidOn, note } = call;
  return { id, basisValue, amountCalled, calledOn, amountPaid, paidOn, note, status: statusOf(call) };
}

/** Every member of the year with its call (or none yet), and the year's totals. */
export async function duesOfYear(tx: Tx, year: number) {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const members = await membersOfYear(tx, year);
  const calls = await tx.select().from(duesCalls).where(eq(duesCalls.year, year));
  const grid = await getGrid(tx, year);
  const byOrganisation = new Map(calls.map((c) => [c.organisationId, c]));
  const items = members.map((member) => {
    const call = byOrganisation.get(member.id);
    return {
      organisationId: member.id,
      organisationName: member.name,
      types: member.types,
      call: call ? presentCall(call) : null,
    };
  });
  const called = calls.reduce((sum, c) => sum + c.amountCalled, 0);
  const paid = calls.reduce((sum, c) => sum + Math.min(c.amountPaid, c.amountCalled), 0);
  return { year, hasGrid: grid !== null, items, totals: { called, paid, outstanding: called - paid } };
}

/** Calls a member's dues: an amount given by staff, or the grid's amount for its types and size. */
export async function callDues(
  tx: Tx,
  input: {
    organisationId: string;
    year: number;
    basisValue?: number | null;
    amount?: number | null;
    calledOn?: string;
  },
) {
  const member = (await membersOfYear(tx, input.year)).find((m) => m.id === input.organisationId);
  if (!member)
    throw new AppError('dues.not_a_member', {
      fields: [
        {
          field: 'organisationId',
          code: 'dues.not_a_member',
          message: "Cette organisation n'est pas adhérente cette année-là.",
        },
      ],
    });
  let amount = input.amount ?? null;
  if (amount === null) {
    const grid = await getGrid(tx, input.year);
    if (!grid) throw new AppError('dues.grid_required');
    amount = amountFor(grid.rules, member.types, input.basisValue ?? null);
    if (amount === null) throw invalidFields([{ field: 'basisValue', code: 'dues.no_rule' }]);
  }
  if (amount < 0) throw invalidFields([{ field: 'amount', code: 'dues.amount_invalid' }]);
  const [existing] = await tx
    .select({ id: duesCalls.id })
    .from(duesCalls)
    .where(and(eq(duesCalls.organisationId, input.organisationId), eq(duesCalls.year, input.year)));
  if (existing) throw new AppError('dues.already_called');
  const [call] = await tx
    .insert(duesCalls)
    .values({
      organisationId: input.organisationId,
      year: input.year,
      basisValue: input.basisValue ?? null,
      amountCalled: amount,
      calledOn: input.calledOn ?? new Date().toISOString().slice(0, 10),
    })
    .returning();
  if (!call) throw new AppError('internal');
  return presentCall(call);
}

/**
 * Calls every member of the year not called yet whose amount the grid gives without a
 * size; the others are listed so staff enter their size or amount one by one.
 */
export async function callAllDues(tx: Tx, year: number) {
  const grid = await getGrid(tx, year);
  if (!grid) throw new AppError('dues.grid_required');
  const { items } = await duesOfYear(tx, year);
  const skipped: { organisationId: string; organisationName: string }[] = [];
  const calls: (typeof duesCalls.$inferInsert)[] = [];
  const calledOn = new Date().toISOString().slice(0, 10);
  for (const item of items) {
    if (item.call) continue;
    const amount = amountFor(grid.rules, item.types, null);
    if (amount === null)
      skipped.push({ organisationId: item.organisationId, organisationName: item.organisationName });
    else calls.push({ organisationId: item.organisationId, year, amountCalled: amount, calledOn });
  }
  // One statement for the whole year: the members were read once above, already checked.
  if (calls.length > 0) await tx.insert(duesCalls).values(calls);
  return { called: calls.length, skipped };
}

export async function recordPayment(
  tx: Tx,
  id: string,
  input: { amountPaid?: number; paidOn?: string | null; amountCalled?: number; note?: string | null },
) {
  const [current] = await tx.select().from(duesCalls).where(eq(duesCalls.id, id));
  if (!current) throw new AppError('record.not_found');
  const problems: { field: string; code: string }[] = [];
  if (input.amountPaid !== undefined && input.amountPaid < 0)
    problems.push({ field: 'amountPaid', code: 'dues.amount_invalid' });
  if (input.amountCalled !== undefined && input.amountCalled < 0)
    problems.push({ field: 'amountCalled', code: 'dues.amount_invalid' });
  if (input.paidOn && input.paidOn < current.calledOn)
    problems.push({ field: 'paidOn', code: 'dues.paid_before_called' });
  if (problems.length > 0) throw invalidFields(problems);
  const [updated] = await tx
    .update(duesCalls)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(duesCalls.id, id))
    .returning();
  if (!updated) throw new AppError('record.not_found');
  return presentCall(updated);
}

const STATUS_LABELS: Record<DuesStatus | 'not_called', string> = {
  paid: 'Payée',
  partial: 'Partielle',
  unpaid: 'Impayée',
  not_called: 'Non appelée',
};

/** What is not fully paid, for the treasurer: members not called yet, unpaid and partial. */
export function unpaidCsv(items: Awaited<ReturnType<typeof duesOfYear>>['items']): string {
  const rows = items
    .filter((item) => item.call?.status !== 'paid')
    .map((item) => {
      const call = item.call;
      return [
        item.organisationName,
        item.types.join(', '),
        STATUS_LABELS[call?.status ?? 'not_called'],
        call ? frenchNumber(call.amountCalled) : '',
        call ? frenchNumber(call.amountPaid) : '',
        call ? frenchNumber(Math.max(call.amountCalled - call.amountPaid, 0)) : '',
        frenchDate(call?.calledOn ?? null),
      ];
    });
  return toFrenchCsv(
    ['Adhérent', 'Types', 'Statut', 'Appelé (€)', 'Payé (€)', 'Reste dû (€)', "Date d'appel"],
    rows,
  );
}
