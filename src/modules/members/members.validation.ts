/**
 * Pure validation and normalisation helpers for member (SIAE) records.
 *
 * Every function returns a value and never throws. The only side effect is the
 * lazy, once-per-process loading of the reference data (postcodes from
 * `codes-postaux`, departments from `@etalab/decoupage-administratif`, phone
 * metadata from `libphonenumber-js/max`) on the first call that needs it.
 */
import { createRequire } from 'node:module';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';

export const MEMBER_ERROR_CODES = [
  'members.siret_format',
  'members.siret_checksum',
  'members.siren_format',
  'members.siren_checksum',
  'members.postcode_format',
  'members.postcode_unknown',
  'members.postcode_department_mismatch',
  'members.phone_invalid',
  'members.email_invalid',
  'members.website_invalid',
  // Raised by members.service.ts (duplicates, permissions, consistency between records).
  'members.siret_siren_mismatch',
  'members.department_unknown',
  'members.duplicate_siret',
  'members.duplicate_name',
  'members.duplicate_convention',
  'members.field_not_editable',
  'members.establishment_not_found',
  'members.left_before_joined',
  'members.membership_overlap',
  'members.activity_invalid',
  'members.activities_too_many',
] as const;

export type MemberErrorCode = (typeof MEMBER_ERROR_CODES)[number];

export type Check<T> = { ok: true; value: T } | { ok: false; code: MemberErrorCode };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = <T>(code: MemberErrorCode): Check<T> => ({ ok: false, code });

// ---------------------------------------------------------------------------
// Reference data (loaded lazily, once)
// ---------------------------------------------------------------------------

const requireCjs = createRequire(import.meta.url);

type PostcodeEntry = {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
  libelleAcheminement: string;
};
type CodesPostaux = { find(postcode: string): PostcodeEntry[] };
type DepartmentEntry = { code: string; nom: string; zone: string };

type PhoneLib = {
  parsePhoneNumberFromString(
    text: string,
    options: { defaultCountry: CountryCode; extract: boolean },
  ): PhoneNumber | undefined;
};

let codesPostaux: CodesPostaux | undefined;
let phoneLib: PhoneLib | undefined;
let departmentsByCode: Map<string, string> | undefined;
const departmentsOfPostcodeCache = new Map<string, readonly string[]>();

/** libphonenumber-js with its "max" metadata (exact number ranges, not only lengths). */
function loadPhoneLib(): PhoneLib {
  phoneLib ??= requireCjs('libphonenumber-js/max') as PhoneLib;
  return phoneLib;
}

function loadCodesPostaux(): CodesPostaux {
  codesPostaux ??= requireCjs('codes-postaux') as CodesPostaux;
  return codesPostaux;
}

/**
 * Departments: metropolitan (01–95, 2A, 2B) and overseas 971–976.
 *
 * The package's main entry (`index.js`) reads `./data/*.json` relative to the
 * process working directory and loads 12 MB of unrelated data, so the
 * departments file is required directly.
 */
function loadDepartments(): Map<string, string> {
  if (!departmentsByCode) {
    const list = requireCjs('@etalab/decoupage-administratif/data/departements.json') as DepartmentEntry[];
    departmentsByCode = new Map(
      // Overseas collectivities too (Saint-Barthélemy 977, Saint-Martin 978, Wallis-et-Futuna,
      // Polynesia, New Caledonia); not the uninhabited TAAF (984) and Clipperton (989).
      list
        .filter(
          (d) => d.zone === 'metro' || d.zone === 'drom' || (d.zone === 'com' && !/^98[49]$/.test(d.code)),
        )
        .map((d) => [d.code, d.nom] as const),
    );
  }
  return departmentsByCode;
}

/** Department code of a commune code (INSEE COG): "31451" -> "31", "2A004" -> "2A", "97411" -> "974". */
function departmentOfCommune(codeCommune: string): string {
  return codeCommune.startsWith('97') || codeCommune.startsWith('98')
    ? codeCommune.slice(0, 3)
    : codeCommune.slice(0, 2);
}

function normaliseDepartmentCode(code: string): string {
  return code.trim().toUpperCase();
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

// The members' checks and their tests name it here; it lives with the other text folding.
export { normaliseForSearch } from '../../lib/text.ts';

// ---------------------------------------------------------------------------
// SIREN / SIRET
// ---------------------------------------------------------------------------

const LA_POSTE_SIREN = '356000000';

function stripWhitespace(raw: string): string {
  return raw.replace(/\s+/g, '');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/**
 * SIRET: 14 digits (spaces ignored) with a valid Luhn key.
 * La Poste (SIREN 356000000) establishments are numbered with a digit-sum rule
 * instead (sum of the 14 digits multiple of 5); its head office
 * 35600000000048 follows Luhn, so either rule is accepted for that SIREN.
 */
export function checkSiret(raw: string): Check<string> {
  const siret = stripWhitespace(raw);
  if (!/^\d{14}$/.test(siret)) return fail('members.siret_format');
  if (luhnValid(siret)) return ok(siret);
  if (siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 === 0) return ok(siret);
  return fail('members.siret_checksum');
}

/** SIREN: 9 digits (spaces ignored) with a valid Luhn key. */
export function checkSiren(raw: string): Check<string> {
  const siren = stripWhitespace(raw);
  if (!/^\d{9}$/.test(siren)) return fail('members.siren_format');
  if (!luhnValid(siren)) return fail('members.siren_checksum');
  return ok(siren);
}

/** SIREN of a SIRET: its first 9 digits (spaces ignored, no validation). */
export function sirenOfSiret(siret: string): string {
  return stripWhitespace(siret).slice(0, 9);
}

// ---------------------------------------------------------------------------
// Postcodes and departments
// ---------------------------------------------------------------------------

/**
 * Departments of the communes served by a postcode, according to the reference
 * data. The department matching the postcode's prefix (e.g. "12" for 12210)
 * comes first, the others follow in code order. Empty for unknown or
 * malformed postcodes.
 */
export function departmentsOfPostcode(postcode: string): string[] {
  const code = stripWhitespace(postcode);
  if (!/^\d{5}$/.test(code)) return [];
  const cached = departmentsOfPostcodeCache.get(code);
  if (cached) return [...cached];

  const found = new Set<string>();
  for (const entry of loadCodesPostaux().find(code)) {
    found.add(departmentOfCommune(entry.codeCommune));
  }
  const prefix = code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
  const matchesPrefix = (dep: string): boolean =>
    prefix === '20' ? dep === '2A' || dep === '2B' : dep === prefix;
  const result = [...found].sort((a, b) => {
    const pa = matchesPrefix(a) ? 0 : 1;
    const pb = matchesPrefix(b) ? 0 : 1;
    return pa - pb || a.localeCompare(b);
  });
  departmentsOfPostcodeCache.set(code, result);
  return [...result];
}

/** Main department of a postcode ("31250" -> "31", "20000" -> "2A", "97400" -> "974"), or null. */
export function departmentFromPostcode(postcode: string): string | null {
  return departmentsOfPostcode(postcode)[0] ?? null;
}

/**
 * Postcode: 5 digits (spaces ignored) served by at least one commune; when a
 * department is given (non-blank), it must be among the postcode's departments.
 */
/**
 * Postcodes the communes' list does not hold: the overseas collectivities whose code does
 * not start with their number (Saint-Barthélemy 97133 is 977, Saint-Martin 97150 is 978)
 * and the Pacific ones (986xx–988xx); with `cedex` (the address says "CEDEX"), a CEDEX
 * code, which belongs to the department of its first digits (20xxx: 2A below 20200,
 * else 2B). A code like 31999 without the word CEDEX stays unknown: most are typos.
 */
export function departmentOfUnlistedPostcode(postcode: string, cedex = false): string | null {
  const code = stripWhitespace(postcode);
  if (!/^\d{5}$/.test(code)) return null;
  if (code === '97133') return '977';
  if (code === '97150') return '978';
  if (/^98[678]/.test(code)) return code.slice(0, 3);
  if (!cedex) return null;
  const prefix = /^9[78]/.test(code) ? code.slice(0, 3) : code.slice(0, 2);
  const department = prefix === '20' ? (code < '20200' ? '2A' : '2B') : prefix;
  return loadDepartments().has(department) ? department : null;
}

export function checkPostcode(
  raw: string,
  department?: string,
  options: { cedex?: boolean } = {},
): Check<string> {
  const postcode = stripWhitespace(raw);
  if (!/^\d{5}$/.test(postcode)) return fail('members.postcode_format');
  const listed = departmentsOfPostcode(postcode);
  const unlisted = listed.length === 0 ? departmentOfUnlistedPostcode(postcode, options.cedex) : null;
  const departments = unlisted ? [unlisted] : listed;
  if (departments.length === 0) return fail('members.postcode_unknown');
  const wanted = department === undefined ? '' : normaliseDepartmentCode(department);
  if (wanted !== '' && !departments.includes(wanted)) {
    return fail('members.postcode_department_mismatch');
  }
  return ok(postcode);
}

/** True for a department code ("09", "2A", "974"…); case and surrounding spaces ignored. */
export function isDepartmentCode(code: string): boolean {
  return loadDepartments().has(normaliseDepartmentCode(code));
}

/** Official name of a department ("09" -> "Ariège"), or null. */
export function departmentName(code: string): string | null {
  return loadDepartments().get(normaliseDepartmentCode(code)) ?? null;
}

// ---------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------

/** Countries using the French numbering plan (10-digit numbers dialled with a leading 0 from France). */
const FRENCH_PLAN_COUNTRIES = new Set(['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'BL', 'MF']);
/** Overseas regions tried when a national number (0…) is not a valid metropolitan one, e.g. 0262…, 0692…. */
const OVERSEAS_DEFAULTS = ['RE', 'GP', 'MQ', 'GF', 'YT'] as const;

function parsePhone(
  raw: string,
  defaultCountry: 'FR' | (typeof OVERSEAS_DEFAULTS)[number],
): PhoneNumber | undefined {
  try {
    const parsed = loadPhoneLib().parsePhoneNumberFromString(raw, { defaultCountry, extract: false });
    return parsed?.isValid() ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Phone number. French numbers (including overseas departments) are returned
 * in the national display format "05 61 02 98 97"; other countries in the
 * international format "+44 20 7946 0958". Extensions are kept (" ext. 12").
 */
export function normalisePhone(raw: string): Check<string> {
  const input = raw.trim();
  if (input === '' || input.length > 64) return fail('members.phone_invalid');

  let parsed = parsePhone(input, 'FR');
  if (!parsed && /^0\d/.test(input)) {
    for (const country of OVERSEAS_DEFAULTS) {
      parsed = parsePhone(input, country);
      if (parsed) break;
    }
  }
  if (!parsed) return fail('members.phone_invalid');

  const extension = parsed.ext ? ` ext. ${parsed.ext}` : '';
  const national = String(parsed.nationalNumber);
  if (parsed.country && FRENCH_PLAN_COUNTRIES.has(parsed.country) && /^\d{9}$/.test(national)) {
    const pairs = `0${national}`.match(/\d{2}/g) ?? [];
    return ok(pairs.join(' ') + extension);
  }
  return ok(parsed.formatInternational());
}

// ---------------------------------------------------------------------------
// Email
// ---------------------------------------------------------------------------

const EMAIL_LOCAL = /^[^\s@"(),:;<>[\\\]]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * Email address, trimmed and lowercased. Pragmatic check: one "@", a non-empty
 * local part (≤ 64, no spaces, no leading/trailing/double dot), a domain with
 * at least one dot and well-formed labels, total length ≤ 254.
 */
export function normaliseEmail(raw: string): Check<string> {
  const email = raw.trim().toLowerCase();
  if (email.length === 0 || email.length > 254) return fail('members.email_invalid');
  const parts = email.split('@');
  if (parts.length !== 2) return fail('members.email_invalid');
  const [local = '', domain = ''] = parts;
  if (local.length === 0 || local.length > 64 || !EMAIL_LOCAL.test(local))
    return fail('members.email_invalid');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return fail('members.email_invalid');
  const labels = domain.split('.');
  if (labels.length < 2) return fail('members.email_invalid');
  if (!labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label)))
    return fail('members.email_invalid');
  const tld = labels[labels.length - 1] ?? '';
  if (tld.length < 2 || /^\d+$/.test(tld)) return fail('members.email_invalid');
  return ok(email);
}

// ---------------------------------------------------------------------------
// Website
// ---------------------------------------------------------------------------

/**
 * Website: http(s) URL, or a bare host such as "www.example.org" which gets
 * "https://" prepended. Other schemes (javascript:, data:, mailto:, ftp:…),
 * credentials in the URL and hosts without a dot are rejected. The value is
 * the normalised URL, without the trailing "/" of an empty path.
 */
export function checkWebsite(raw: string): Check<string> {
  const input = raw.trim();
  if (input === '' || input.length > 2048 || /[\s\p{Cc}]/u.test(input))
    return fail('members.website_invalid');

  let candidate: string;
  if (/^https?:\/\//i.test(input)) {
    candidate = input;
  } else if (input.startsWith('//')) {
    candidate = `https:${input}`;
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(input)) {
    // Any other scheme ("javascript:", "data:", "mailto:", "http:/x"…); "host:8080" is a port, not a scheme.
    return fail('members.website_invalid');
  } else {
    candidate = `https://${input}`;
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fail('members.website_invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('members.website_invalid');
  if (url.username !== '' || url.password !== '') return fail('members.website_invalid');
  const host = url.hostname;
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.') || host.includes('..')) {
    return fail('members.website_invalid');
  }

  const href = url.href;
  const value =
    url.pathname === '/' && url.search === '' && url.hash === '' && href.endsWith('/')
      ? href.slice(0, -1)
      : href;
  return ok(value);
}
