/**
 * The funders guide: create, read, filter, and match a member's project with it.
 * The guide holds tens of entries per delegation, so lists are filtered in memory after
 * one read: the same accent-insensitive rules on PostgreSQL and PGlite (no `unaccent`).
 */
import { asc, count, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { compareFr } from '../../i18n/collate.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import { AppError } from '../../server/errors.ts';
import { isMember, type Viewer } from '../../shared/policies.ts';
import { badFields, type FieldProblem } from '../actions/actions.rules.ts';
import { conventions, establishments, organisations } from '../members/members.table.ts';
import { checkWebsite, isDepartmentCode } from '../members/members.validation.ts';
import { rankFunders } from './funders.match.ts';
import type { FunderInput, FunderListQuery, FunderPatch, MatchInput } from './funders.schemas.ts';
import { funders } from './funders.table.ts';

export type Funder = typeof funders.$inferSelect;
const WIDE = ['region', 'national'];

const normaliseTerritory = (code: string) => {
  const trimmed = code.trim();
  return WIDE.includes(trimmed.toLowerCase()) ? trimmed.toLowerCase() : trimmed.toUpperCase();
};

/** Field checks, and the stored form of territories, themes and website. */
function clean<T extends FunderPatch>(input: T, current?: Funder): T {
  const problems: FieldProblem[] = [];
  const out = { ...input };
  if (input.territories) {
    out.territories = [...new Set(input.territories.map(normaliseTerritory))];
    if (out.territories.some((t) => !WIDE.includes(t) && !isDepartmentCode(t)))
      problems.push({ field: 'territories', code: 'funders.territory_unknown' });
  }
  if (input.themes) out.themes = [...new Set(input.themes)];
  if (input.website) {
    const checked = checkWebsite(input.website);
    if (checked.ok) out.website = checked.value;
    else problems.push({ field: 'website', code: 'funders.website_invalid' });
  } else if (input.website === '') out.website = null;
  const min = input.amountMin !== undefined ? input.amountMin : (current?.amountMin ?? null);
  const max = input.amountMax !== undefined ? input.amountMax : (current?.amountMax ?? null);
  if (min != null && max != null && max < min)
    problems.push({ field: 'amountMax', code: 'funders.amount_range' });
  if (problems.length > 0) throw badFields(problems);
  return out;
}

export async function createFunder(tx: Tx, input: FunderInput): Promise<Funder> {
  const [row] = await tx.insert(funders).values(clean(input)).returning();
  if (!row) throw new AppError('funders.not_found');
  return row;
}

export async function getFunder(tx: Tx, id: string): Promise<Funder> {
  const [row] = await tx.select().from(funders).where(eq(funders.id, id));
  if (!row) throw new AppError('funders.not_found');
  return row;
}

export async function updateFunder(tx: Tx, id: string, patch: FunderPatch): Promise<Funder> {
  const current = await getFunder(tx, id);
  const [row] = await tx
    .update(funders)
    .set({ ...clean(patch, current), updatedAt: new Date() })
    .where(eq(funders.id, id))
    .returning();
  if (!row) throw new AppError('funders.not_found');
  return row;
}

export async function deleteFunder(tx: Tx, id: string): Promise<void> {
  const deleted = await tx.delete(funders).where(eq(funders.id, id)).returning({ id: funders.id });
  if (deleted.length === 0) throw new AppError('funders.not_found');
}

const allFunders = (tx: Tx) => tx.select().from(funders).orderBy(asc(funders.name), asc(funders.id));

/** Whether a funder passes the guide's filters (exported for the export and the tests). */
export function passesFilters(funder: Funder, query: FunderListQuery): boolean {
  const words = normaliseForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length > 0) {
    const haystack = normaliseForSearch([funder.name, ...funder.themes, funder.note ?? ''].join(' '));
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  if (query.theme) {
    const theme = normaliseForSearch(query.theme);
    if (theme && !funder.themes.some((t) => normaliseForSearch(t) === theme)) return false;
  }
  if (query.territory) {
    const wanted = normaliseTerritory(query.territory);
    // A department is covered by funders of that department, of the whole region, or national.
    const accepted = WIDE.includes(wanted) ? [wanted] : [wanted, ...WIDE];
    if (!funder.territories.some((t) => accepted.includes(t))) return false;
  }
  // No beneficiary type recorded means open to any structure.
  if (
    query.beneficiaryType &&
    funder.beneficiaryTypes.length > 0 &&
    !funder.beneficiaryTypes.includes(query.beneficiaryType)
  )
    return false;
  if (query.amount !== undefined) {
    if (funder.amountMin !== null && query.amount < funder.amountMin) return false;
    if (funder.amountMax !== null && query.amount > funder.amountMax) return false;
  }
  // Stale entries: checked before that day, or never checked.
  if (query.checkedBefore && funder.lastCheckedOn !== null && funder.lastCheckedOn >= query.checkedBefore)
    return false;
  return true;
}

export async function listFunders(tx: Tx, query: FunderListQuery): Promise<Funder[]> {
  const rows = await allFunders(tx);
  return rows.filter((f) => passesFilters(f, query)).sort((a, b) => compareFr(a.name, b.name));
}

/** How many funders the guide holds (the yearly report states the guide's size from it). */
export async function fundersInGuide(tx: Tx): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(funders);
  return row?.total ?? 0;
}

/** What the registry knows of an organisation: its department (head office first) and convention types. */
async function organisationProfile(tx: Tx, organisationId: string) {
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new AppError('funders.organisation_not_found');
  const places = await tx
    .select({ department: establishments.department, isHeadquarters: establishments.isHeadquarters })
    .from(establishments)
    .where(eq(establishments.organisationId, organisationId));
  const department =
    places.find((p) => p.isHeadquarters && p.department)?.department ??
    places.find((p) => p.department)?.department ??
    null;
  const types = await tx
    .selectDistinct({ type: conventions.type })
    .from(conventions)
    .where(eq(conventions.organisationId, organisationId));
  return { department, conventionTypes: types.map((t) => t.type).sort() };
}

export async function matchFunders(tx: Tx, input: MatchInput, asker: Viewer) {
  let organisationId = input.organisationId ?? null;
  if (isMember(asker)) {
    if (organisationId && organisationId !== asker.organisationId)
      throw new AppError('funders.own_organisation_only');
    organisationId = asker.organisationId;
  }
  const profile = organisationId ? await organisationProfile(tx, organisationId) : null;
  const department = input.department ? normaliseTerritory(input.department) : profile?.department;
  if (!department) throw badFields([{ field: 'department', code: 'funders.department_required' }]);
  if (!isDepartmentCode(department))
    throw badFields([{ field: 'department', code: 'funders.department_unknown' }]);
  const conventionTypes = input.conventionType ? [input.conventionType] : (profile?.conventionTypes ?? []);
  const project = {
    themes: input.themes,
    department,
    amountSought: input.amountSought ?? null,
    conventionTypes,
  };
  const ranked = rankFunders(await allFunders(tx), project);
  return {
    project: { ...project, organisationId },
    items: ranked.map((r) => ({ ...r.funder, score: r.score, reasons: r.reasons })),
  };
}
