/**
 * Export of the back-office member list (the same filters and order as the list, all
 * pages) to CSV as French Excel reads it and to XLSX with typed cells. One row per
 * establishment, so that a file exported here can be imported back without losing places.
 */

import { asc, desc } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { addTable, DATE_FORMAT, day, newWorkbook, xlsxBuffer } from '../../lib/xlsx.ts';
import { frenchDate, toFrenchCsv } from '../../server/csv.ts';
import { byPlace, heldConventions, organisationPlace } from './conventions.held.ts';
import {
  byConventionOrder,
  type EstablishmentPlace,
  listOrganisations,
  membershipStatus,
  todayInFrance,
} from './members.queries.ts';
import { type OrganisationListQuery, organisationListQuerySchema } from './members.schemas.ts';
import { type ConventionType, establishments, membershipPeriods } from './members.table.ts';

/** The list's filters without pagination: an export takes the whole filtered list. */
export const exportQuerySchema = organisationListQuerySchema.omit({ page: true, pageSize: true });
export type ExportQuery = Omit<OrganisationListQuery, 'page' | 'pageSize'>;

export interface ExportRow extends EstablishmentPlace {
  name: string;
  siren: string | null;
  types: ConventionType[];
  website: string | null;
  membership: 'current' | 'former' | 'none';
  joinedOn: string | null;
  knownFrom: string | null;
  leftOn: string | null;
}

type Kind = 'text' | 'date';
/** Columns in file order: French headers, cell kind, width in characters (XLSX). */
export const EXPORT_COLUMNS: { key: keyof ExportRow; header: string; kind: Kind; width: number }[] = [
  { key: 'name', header: 'Organisation', kind: 'text', width: 36 },
  { key: 'siren', header: 'SIREN', kind: 'text', width: 12 },
  { key: 'types', header: 'Types', kind: 'text', width: 14 },
  { key: 'siret', header: 'SIRET', kind: 'text', width: 16 },
  { key: 'address', header: 'Adresse', kind: 'text', width: 36 },
  { key: 'postcode', header: 'Code postal', kind: 'text', width: 11 },
  { key: 'city', header: 'Commune', kind: 'text', width: 24 },
  { key: 'department', header: 'Département', kind: 'text', width: 12 },
  { key: 'phone', header: 'Téléphone', kind: 'text', width: 16 },
  { key: 'email', header: 'E-mail', kind: 'text', width: 32 },
  { key: 'website', header: 'Site web', kind: 'text', width: 30 },
  { key: 'membership', header: 'Adhésion', kind: 'text', width: 16 },
  { key: 'joinedOn', header: "Date d'adhésion", kind: 'date', width: 14 },
  { key: 'knownFrom', header: 'Adhérent attesté depuis', kind: 'date', width: 14 },
  { key: 'leftOn', header: 'Date de départ', kind: 'date', width: 14 },
];

// The web app's words for the same statuses (web/src/i18n/fr.ts, members.membership.*).
const MEMBERSHIP_LABELS = { current: 'Adhérent', former: 'Ancien adhérent', none: 'Non adhérent' } as const;

// Far above any delegation's registry: the list query is reused as is, on one "page".
const ALL = 1_000_000;

/**
 * The rows of the export, in the list's order. Four queries whatever the size: the
 * filtered list, then the delegation's establishments, conventions and periods (row-level
 * security scopes them), joined here in memory.
 */
export async function exportRows(tx: Tx, query: ExportQuery, today = todayInFrance()): Promise<ExportRow[]> {
  const { items } = await listOrganisations(tx, { ...query, page: 1, pageSize: ALL }, today);
  if (items.length === 0) return [];
  const places = await tx
    .select()
    .from(establishments)
    .orderBy(desc(establishments.isHeadquarters), asc(establishments.createdAt), asc(establishments.id));
  const held = await heldConventions(tx);
  const periods = await tx
    .select()
    .from(membershipPeriods)
    .orderBy(asc(membershipPeriods.knownFrom), asc(membershipPeriods.id));

  const group = <T>(rows: T[], key: (row: T) => string) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const placesOf = group(places, (p) => p.organisationId);
  const periodsOf = group(periods, (p) => p.organisationId);
  const typesAt = byPlace(held);

  const rows: ExportRow[] = [];
  for (const organisation of items) {
    const own = periodsOf.get(organisation.id) ?? [];
    const period = shownPeriod(own, today);
    const common = {
      name: organisation.name,
      siren: organisation.siren,
      membership: membershipStatus(own, today) as ExportRow['membership'],
      joinedOn: period?.joinedOn ?? null,
      knownFrom: period?.knownFrom ?? null,
      leftOn: period?.leftOn ?? null,
    };
    const orgPlaces = placesOf.get(organisation.id) ?? [];
    if (orgPlaces.length === 0) {
      // An organisation without an establishment still gets its line: an export loses nobody.
      rows.push({
        ...common,
        types: organisation.types,
        ...{ siret: null, address: null, postcode: null, city: null, department: null },
        ...{ phone: null, email: null, website: null },
      });
      continue;
    }
    for (const [index, place] of orgPlaces.entries()) {
      // The directory's rule: a place shows its own conventions' types, the first one also
      // those attached to no place, one with none its organisation's.
      const mine = [
        ...(typesAt.get(place.id) ?? []),
        ...(index === 0 ? (typesAt.get(organisationPlace(organisation.id)) ?? []) : []),
      ].map((c) => c.type);
      const types = mine.length > 0 ? [...new Set(mine)].sort(byConventionOrder) : organisation.types;
      rows.push({
        ...common,
        types: types as ConventionType[],
        siret: place.siret,
        address: place.address,
        postcode: place.postcode,
        city: place.city,
        department: place.department,
        phone: place.phone,
        email: place.email,
        website: place.website,
      });
    }
  }
  return rows;
}

/** The period a line speaks of: the one running today, else the latest started, else the next one. */
function shownPeriod<P extends { knownFrom: string; leftOn: string | null }>(periods: P[], today: string) {
  const running = periods.find((p) => p.knownFrom <= today && (p.leftOn === null || p.leftOn >= today));
  if (running) return running;
  const started = periods.filter((p) => p.knownFrom <= today);
  return started.at(-1) ?? periods[0] ?? null;
}

function textOf(row: ExportRow, key: keyof ExportRow): string {
  const value = row[key];
  if (key === 'types') return (value as string[]).join(', ');
  if (key === 'membership') return MEMBERSHIP_LABELS[value as ExportRow['membership']];
  return (value as string | null) ?? '';
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** The CSV: UTF-8 with BOM, `;`, CRLF, dates JJ/MM/AAAA: what French Excel opens as is. */
export function toCsv(rows: ExportRow[]): string {
  return toFrenchCsv(
    EXPORT_COLUMNS.map((c) => c.header),
    rows.map((row) =>
      EXPORT_COLUMNS.map((c) =>
        c.kind === 'date' ? frenchDate(row[c.key] as string | null) : textOf(row, c.key),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

/** The XLSX: dates as dates, texts as texts (a postcode keeps its leading zero), frozen bold header, filters. */
export async function toXlsx(rows: ExportRow[]): Promise<Buffer> {
  const workbook = newWorkbook();
  addTable(
    workbook,
    'Adhérents',
    EXPORT_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: { numFmt: c.kind === 'date' ? DATE_FORMAT : '@' },
    })),
    rows,
    (row) =>
      Object.fromEntries(
        EXPORT_COLUMNS.map((c) => [
          c.key,
          c.kind === 'date' ? day(row[c.key] as string | null) : textOf(row, c.key) || null,
        ]),
      ),
  );
  return xlsxBuffer(workbook);
}
