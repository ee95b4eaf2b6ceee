/**
 * Checks every row of an import against the same rules as the forms
 * (members.validation.ts) and against the registry, and turns the file into a plan:
 * establishments to create, existing ones (matched by SIRET) to update. Pure: the
 * registry arrives as an index built by import.service.ts.
 */
import { message } from '../../i18n/messages.ts';
import { foldAccents, normaliseForSearch } from '../../lib/text.ts';
import type { ImportField, ImportMapping } from './import.mapping.ts';
import { type ParsedRow, yieldToLoop } from './import.parse.ts';
import { CONVENTION_TYPES } from './members.schemas.ts';
import type { ConventionType } from './members.table.ts';
import {
  type Check,
  checkPostcode,
  checkSiren,
  checkSiret,
  checkWebsite,
  departmentOfUnlistedPostcode,
  departmentsOfPostcode,
  isDepartmentCode,
  normaliseEmail,
  normalisePhone,
} from './members.validation.ts';

export interface ImportProblem {
  line: number;
  column: string | null;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Establishment fields an import writes; absent = not in the file (left unchanged on update). */
export type PlaceValues = Partial<
  Record<'address' | 'postcode' | 'city' | 'department' | 'phone' | 'email' | 'website', string>
>;

export interface ExistingEstablishment {
  id: string;
  organisationId: string;
  siret: string | null;
  values: Record<keyof PlaceValues, string | null>;
  types: ConventionType[];
}

export interface RegistryIndex {
  bySiret: Map<string, ExistingEstablishment>;
  /** `${searchName}|${postcode}` → organisation id. */
  byNamePostcode: Map<string, string>;
  /** SIREN → organisation id (from the organisation or its establishments' SIRET). */
  bySiren: Map<string, string>;
  /** `${searchName}|${postcode or ''}` → the establishment without SIRET found there (a re-imported line is that place). */
  placeByNamePostcode: Map<string, ExistingEstablishment>;
  /** Organisations with a SIREN (theirs or their establishments'). */
  organisationsWithSiren: Set<string>;
}

/** A membership status column: adhérent, ancien adhérent, non adhérent (prospect). */
export type MembershipStatus = 'current' | 'former' | 'none';

export interface PlannedEntry {
  line: number;
  name: string;
  searchName: string;
  siret: string | null;
  siren: string | null;
  legalForm: string | null;
  joinedOn: string | null;
  knownFrom: string | null;
  leftOn: string | null;
  /** Null when the file has no status column. */
  membership: MembershipStatus | null;
  /** The user confirmed: this SIRET goes to the matched registered place (and its SIREN to its organisation). */
  attachSiret: boolean;
  values: PlaceValues;
  types: ConventionType[];
  /** Set when the SIRET is already registered: the entry updates that establishment. */
  existing: ExistingEstablishment | null;
}

export interface ImportPlan {
  entries: PlannedEntry[];
  problems: ImportProblem[];
}

const TYPES = new Set<string>(CONVENTION_TYPES);

/** "001" → "01", "02A" → "2A", "974" stays; the ASP's pseudo-departments 59L/59V (Lille, Valenciennes) are Nord. */
export function normaliseDepartment(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (/^59[LV]$/.test(code)) return '59';
  const padded = /^0(\d{2}|2[AB])$/.exec(code);
  if (padded?.[1]) return padded[1];
  if (/^\d$/.test(code)) return `0${code}`;
  return code;
}

/** "AI/ ACI/ GES" → ['AI', 'ACI', 'GES'], or the unknown words. */
export function parseTypes(raw: string): { types: ConventionType[]; unknown: string[] } {
  const words = raw
    .split(/[/,;\s]+/)
    .map((w) => w.trim().toUpperCase())
    .filter(Boolean);
  const types = [...new Set(words.filter((w) => TYPES.has(w)))] as ConventionType[];
  return { types, unknown: words.filter((w) => !TYPES.has(w)) };
}

/**
 * The words of other tools and of Maillage's export for a member's status, accents,
 * case and plurals aside ("Anciens membres", "Adhérent", "Prospect").
 */
export function parseMembership(raw: string): MembershipStatus | null {
  const words = foldAccents(raw.toLowerCase())
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
  if (/^(ancien|ex|radie|sorti|demissionnaire|resilie|plus adherent)( (adherent|membre))?$/.test(words))
    return 'former';
  if (/^(non adherent|non membre|prospect|contact|sympathisant|pas adherent|non)$/.test(words)) return 'none';
  if (/^(adherent|membre|actif|adherent actif|membre actif|a jour|oui|current|member)$/.test(words))
    return 'current';
  return null;
}

/**
 * A number a spreadsheet stored as a number lost its leading zeros ("09000" → 9000):
 * padded back to `length` digits when the result is valid, else null.
 */
function restoreZeros(raw: string, length: number, valid: (padded: string) => boolean): string | null {
  if (!/^\d+$/.test(raw) || raw.length >= length || raw.length < length - 2) return null;
  const padded = raw.padStart(length, '0');
  return valid(padded) ? padded : null;
}

/**
 * A two-digit year as LibreOffice and Excel read it (their default window, 1930–2029): a
 * French LibreOffice saves the dates of a CSV it opened as JJ/MM/AA.
 */
const fullYear = (yy: string) => String(Number(yy) < 30 ? 2000 + Number(yy) : 1900 + Number(yy));

/** JJ/MM/AAAA, JJ-MM-AAAA, JJ/MM/AA (1930–2029) or AAAA-MM-JJ → AAAA-MM-JJ, or null. */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  const year = french?.[3];
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : french && year
      ? [year.length === 2 ? fullYear(year) : year, french[2]?.padStart(2, '0'), french[1]?.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`
    ? null
    : `${y}-${m}-${d}`;
}

/** Validates the rows and builds the plan. Every problem names its line and source column. */
export function planImport(
  rows: readonly ParsedRow[],
  headers: readonly string[],
  mapping: ImportMapping,
  index: RegistryIndex,
  options: { attachSiret?: boolean } = {},
): ImportPlan {
  const planner = createPlanner(headers, mapping, index, options);
  for (const row of rows) planner.add(row);
  return planner.result();
}

/**
 * The same plan, with a turn of the event loop every `chunk` rows: checking 400,000 rows
 * in one go held every other request of the server for seconds (2,000 rows at a time
 * still held it 0.1 s and more on a busy 2-core machine: issue 18's bench).
 */
export async function planImportInChunks(
  rows: readonly ParsedRow[],
  headers: readonly string[],
  mapping: ImportMapping,
  index: RegistryIndex,
  options: { attachSiret?: boolean } = {},
  chunk = 500,
): Promise<ImportPlan> {
  const planner = createPlanner(headers, mapping, index, options);
  for (let i = 0; i < rows.length; i++) {
    planner.add(rows[i] as ParsedRow);
    if ((i + 1) % chunk === 0) await yieldToLoop();
  }
  return planner.result();
}

/** Checks rows one at a time (`add`), in file order, against the registry and the rows before. */
function createPlanner(
  headers: readonly string[],
  mapping: ImportMapping,
  index: RegistryIndex,
  options: { attachSiret?: boolean },
): { add(row: ParsedRow): void; result(): ImportPlan } {
  const problems: ImportProblem[] = [];
  const columnOf = new Map<ImportField, { header: string; position: number }>();
  for (const [header, field] of Object.entries(mapping)) {
    const position = headers.indexOf(header);
    if (position >= 0 && !columnOf.has(field)) columnOf.set(field, { header, position });
  }
  if (!columnOf.has('name')) {
    problems.push(problem(1, null, 'import.mapping_no_name'));
    return { add: () => {}, result: () => ({ entries: [], problems }) };
  }
  if (!columnOf.has('types')) problems.push(problem(1, null, 'import.no_type_column', {}, 'warning'));

  const entries: PlannedEntry[] = [];
  const entryBySiret = new Map<string, PlannedEntry>();
  const entryByNamePostcode = new Map<string, PlannedEntry>();

  // The row being checked: the helpers below read it. Made once, not per row (40,000 rows
  // made 300,000 closures, a tenth of a dry run's time in allocation and garbage collection).
  let row: ParsedRow = { line: 0, cells: [] };
  const cell = (field: ImportField) => {
    const column = columnOf.get(field);
    return column ? (row.cells[column.position] ?? '').trim() : '';
  };
  const column = (field: ImportField) => columnOf.get(field)?.header ?? null;
  const report = (field: ImportField, code: string, params: Record<string, string | number> = {}) =>
    problems.push(problem(row.line, column(field), code, params));
  const check = (field: ImportField, fn: (v: string) => Check<string>): string | undefined => {
    const raw = cell(field);
    if (raw === '') return undefined;
    const result = fn(raw);
    if (result.ok) return result.value;
    report(field, result.code);
    return undefined;
  };
  const warn = (field: ImportField, code: string, params: Record<string, string | number> = {}) =>
    problems.push(problem(row.line, column(field), code, params, 'warning'));
  /** Checks a number, first restoring the leading zeros a spreadsheet removed (with a warning). */
  const checkPadded = (field: 'siret' | 'siren', length: number, fn: (v: string) => Check<string>) =>
    check(field, (raw) => {
      const result = fn(raw);
      if (result.ok) return result;
      const fixed = restoreZeros(raw, length, (v) => fn(v).ok);
      if (!fixed) return result;
      warn(field, `import.${field}_zero_restored`, { value: raw, fixed });
      return fn(fixed);
    });

  const add = (next: ParsedRow): void => {
    if (next.cells.every((text) => text.trim() === '')) return;
    row = next;
    const before = problems.length;
    // PostgreSQL cannot store a NUL character in text: the row is refused, not the import's server.
    for (const [field, { position }] of columnOf)
      if (row.cells[position]?.includes('\u0000')) report(field, 'import.nul_character');

    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) report('name', 'import.name_missing');
    const siret = checkPadded('siret', 14, checkSiret) ?? null;
    let siren = checkPadded('siren', 9, checkSiren) ?? null;
    if (siret && siren && !siret.startsWith(siren)) report('siret', 'members.siret_siren_mismatch');
    siren ??= siret ? siret.slice(0, 9) : null;

    const values: PlaceValues = {};
    const street = [cell('streetNumber'), cell('address')].filter(Boolean).join(' ').replace(/\s+/g, ' ');
    if (street) values.address = street;
    if (cell('city')) values.city = cell('city');
    for (const [field, fn] of [
      ['phone', normalisePhone],
      ['email', normaliseEmail],
      ['website', checkWebsite],
    ] as const) {
      const value = check(field, fn);
      if (value) values[field] = value;
    }
    const departmentRaw = cell('department');
    const department = departmentRaw ? normaliseDepartment(departmentRaw) : '';
    const departmentKnown = department !== '' && isDepartmentCode(department);
    if (department && !departmentKnown) report('department', 'members.department_unknown');
    if (departmentKnown) values.department = department;
    if (departmentKnown && /^\d$/.test(departmentRaw))
      warn('department', 'import.department_zero_restored', { value: departmentRaw, fixed: department });
    // "TOULOUSE CEDEX 1": a CEDEX code, absent from the communes' list, is accepted.
    const cedexWord = /\bcedex\b/i.test(`${cell('city')} ${cell('address')}`);
    const postcode = check('postcode', (raw) => {
      const result = checkPostcode(raw, departmentKnown ? department : undefined, { cedex: cedexWord });
      if (result.ok || !departmentKnown) return result;
      // An unlisted code starting with the department given (59815 in 59): a CEDEX code.
      const cedex = checkPostcode(raw, department, { cedex: true });
      if (cedex.ok) {
        warn('postcode', 'import.postcode_cedex', { value: cedex.value, department });
        return cedex;
      }
      // A real address in another department than the one listed (the national list gives
      // the department of the convention): the address wins, said.
      const elsewhere = checkPostcode(raw, undefined, { cedex: cedexWord });
      if (elsewhere.ok && result.code === 'members.postcode_department_mismatch') {
        const actual =
          departmentsOfPostcode(elsewhere.value)[0] ??
          departmentOfUnlistedPostcode(elsewhere.value, cedexWord);
        warn('postcode', 'import.postcode_other_department', {
          value: elsewhere.value,
          listed: department,
          actual: actual ?? '',
        });
        if (actual) values.department = actual;
        return elsewhere;
      }
      // "9000" in Ariège is 09000: certain only when the department says so.
      const fixed = restoreZeros(raw.trim(), 5, (v) => checkPostcode(v, department).ok);
      if (!fixed) return result;
      warn('postcode', 'import.postcode_zero_restored', { value: raw.trim(), fixed });
      return checkPostcode(fixed, department);
    });
    if (postcode) {
      values.postcode = postcode;
      const listed = departmentsOfPostcode(postcode);
      const unlisted = listed.length === 0 ? departmentOfUnlistedPostcode(postcode, true) : null;
      values.department ??= listed[0] ?? unlisted ?? undefined;
    }

    const { types, unknown } = parseTypes(cell('types'));
    if (unknown.length > 0) report('types', 'import.type_unknown', { value: unknown.join(', ') });
    const date = (field: 'joinedOn' | 'knownFrom' | 'leftOn') => {
      const raw = cell(field);
      const value = raw ? parseDate(raw) : null;
      if (raw && !value) report(field, 'import.date_invalid', { value: raw });
      return value;
    };
    const joinedOn = date('joinedOn');
    const knownFrom = date('knownFrom');
    const leftOn = date('leftOn');
    const membershipRaw = cell('membership');
    const membership = membershipRaw ? parseMembership(membershipRaw) : null;
    if (membershipRaw && !membership)
      report('membership', 'import.membership_unknown', { value: membershipRaw });
    if (membership === 'former' && !leftOn) report('membership', 'import.former_without_left_on');
    if (problems.slice(before).some((p) => p.severity === 'error') || !name) return;

    const searchName = normaliseForSearch(name);
    // A SIRET repeated in the file (the national list lists one per convention type) is one establishment.
    const earlier = siret ? entryBySiret.get(siret) : undefined;
    if (earlier) {
      if (earlier.searchName !== searchName) {
        report('siret', 'import.siret_conflict_in_file', { line: earlier.line });
        return;
      }
      earlier.types = [...new Set([...earlier.types, ...types])];
      for (const [key, value] of Object.entries(values) as [keyof PlaceValues, string][])
        earlier.values[key] ??= value;
      problems.push(
        problem(row.line, column('siret'), 'import.siret_repeated', { line: earlier.line }, 'warning'),
      );
      return;
    }
    const namePostcode = values.postcode ? `${searchName}|${values.postcode}` : null;
    // A line without SIRET naming a registered place without SIRET (same name, same postcode) is that place.
    const placeByName = index.placeByNamePostcode.get(`${searchName}|${values.postcode ?? ''}`) ?? null;
    let existing = siret ? (index.bySiret.get(siret) ?? null) : placeByName;
    // A registered organisation without SIRET/SIREN, same name and postcode, and a line with a
    // SIRET: probably the same one, but only the user can say so (--attach-siret).
    let attachSiret = false;
    if (siret && !existing && placeByName && !index.organisationsWithSiren.has(placeByName.organisationId)) {
      if (!options.attachSiret) {
        report('siret', 'import.siret_attach_confirm');
        return;
      }
      existing = placeByName;
      attachSiret = true;
    }
    // Duplicates are decided by SIRET/SIREN: two SIRENs are two organisations whatever their
    // names. A same name at the same postcode without a SIREN to tell them apart is only a
    // warning (homonyms exist; a person checks).
    if (!existing && namePostcode) {
      const twin = entryByNamePostcode.get(namePostcode);
      if (twin && !(twin.siren && siren)) warn('name', 'import.duplicate_in_file', { line: twin.line });
      const registered = index.byNamePostcode.get(namePostcode);
      const sameSiren = siren !== null && index.bySiren.get(siren) === registered;
      const otherSiren = siren !== null && index.organisationsWithSiren.has(registered ?? '');
      if (registered && !sameSiren && !otherSiren) warn('name', 'import.duplicate_name_existing');
    }
    const entry: PlannedEntry = {
      line: row.line,
      name,
      searchName,
      siret,
      siren,
      legalForm: cell('legalForm') || null,
      joinedOn,
      knownFrom,
      leftOn,
      membership,
      attachSiret,
      values,
      types,
      existing,
    };
    entries.push(entry);
    if (siret) entryBySiret.set(siret, entry);
    if (namePostcode && !entryByNamePostcode.has(namePostcode)) entryByNamePostcode.set(namePostcode, entry);
  };
  return { add, result: () => ({ entries, problems }) };
}

function problem(
  line: number,
  column: string | null,
  code: string,
  params: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): ImportProblem {
  return { line, column, code, message: message(code, params), severity };
}

/** The fields an update would change on an existing establishment, and the types it would add. */
export function changesOf(entry: PlannedEntry): { fields: string[]; newTypes: ConventionType[] } {
  const current = entry.existing;
  if (!current) return { fields: [], newTypes: [] };
  const same = (key: keyof PlaceValues, value: string) => {
    const now = current.values[key];
    // A phone kept as typed ("07.66.61.29.99") is the number the import writes as "07 66 61 29 99".
    if (key === 'phone' && now) return now.replace(/\D/g, '') === value.replace(/\D/g, '');
    return now === value;
  };
  const fields = (Object.entries(entry.values) as [keyof PlaceValues, string][])
    .filter(([key, value]) => !same(key, value))
    .map(([key]) => key as string);
  if (entry.attachSiret) fields.push('siret');
  return { fields, newTypes: entry.types.filter((t) => !current.types.includes(t)) };
}
