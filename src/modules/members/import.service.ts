/**
 * Member import use cases: read the file, map its columns, check every row against the
 * registry, then (commit) write everything in the caller's one tenant transaction.
 *
 * What an import writes:
 * - a row whose SIRET is not registered creates an establishment, with one convention
 *   per type; rows sharing a SIREN form one organisation (the first row is its head
 *   office), attached to the registered organisation of that SIREN when there is one;
 *   a new organisation gets a membership period from the row's join date (else unknown,
 *   counted from the first date the file vouches for: decision 019);
 * - a row whose SIRET is registered updates that establishment: only the fields present
 *   and non-empty in the file change, missing convention types are added. An import
 *   never renames an organisation, never clears a field, never removes a type and leaves
 *   membership periods alone.
 * Inserts go in multi-row statements (1,000 rows): the audit triggers still record each row.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { toFrenchCsv } from '../../server/csv.ts';
import { AppError } from '../../server/errors.ts';
import { byPlace, heldConventions, organisationPlace } from './conventions.held.ts';
import {
  columnsOf,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  proposeMapping,
  sanitiseMapping,
} from './import.mapping.ts';
import { type ImportFormat, type ParsedFile, parseImportFile, yieldToLoop } from './import.parse.ts';
import { importMappings } from './import.table.ts';
import {
  changesOf,
  type ImportProblem,
  type PlannedEntry,
  planImportInChunks,
  type RegistryIndex,
} from './import.validate.ts';
import { establishmentPlaceColumns, todayInFrance } from './members.queries.ts';
import { conventions, establishments, membershipPeriods, organisations } from './members.table.ts';

export interface PlanLine {
  line: number;
  name: string;
  siret: string | null;
  fields?: string[];
}

export interface ImportAnalysis {
  format: ImportFormat;
  encoding: ParsedFile['encoding'];
  delimiter: ParsedFile['delimiter'];
  headers: string[];
  mapping: ImportMapping;
  /** Every column of the file and the field it feeds, null when ignored: nothing dropped silently. */
  columns: { header: string; field: ImportField | null }[];
  rows: number;
  plan: { create: PlanLine[]; update: PlanLine[] };
  problems: ImportProblem[];
  entries: PlannedEntry[];
  registry: RegistryIndex;
}

/** What callers see of an analysis (the CLI's JSON): no internals, every problem. */
export function presentAnalysis(analysis: ImportAnalysis) {
  const { entries: _entries, registry: _registry, ...visible } = analysis;
  return visible;
}

/**
 * Problems and plan lines a preview (or a refused commit) answers with: a 400,000-row
 * file with errors everywhere made an answer of hundreds of MB, which the server built in
 * memory and the browser could not show anyway. The counts are exact; the whole list of
 * problems is a CSV download (`POST /api/members/imports/problems.csv`).
 */
export const PREVIEW_LIMIT = 200;

export function countProblems(problems: readonly ImportProblem[]) {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}

/** The web app's answer: counts, then the first `limit` problems and plan lines of each kind. */
export function presentPreview(analysis: ImportAnalysis, limit = PREVIEW_LIMIT) {
  const { format, encoding, delimiter, headers, mapping, columns, rows, plan, problems } = analysis;
  return {
    format,
    encoding,
    delimiter,
    headers,
    mapping,
    columns,
    rows,
    counts: { create: plan.create.length, update: plan.update.length, ...countProblems(problems) },
    plan: { create: plan.create.slice(0, limit), update: plan.update.slice(0, limit) },
    problems: problems.slice(0, limit),
    truncated: Math.max(plan.create.length, plan.update.length, problems.length) > limit,
  };
}

/** Every problem of an analysis as a CSV file (French Excel), for the preview's download link. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  return toFrenchCsv(
    ['Ligne', 'Colonne', 'Gravité', 'Code', 'Message'],
    problems.map((p) => [
      String(p.line),
      p.column ?? '',
      p.severity === 'error' ? 'erreur' : 'avertissement',
      p.code,
      p.message,
    ]),
  );
}

/** The mapping to apply: JSON, or the name of a saved mapping, or the proposed one. */
export async function resolveMapping(tx: Tx, headers: string[], requested?: string): Promise<ImportMapping> {
  const text = requested?.trim();
  if (!text) return proposeMapping(headers);
  if (text.startsWith('{')) {
    try {
      return sanitiseMapping(JSON.parse(text) as Record<string, unknown>, headers);
    } catch {
      throw new AppError('import.mapping_invalid');
    }
  }
  const [saved] = await tx.select().from(importMappings).where(eq(importMappings.name, text));
  if (!saved) throw new AppError('import.mapping_unknown');
  return sanitiseMapping(saved.mapping, headers);
}

/** The registry as the checks need it: establishments by SIRET, organisations by name and postcode, by SIREN. */
export async function loadRegistryIndex(tx: Tx): Promise<RegistryIndex> {
  const places = await tx
    .select({
      ...establishmentPlaceColumns,
      searchName: organisations.searchName,
      siren: organisations.siren,
    })
    .from(establishments)
    .innerJoin(organisations, eq(organisations.id, establishments.organisationId));
  // Types held by the organisation itself: the export prints them on its places, so a
  // re-imported line carrying them adds nothing.
  const heldAt = byPlace(await heldConventions(tx));
  const index: RegistryIndex = {
    bySiret: new Map(),
    byNamePostcode: new Map(),
    bySiren: new Map(),
    placeByNamePostcode: new Map(),
    organisationsWithSiren: new Set(),
  };
  for (const p of places) {
    const { id, organisationId, siret, searchName, siren, ...values } = p;
    const types = [...(heldAt.get(id) ?? []), ...(heldAt.get(organisationPlace(organisationId)) ?? [])].map(
      (c) => c.type,
    );
    const existing = { id, organisationId, siret, values, types };
    if (siret) {
      index.bySiret.set(siret, existing);
      index.bySiren.set(siret.slice(0, 9), organisationId);
    } else {
      index.placeByNamePostcode.set(`${searchName}|${p.postcode ?? ''}`, existing);
    }
    if (siren) index.bySiren.set(siren, organisationId);
    if (siren || siret) index.organisationsWithSiren.add(organisationId);
    if (p.postcode) index.byNamePostcode.set(`${searchName}|${p.postcode}`, organisationId);
  }
  return index;
}

export interface ImportInput {
  bytes: Uint8Array;
  filename?: string;
  mapping?: string;
  /** Confirms that a SIRET goes to the registered organisation of the same name without one. */
  attachSiret?: boolean;
  /** Header → field (or null: ignore it), applied over the mapping (the CLI's `--map`). */
  map?: Record<string, ImportField | null>;
  /** The file already read (outside the transaction): `bytes` are not read again. */
  parsed?: ParsedFile;
}

/** Applies `--map` choices; a header not in the file or a field that does not exist is an error. */
function withOverrides(
  mapping: ImportMapping,
  headers: readonly string[],
  map: ImportInput['map'],
): ImportMapping {
  if (!map) return mapping;
  const result = { ...mapping };
  for (const [header, field] of Object.entries(map)) {
    if (!headers.includes(header))
      throw new AppError('import.map_header_unknown', { params: { value: header } });
    if (field !== null && !(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new AppError('import.map_field_unknown', { params: { value: field } });
    // One column per field: the chosen one replaces the proposed one.
    for (const [other, f] of Object.entries(result)) if (f === field) delete result[other];
    if (field === null) delete result[header];
    else result[header] = field;
  }
  return result;
}

/** The dry run: everything the commit would do, and every problem. Writes nothing. */
export async function analyseImport(tx: Tx, input: ImportInput): Promise<ImportAnalysis> {
  const file = input.parsed ?? (await parseImportFile(input.bytes, input.filename));
  const mapping = withOverrides(
    await resolveMapping(tx, file.headers, input.mapping),
    file.headers,
    input.map,
  );
  return planAnalysis(file, mapping, await loadRegistryIndex(tx), {
    attachSiret: input.attachSiret === true,
  });
}

/**
 * The checks and the plan of a file already read, against a registry already loaded:
 * no database, so a preview runs it outside any transaction (on the embedded database a
 * transaction holds the one connection every other request needs).
 */
export async function planAnalysis(
  file: ParsedFile,
  mapping: ImportMapping,
  index: RegistryIndex,
  options: { attachSiret?: boolean } = {},
): Promise<ImportAnalysis> {
  const { entries, problems } = await planImportInChunks(file.rows, file.headers, mapping, index, options);
  const create: PlanLine[] = [];
  const update: PlanLine[] = [];
  for (const e of entries) {
    if (e.existing) update.push({ line: e.line, name: e.name, siret: e.siret, fields: changesOf(e).fields });
    else create.push({ line: e.line, name: e.name, siret: e.siret });
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers: file.headers,
    mapping,
    columns: columnsOf(file.headers, mapping),
    rows: file.rows.length,
    plan: { create, update },
    problems,
    entries,
    registry: index,
  };
}

export const hasBlockingProblems = (problems: readonly ImportProblem[]) =>
  problems.some((p) => p.severity === 'error');

/** Thrown by `commitImport` when a row has an error: nothing was written (the transaction rolls back). */
export class ImportBlocked extends AppError {
  constructor(readonly analysis: ImportAnalysis) {
    super('import.blocked');
  }
}

/**
 * Checks then writes, all or nothing, in the caller's transaction; with `skipInvalid`
 * (asked for by the user), the valid lines are written and the refused ones left to the
 * caller's rejects file (a line with an error never yields an entry). Registry writers
 * queue on the same per-delegation lock as members.service.ts, so the duplicate
 * checks hold until commit.
 */
export async function commitImport(
  tx: Tx,
  input: ImportInput,
  today = todayInFrance(),
  options: { skipInvalid?: boolean } = {},
): Promise<{ created: number; updated: number; analysis: ImportAnalysis }> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('members:' || current_setting('app.delegation_id', true)))`,
  );
  const analysis = await analyseImport(tx, input);
  if (hasBlockingProblems(analysis.problems) && !(options.skipInvalid && analysis.entries.length > 0))
    throw new ImportBlocked(analysis);
  const fresh = analysis.entries.filter((e) => !e.existing);
  await insertEntries(tx, fresh, analysis, today);
  let updated = 0;
  for (const entry of analysis.entries) {
    if (entry.existing && (await updateEntry(tx, entry))) updated++;
  }
  return { created: fresh.length, updated, analysis };
}

async function insertEntries(tx: Tx, entries: PlannedEntry[], analysis: ImportAnalysis, today: string) {
  const orgRows: (typeof organisations.$inferInsert)[] = [];
  const placeRows: (typeof establishments.$inferInsert)[] = [];
  const conventionRows: (typeof conventions.$inferInsert)[] = [];
  const periodRows: (typeof membershipPeriods.$inferInsert)[] = [];
  const registered = analysis.registry.bySiren;
  const inFile = new Map<string, string>();
  let done = 0;
  for (const entry of entries) {
    // A turn of the event loop now and then: preparing 40,000 lines' rows in one go held
    // the server's other requests (a /api/health wait of a second on a busy machine).
    if (++done % 500 === 0) await yieldToLoop();
    let organisationId = entry.siren ? (registered.get(entry.siren) ?? inFile.get(entry.siren)) : undefined;
    const isNew = !organisationId;
    if (!organisationId) {
      organisationId = randomUUID();
      if (entry.siren) inFile.set(entry.siren, organisationId);
      orgRows.push({
        id: organisationId,
        name: entry.name,
        searchName: entry.searchName,
        siren: entry.siren,
        legalForm: entry.legalForm,
        website: entry.values.website ?? null,
      });
      // A status column saying "non adhérent" (a prospect) gives no membership period.
      // No invented data (decision 019): a join date the file does not give stays unknown;
      // the period counts from the first day a source vouches for the membership: the file's
      // own date, else the import day (a former member's departure, when earlier).
      if (entry.membership !== 'none') {
        const joinedOn = entry.joinedOn;
        const vouched = entry.leftOn && entry.leftOn < today ? entry.leftOn : today;
        const knownFrom = entry.knownFrom ?? joinedOn ?? vouched;
        periodRows.push({ organisationId, joinedOn, knownFrom, leftOn: entry.leftOn, source: 'import' });
      }
    }
    const establishmentId = randomUUID();
    placeRows.push({
      id: establishmentId,
      organisationId,
      siret: entry.siret,
      ...entry.values,
      isHeadquarters: isNew,
    });
    for (const type of entry.types) {
      const departments = entry.values.department ? [entry.values.department] : [];
      conventionRows.push({ organisationId, establishmentId, type, departments });
    }
  }
  await insertRows(tx, organisations, orgRows);
  await insertRows(tx, establishments, placeRows);
  await insertRows(tx, conventions, conventionRows);
  await insertRows(tx, membershipPeriods, periodRows);
}

async function updateEntry(tx: Tx, entry: PlannedEntry): Promise<boolean> {
  const current = entry.existing;
  if (!current) return false;
  const { fields, newTypes } = changesOf(entry);
  if (fields.length === 0 && newTypes.length === 0) return false;
  if (entry.attachSiret && entry.siret) {
    await tx.update(establishments).set({ siret: entry.siret }).where(eq(establishments.id, current.id));
    await tx
      .update(organisations)
      .set({ siren: entry.siret.slice(0, 9) })
      .where(sql`${organisations.id} = ${current.organisationId} and ${organisations.siren} is null`);
  }
  const placeFields = fields.filter((f) => f !== 'siret');
  if (placeFields.length > 0) {
    const values = Object.fromEntries(
      placeFields.map((f) => [f, entry.values[f as keyof typeof entry.values]]),
    );
    await tx
      .update(establishments)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(establishments.id, current.id));
  }
  if (newTypes.length > 0) {
    const department = entry.values.department ?? current.values.department;
    await tx.insert(conventions).values(
      newTypes.map((type) => ({
        organisationId: current.organisationId,
        establishmentId: current.id,
        type,
        departments: department ? [department] : [],
      })),
    );
  }
  await tx
    .update(organisations)
    .set({ updatedAt: new Date() })
    .where(eq(organisations.id, current.organisationId));
  return true;
}

// ---------------------------------------------------------------------------
// Saved mappings
// ---------------------------------------------------------------------------

export async function listMappings(tx: Tx) {
  return tx
    .select({ id: importMappings.id, name: importMappings.name, mapping: importMappings.mapping })
    .from(importMappings)
    .orderBy(importMappings.name);
}

/** Saves a mapping under a name; the same name replaces it. */
export async function saveMapping(
  tx: Tx,
  userId: string | null,
  input: { name: string; mapping: ImportMapping },
) {
  const [row] = await tx
    .insert(importMappings)
    .values({ name: input.name.trim(), mapping: input.mapping, createdBy: userId })
    .onConflictDoUpdate({
      target: [importMappings.delegationId, importMappings.name],
      set: { mapping: input.mapping, updatedAt: new Date() },
    })
    .returning({ id: importMappings.id });
  if (!row) throw new Error('mapping insert returned nothing');
  return { id: row.id };
}

/** The French message of a problem-free failure, for callers outside HTTP (the CLI). */
export const importFileMessage = (code: string, params: Record<string, string | number> = {}) =>
  message(code, params);
