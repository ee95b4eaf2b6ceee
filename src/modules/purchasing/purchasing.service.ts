import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { hiddenFields } from '../../server/audiences.ts';
import { AppError, invalidFields } from '../../server/errors.ts';
import { isMember, type Viewer } from '../../shared/policies.ts';
import { type BuyerInput, buyerAudiences, type OpportunityInput } from './purchasing.schemas.ts';
import { buyers, opportunities } from './purchasing.table.ts';

type BuyerRow = typeof buyers.$inferSelect;
export type BuyerView = Omit<BuyerRow, 'delegationId' | 'createdAt' | 'updatedAt'> & { updatedAt: string };

function presentBuyer(row: BuyerRow, viewer: Viewer): BuyerView {
  const { delegationId: _d, createdAt: _c, updatedAt, ...rest } = row;
  const view = { ...rest, updatedAt: updatedAt.toISOString() };
  // Hidden contact fields stay in the answer as null: the buyers page says they are the team's.
  for (const field of hiddenFields(buyerAudiences, viewer)) view[field] = null;
  return view;
}

const buyerValues = (input: BuyerInput) => ({
  name: input.name,
  sector: input.sector,
  contactName: input.contactName || null,
  contactEmail: input.contactEmail || null,
  contactPhone: input.contactPhone || null,
  note: input.note || null,
  source: input.source || null,
});

export async function listBuyers(tx: Tx, viewer: Viewer) {
  const rows = await tx.select().from(buyers).orderBy(asc(buyers.name));
  return rows.map((row) => presentBuyer(row, viewer));
}

export async function getBuyer(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await tx.select().from(buyers).where(eq(buyers.id, id));
  if (!row) throw new AppError('purchasing.buyer_not_found');
  return presentBuyer(row, viewer);
}

export async function createBuyer(tx: Tx, viewer: Viewer, input: BuyerInput) {
  const [row] = await tx.insert(buyers).values(buyerValues(input)).returning();
  if (!row) throw new Error('buyer not saved');
  return presentBuyer(row, viewer);
}

export async function updateBuyer(tx: Tx, viewer: Viewer, id: string, input: BuyerInput) {
  const [row] = await tx
    .update(buyers)
    .set({ ...buyerValues(input), updatedAt: new Date() })
    .where(eq(buyers.id, id))
    .returning();
  if (!row) throw new AppError('purchasing.buyer_not_found');
  return presentBuyer(row, viewer);
}

export async function deleteBuyer(tx: Tx, id: string) {
  const [row] = await tx.delete(buyers).where(eq(buyers.id, id)).returning({ id: buyers.id });
  if (!row) throw new AppError('purchasing.buyer_not_found');
}

// ---------------------------------------------------------------------------
// Opportunities: never carry the buyer's contact data, whoever reads them.

const opportunityColumns = {
  id: opportunities.id,
  buyerId: opportunities.buyerId,
  buyerName: buyers.name,
  buyerSector: buyers.sector,
  title: opportunities.title,
  kind: opportunities.kind,
  amount: opportunities.amount,
  town: opportunities.town,
  department: opportunities.department,
  deadline: opportunities.deadline,
  activities: opportunities.activities,
  description: opportunities.description,
  status: opportunities.status,
  createdAt: opportunities.createdAt,
};
function selectOpportunities(tx: Tx, where: SQL | undefined) {
  return tx
    .select(opportunityColumns)
    .from(opportunities)
    .innerJoin(buyers, eq(buyers.id, opportunities.buyerId))
    .where(where)
    .orderBy(asc(opportunities.deadline), desc(opportunities.createdAt));
}
type OpportunityRow = Awaited<ReturnType<typeof selectOpportunities>>[number];
export type OpportunityView = Omit<OpportunityRow, 'createdAt'> & { createdAt: string };

const presentOpportunity = (row: OpportunityRow): OpportunityView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

/** Members see open opportunities only. */
function visibleTo(viewer: Viewer): SQL | undefined {
  return isMember(viewer) ? eq(opportunities.status, 'open') : undefined;
}

export async function listOpportunities(tx: Tx, viewer: Viewer, query: { status?: string | undefined }) {
  const rows = await selectOpportunities(
    tx,
    and(
      visibleTo(viewer),
      query.status ? eq(opportunities.status, query.status as OpportunityRow['status']) : undefined,
    ),
  );
  return rows.map(presentOpportunity);
}

export async function getOpportunity(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await selectOpportunities(tx, and(eq(opportunities.id, id), visibleTo(viewer)));
  if (!row) throw new AppError('purchasing.opportunity_not_found');
  return presentOpportunity(row);
}

/** Trimmed tags without repeats that differ only by case or accents. */
function cleanActivities(labels: string[]) {
  const seen = new Set<string>();
  return labels.filter((label) => {
    const key = normaliseForSearch(label);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function opportunityValues(tx: Tx, input: OpportunityInput) {
  // RLS hides other delegations' buyers: one of theirs reads as unknown.
  const [buyer] = await tx.select({ id: buyers.id }).from(buyers).where(eq(buyers.id, input.buyerId));
  if (!buyer) throw invalidFields([{ field: 'buyerId', code: 'purchasing.buyer_unknown' }]);
  return {
    buyerId: input.buyerId,
    title: input.title,
    kind: input.kind,
    amount: input.amount ?? null,
    town: input.town || null,
    department: input.department ? input.department.toUpperCase() : null,
    deadline: input.deadline ?? null,
    activities: cleanActivities(input.activities),
    description: input.description || null,
    status: input.status,
  };
}

export async function createOpportunity(tx: Tx, viewer: Viewer, input: OpportunityInput) {
  const [row] = await tx
    .insert(opportunities)
    .values(await opportunityValues(tx, input))
    .returning({ id: opportunities.id });
  if (!row) throw new Error('opportunity not saved');
  return getOpportunity(tx, viewer, row.id);
}

export async function updateOpportunity(tx: Tx, viewer: Viewer, id: string, input: OpportunityInput) {
  const values = await opportunityValues(tx, input);
  const [row] = await tx
    .update(opportunities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(opportunities.id, id))
    .returning({ id: opportunities.id });
  if (!row) throw new AppError('purchasing.opportunity_not_found');
  return getOpportunity(tx, viewer, row.id);
}

export async function deleteOpportunity(tx: Tx, id: string) {
  const [row] = await tx
    .delete(opportunities)
    .where(eq(opportunities.id, id))
    .returning({ id: opportunities.id });
  if (!row) throw new AppError('purchasing.opportunity_not_found');
}
