/**
 * The current members' establishments in the national data·inclusion format, schema v1
 * `structure` (../shared/data/schemas/v1_structure.json). The rule here: a field is
 * emitted only when its value is valid against the schema; an invalid value is left
 * out rather than published (data·inclusion rejects the whole structure otherwise).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { listPublicStructures, todayInFrance } from './members.queries.ts';
import type { PublicStructure } from './members.schemas.ts';
import { type ConventionType, establishments, organisations } from './members.table.ts';

/** Our identifier as a data·inclusion producer. */
export const DATA_INCLUSION_SOURCE = 'maillage';

/** The network every member belongs to, as the schema's `ReseauPorteur` enum spells it ("Fédération COORACE"). */
const NETWORK = 'coorace';

/**
 * Convention types → `ReseauPorteur` values, only where the enum has the exact kind
 * (v1_extra_reseaux-porteurs.json): the five SIAE kinds have their own value; EBE are
 * the enterprises of the "Expérimentation Territoriale contre le Chômage de Longue
 * Durée" (`etcld`). A GES groups conventions and has no value of its own.
 */
const NETWORK_OF_TYPE: Partial<Record<ConventionType, string>> = {
  AI: 'ai',
  ACI: 'aci',
  EI: 'ei',
  ETTI: 'etti',
  EITI: 'eiti',
  EBE: 'etcld',
};

export const dataInclusionStructureSchema = z.object({
  source: z.string(),
  id: z.string(),
  nom: z.string(),
  date_maj: z.string(),
  siret: z.string().optional(),
  adresse: z.string().optional(),
  code_postal: z.string().optional(),
  commune: z.string().optional(),
  telephone: z.string().optional(),
  courriel: z.string().optional(),
  site_web: z.string().optional(),
  reseaux_porteurs: z.array(z.string()).optional(),
});
export type DataInclusionStructure = z.infer<typeof dataInclusionStructureSchema>;

// The data·inclusion schema has no field for free activity tags: they are not sent.
export interface DataInclusionInput extends Omit<PublicStructure, 'activities' | 'listedUnder'> {
  siret: string | null;
  updatedOn: string;
}

/** Maps one directory entry; null when even the required fields cannot be valid. */
export function toDataInclusion(item: DataInclusionInput): DataInclusionStructure | null {
  // `nom`: 3 to 150 characters, "ne se terminant pas par un point" (schema description).
  const nom = item.name.trim().replace(/[.\s]+$/, '');
  if (nom.length < 3 || nom.length > 150) return null;
  const structure: DataInclusionStructure = {
    source: DATA_INCLUSION_SOURCE,
    id: item.id,
    nom,
    date_maj: item.updatedOn,
  };
  if (item.siret && /^\d{14}$/.test(item.siret)) structure.siret = item.siret;
  const address = item.address?.trim();
  if (address) structure.adresse = address;
  // `code_postal` must be 5 digits: a printed "8200" (a lost leading digit) is not
  // guessed at; it is left out until someone corrects the record.
  if (item.postcode && /^\d{5}$/.test(item.postcode)) structure.code_postal = item.postcode;
  const city = item.city?.trim();
  if (city) structure.commune = city;
  const phone = item.phone ? e164(item.phone) : null;
  if (phone) structure.telephone = phone;
  if (item.email && isEmail(item.email)) structure.courriel = item.email;
  if (item.website && isWebUrl(item.website)) structure.site_web = item.website;
  const networks = [NETWORK, ...item.types.flatMap((type) => NETWORK_OF_TYPE[type] ?? [])];
  structure.reseaux_porteurs = [...new Set(networks)];
  return structure;
}

/**
 * The schema prefers E.164: a French ten-digit number ("05 61 02 98 97", "07.66.61.29.99")
 * becomes "+33561029897"; anything else is passed on as written (any string is valid).
 */
export function e164(phone: string): string | null {
  const digits = phone.replace(/[\s.\-()]/g, '');
  // Overseas numbers have their own country codes (+262, +590…): those are left as written.
  const overseas = /^0(26[29]|5(08|9[046])|6(39|9[0-7]))/.test(digits);
  if (/^0[1-9]\d{8}$/.test(digits) && !overseas) return `+33${digits.slice(1)}`;
  const trimmed = phone.trim();
  return trimmed === '' ? null : trimmed;
}

// The shape ajv-formats accepts for `format: email` (a dot-atom local part and a host name).
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** `format: uri`, at most 2,083 characters; only web addresses make sense for `site_web`. */
function isWebUrl(value: string): boolean {
  // The `uri` format wants RFC 3986 characters: an address with spaces or raw accents is left out.
  if (value.length > 2083 || !/^[\x21-\x7e]+$/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Every current member's establishment of the tenant's delegation, mapped: the public
 * directory's entries (same membership rule, same types), plus the SIRET and the date
 * of the last change, which the directory does not show.
 */
export async function dataInclusionStructures(
  tx: Tx,
  today = todayInFrance(),
): Promise<DataInclusionStructure[]> {
  const items = await listPublicStructures(tx, {}, today);
  const extra = await tx
    .select({
      id: establishments.id,
      siret: establishments.siret,
      placeUpdatedAt: establishments.updatedAt,
      organisationUpdatedAt: organisations.updatedAt,
    })
    .from(establishments)
    .innerJoin(organisations, eq(organisations.id, establishments.organisationId));
  const byId = new Map(extra.map((e) => [e.id, e]));
  const structures: DataInclusionStructure[] = [];
  for (const item of items) {
    const more = byId.get(item.id);
    if (!more) continue;
    // The name comes from the organisation, the rest from the place: the later change counts.
    const updated = new Date(Math.max(more.placeUpdatedAt.getTime(), more.organisationUpdatedAt.getTime()));
    const mapped = toDataInclusion({ ...item, siret: more.siret, updatedOn: todayInFrance(updated) });
    if (mapped) structures.push(mapped);
  }
  return structures;
}
