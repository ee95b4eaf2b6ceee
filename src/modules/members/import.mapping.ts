/**
 * Which source column feeds which registry field. Headers are recognised whatever their
 * accents, case and punctuation ("N° SIRET", "siret", "SIRET:"), in French and English,
 * and the national SIAE list's header (ASP/DGEFP export, see ../shared/data/PROVENANCE.md).
 * Shared with the web app: no server imports here.
 */

export const IMPORT_FIELDS = [
  'name',
  'siret',
  'siren',
  'legalForm',
  'streetNumber',
  'address',
  'postcode',
  'city',
  'department',
  'phone',
  'email',
  'website',
  'types',
  'joinedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The French name of each field, for the mapping screen and the CLI. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Nom (raison sociale)',
  siret: 'SIRET',
  siren: 'SIREN',
  legalForm: 'Forme juridique',
  streetNumber: 'Numéro de voie',
  address: 'Adresse',
  postcode: 'Code postal',
  city: 'Ville',
  department: 'Département',
  phone: 'Téléphone',
  email: 'E-mail',
  website: 'Site web',
  types: 'Type de structure (AI, ACI…)',
  joinedOn: "Date d'adhésion",
};

/** Source header → field. A header absent from the mapping is ignored. */
export type ImportMapping = Record<string, ImportField>;

/** Accent-, case- and punctuation-free header: "N° SIRET :" → "siret". */
export function normaliseHeader(header: string): string {
  const plain = header
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "N° SIRET", "No SIRET", "Numéro SIRET" all name the SIRET.
  return plain.replace(/^(n|no|num|numero) (?=siret|siren)/, '');
}

const SYNONYMS: Record<ImportField, string[]> = {
  name: [
    'nom',
    'name',
    'raison sociale',
    'denomination',
    'denomination sociale',
    'nom de la structure',
    'structure',
    'organisation',
    'organization',
    'nom structure',
    'company',
    'company name',
  ],
  siret: ['siret', 'siret etablissement', 'code siret'],
  siren: ['siren', 'code siren'],
  legalForm: ['forme juridique', 'nature juridique', 'statut juridique', 'legal form', 'statut'],
  streetNumber: ['num rue', 'numero de voie', 'numero de rue', 'n de voie', 'street number'],
  address: ['adresse', 'address', 'nom rue', 'rue', 'voie', 'adresse postale', 'street'],
  postcode: ['code postal', 'cp', 'zip', 'zip code', 'postcode', 'postal code', 'code post'],
  city: ['ville', 'commune', 'city', 'localite', 'town'],
  department: ['departement', 'dept', 'dpt', 'dep', 'code departement', 'department', 'code dpt'],
  phone: ['telephone', 'tel', 'phone', 'telephone fixe', 'phone number', 'numero de telephone'],
  email: ['e mail', 'email', 'mail', 'courriel', 'adresse e mail', 'adresse mail', 'mail siae'],
  website: ['site web', 'site', 'website', 'site internet', 'web', 'url'],
  types: [
    'type',
    'types',
    'conventionnement',
    'conventionnements',
    'structure type',
    'type de structure',
    'type structure',
    'mesure',
    'type siae',
  ],
  joinedOn: ["date d'adhesion", 'date d adhesion', 'date adhesion', 'adhesion', 'joined on', 'member since'],
};

const FIELD_BY_HEADER = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, string[]][]) {
  for (const name of names) FIELD_BY_HEADER.set(normaliseHeader(name), field);
}

/** The field a header is recognised as, or null. */
export function recogniseHeader(header: string): ImportField | null {
  return FIELD_BY_HEADER.get(normaliseHeader(header)) ?? null;
}

/**
 * The proposed mapping: each recognised header, the first one winning when two name
 * the same field (the national list has CODE_POSTAL then CODE_POST_COM).
 */
export function proposeMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const field = recogniseHeader(header);
    if (!field || taken.has(field) || header in mapping) continue;
    mapping[header] = field;
    taken.add(field);
  }
  return mapping;
}

/** Keeps the entries naming a header of the file and a known field. */
export function sanitiseMapping(raw: Record<string, unknown>, headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const known = new Set<string>(IMPORT_FIELDS);
  for (const [header, field] of Object.entries(raw)) {
    if (headers.includes(header) && typeof field === 'string' && known.has(field)) {
      mapping[header] = field as ImportField;
    }
  }
  return mapping;
}
