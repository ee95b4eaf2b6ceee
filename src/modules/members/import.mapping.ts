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
  'membership',
  'joinedOn',
  'knownFrom',
  'leftOn',
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
  membership: 'Adhésion (adhérent, ancien adhérent, non adhérent)',
  joinedOn: "Date d'adhésion",
  knownFrom: 'Adhérent attesté depuis',
  leftOn: 'Date de départ',
};

/** Source header → field. A header absent from the mapping is ignored. */
export type ImportMapping = Record<string, ImportField>;

/**
 * Accent-, case-, punctuation- and plural-free header: "N° SIRET :" → "siret",
 * "Type(s)" and "Types" → "type", "Tél." → "tel", "E-mail :" → "e mail".
 */
export function normaliseHeader(header: string): string {
  const plain = header
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\((s|x|es)\)/g, '')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "N° SIRET", "No SIRET", "Numéro SIRET" all name the SIRET.
  const words = plain.replace(/^(n|no|num|numero) (?=siret|siren)/, '').split(' ');
  // Plurals: "Types", "Anciens membres", "Adresses"; not "ss" nor short words ("cps" aside).
  return words.map((w) => (w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w)).join(' ');
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
  legalForm: ['forme juridique', 'nature juridique', 'statut juridique', 'legal form'],
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
  // Maillage's export writes the status under "Adhésion": a status, never a date.
  membership: [
    'adhesion',
    'statut',
    'statut adhesion',
    "statut d'adhesion",
    'statut adherent',
    'categorie',
    'categorie de membre',
    'situation',
    'membre',
    'adherent',
    'membership',
    'member status',
    'status',
  ],
  joinedOn: [
    "date d'adhesion",
    'date d adhesion',
    'date adhesion',
    'joined on',
    'member since',
    'adherent depuis',
  ],
  knownFrom: ['adherent atteste depuis', 'atteste depuis', 'known from'],
  leftOn: ['date de depart', 'depart', 'date de sortie', 'sortie', 'date de radiation', 'left on'],
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

/** Every header of the file with the field it feeds, null when the import ignores it. */
export function columnsOf(headers: readonly string[], mapping: ImportMapping) {
  return headers.map((header) => ({ header, field: mapping[header] ?? null }));
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
