/**
 * The partners and funders registry: bodies the delegation acts with. A partner cited by
 * actions cannot be deleted (the chronicle would lose who organised or funded what).
 */
import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { AppError } from '../../server/errors.ts';
import { containsPattern, normalisedSql } from '../members/members.queries.ts';
import { checkWebsite, isDepartmentCode } from '../members/members.validation.ts';
import { badFields, type FieldProblem } from './actions.rules.ts';
import type { PartnerInput, PartnerListQuery, PartnerPatch } from './actions.schemas.ts';
import { actionPartners, partners } from './actions.table.ts';

const partnerFields = {
  id: partners.id,
  name: partners.name,
  kind: partners.kind,
  department: partners.department,
  website: partners.website,
  thanked: partners.thanked,
  note: partners.note,
  createdAt: partners.createdAt,
  updatedAt: partners.updatedAt,
};

// How many actions cite each partner: the list shows it and deleting depends on it. The
// outer column is written out: Drizzle leaves columns unqualified in a one-table select,
// and a bare "id" would name the subquery's own row.
const actionsCount = sql<number>`(select count(*)::int from ${actionPartners} where ${actionPartners.partnerId} = ${partners}."id")`;

export async function listPartners(tx: Tx, query: PartnerListQuery) {
  const conditions: SQL[] = [];
  if (query.kind) conditions.push(eq(partners.kind, query.kind));
  const words = normaliseForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean);
  for (const word of words)
    conditions.push(sql`${normalisedSql(partners.name)} like ${containsPattern(word)}`);
  return tx
    .select({ ...partnerFields, actionsCount })
    .from(partners)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(normalisedSql(partners.name)), asc(partners.id));
}

async function findPartner(tx: Tx, id: string) {
  const [row] = await tx
    .select({ ...partnerFields, actionsCount })
    .from(partners)
    .where(eq(partners.id, id));
  if (!row) throw new AppError('partners.not_found');
  return row;
}

/** Field checks, and the website in its normal form ("www.x.fr" → "https://www.x.fr"). */
function checkPartner(input: { department?: string | null; website?: string | null }) {
  const problems: FieldProblem[] = [];
  let website = input.website;
  if (input.department && !isDepartmentCode(input.department))
    problems.push({ field: 'department', code: 'actions.department_unknown' });
  if (input.website) {
    const checked = checkWebsite(input.website);
    if (checked.ok) website = checked.value;
    else problems.push({ field: 'website', code: 'partners.website_invalid' });
  }
  if (problems.length > 0) throw badFields(problems);
  return website === '' ? null : website;
}

const nameTaken = () =>
  new AppError('partners.name_taken', {
    fields: [{ field: 'name', code: 'partners.name_taken', message: message('partners.name_taken') }],
  });

/** Two partners whose names differ only by case, accents or punctuation are the same body. */
async function refuseSameName(tx: Tx, name: string, selfId?: string) {
  const [same] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(
      and(
        sql`${normalisedSql(partners.name)} = ${normaliseForSearch(name)}`,
        selfId ? ne(partners.id, selfId) : undefined,
      ),
    )
    .limit(1);
  if (same) throw nameTaken();
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};

export async function createPartner(tx: Tx, input: PartnerInput) {
  const website = checkPartner(input);
  await refuseSameName(tx, input.name);
  try {
    const [row] = await tx
      .insert(partners)
      .values({
        name: input.name,
        kind: input.kind,
        department: input.department || null,
        website: website ?? null,
        thanked: input.thanked,
        note: input.note || null,
      })
      .returning({ id: partners.id });
    return findPartner(tx, (row as { id: string }).id);
  } catch (error) {
    // Two people creating the same partner at once: the unique index settles it.
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updatePartner(tx: Tx, id: string, patch: PartnerPatch) {
  await findPartner(tx, id);
  const website = checkPartner(patch);
  if (patch.name !== undefined) await refuseSameName(tx, patch.name, id);
  const changes: Partial<typeof partners.$inferInsert> = { updatedAt: new Date() };
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.thanked !== undefined) changes.thanked = patch.thanked;
  if (patch.department !== undefined) changes.department = patch.department || null;
  if (patch.website !== undefined) changes.website = website || null;
  if (patch.note !== undefined) changes.note = patch.note || null;
  try {
    await tx.update(partners).set(changes).where(eq(partners.id, id));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return findPartner(tx, id);
}

export async function deletePartner(tx: Tx, id: string) {
  await findPartner(tx, id);
  const [linked] = await tx
    .select({ n: count() })
    .from(actionPartners)
    .where(eq(actionPartners.partnerId, id));
  const n = linked?.n ?? 0;
  if (n > 0)
    throw new AppError('partners.in_use', {
      params: { count: n },
      message: message(n === 1 ? 'partners.in_use_one' : 'partners.in_use', { count: n }),
    });
  await tx.delete(partners).where(eq(partners.id, id));
}
