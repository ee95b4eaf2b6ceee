/**
 * The data-quality checks of the registry, as pure functions over rows already loaded:
 * the service loads the whole registry of a delegation in a few queries and calls
 * `findProblems()`, so the checks cost no query per record and are unit-testable.
 */

import { compareFr } from '../../i18n/collate.ts';
import { message } from '../../i18n/messages.ts';
import { normaliseForSearch } from '../../lib/text.ts';
import type { EstablishmentPlace } from './members.queries.ts';
import {
  checkPostcode,
  checkSiren,
  checkSiret,
  departmentsOfPostcode,
  normaliseEmail,
  normalisePhone,
} from './members.validation.ts';
import { QUALITY_CHECK_CODES, type QualityCheckCode } from './quality.messages.ts';

export interface QualityOrganisation {
  id: string;
  name: string;
  siren: string | null;
  currentMember: boolean;
}
export interface QualityEstablishment extends EstablishmentPlace {
  id: string;
  organisationId: string;
}
export interface QualityConvention {
  id: string;
  organisationId: string;
  type: string;
  departments: string[];
}
export interface QualityMandate {
  id: string;
  firstName: string;
  lastName: string;
  organisationName: string;
  organisationId: string | null;
}
export interface QualityData {
  organisations: QualityOrganisation[];
  establishments: QualityEstablishment[];
  conventions: QualityConvention[];
  mandates: QualityMandate[];
}

export type RecordTable = 'organisations' | 'establishments' | 'conventions' | 'board_mandates';
export interface ProblemRecord {
  table: RecordTable;
  id: string;
  organisationId: string | null;
  label: string;
}
export interface Problem {
  key: string;
  code: QualityCheckCode;
  severity: 'error' | 'warning';
  message: string;
  records: ProblemRecord[];
  field?: string;
  value?: string;
  suggestion?: string;
  /** Closest member names, for a board affiliation that names none. */
  suggestions?: string[];
}

const WARNINGS = new Set<QualityCheckCode>([
  'quality.phone_not_normalised',
  'quality.email_not_normalised',
  'quality.shared_email',
  'quality.shared_phone',
  'quality.shared_address',
  'quality.duplicate_name',
  'quality.member_without_convention',
]);

/**
 * The key names one exact problem: the check, the records involved (sorted ids) and the
 * offending value. An acceptance stored under it stops applying as soon as the data
 * becomes a different problem (another value, another record sharing the phone…).
 */
export function problemKey(code: string, ids: string[], value?: string): string {
  return [code, [...ids].sort().join(','), value ?? ''].join('|');
}

function problem(
  code: QualityCheckCode,
  records: ProblemRecord[],
  details: { field?: string; value?: string; suggestion?: string; params?: Record<string, string> },
): Problem {
  const params = {
    record: records[0]?.label ?? '',
    records: records.map((r) => r.label).join(', '),
    value: details.value ?? '',
    suggestion: details.suggestion ?? '',
    ...details.params,
  };
  return {
    key: problemKey(
      code,
      records.map((r) => r.id),
      details.value,
    ),
    code,
    severity: WARNINGS.has(code) ? 'warning' : 'error',
    message: message(code, params),
    records,
    ...(details.field === undefined ? {} : { field: details.field }),
    ...(details.value === undefined ? {} : { value: details.value }),
    ...(details.suggestion === undefined ? {} : { suggestion: details.suggestion }),
  };
}

const present = (value: string | null | undefined): value is string => !!value && value.trim() !== '';

/** Runs every check; problems come grouped by check (in QUALITY_CHECK_CODES order), then by message. */
export function findProblems(data: QualityData): Problem[] {
  const orgById = new Map(data.organisations.map((o) => [o.id, o]));
  const orgRecord = (o: QualityOrganisation): ProblemRecord => ({
    table: 'organisations',
    id: o.id,
    organisationId: o.id,
    label: o.name,
  });
  // Two establishments of one organisation (AVIE in 31 and 82) are told apart by their town.
  const establishmentCount = new Map<string, number>();
  for (const e of data.establishments)
    establishmentCount.set(e.organisationId, (establishmentCount.get(e.organisationId) ?? 0) + 1);
  const estRecord = (e: QualityEstablishment): ProblemRecord => {
    const name = orgById.get(e.organisationId)?.name ?? '';
    const several = (establishmentCount.get(e.organisationId) ?? 0) > 1 && present(e.city);
    return {
      table: 'establishments',
      id: e.id,
      organisationId: e.organisationId,
      label: several ? `${name} (${e.city})` : name,
    };
  };

  const problems: Problem[] = [];
  for (const o of data.organisations) {
    if (present(o.siren) && !checkSiren(o.siren).ok)
      problems.push(problem('quality.siren_invalid', [orgRecord(o)], { field: 'siren', value: o.siren }));
  }
  for (const e of data.establishments) problems.push(...establishmentProblems(e, orgById, estRecord(e)));
  problems.push(...sharedValues(data.establishments, estRecord));
  problems.push(...duplicateNames(data, estRecord));
  problems.push(...departmentsWithoutEstablishment(data, orgById));
  problems.push(...unmatchedMandates(data));
  const withConvention = new Set(data.conventions.map((c) => c.organisationId));
  for (const o of data.organisations) {
    if (o.currentMember && !withConvention.has(o.id))
      problems.push(problem('quality.member_without_convention', [orgRecord(o)], {}));
  }
  const order = (code: QualityCheckCode) => QUALITY_CHECK_CODES.indexOf(code);
  return problems.sort((a, b) => order(a.code) - order(b.code) || compareFr(a.message, b.message));
}

function establishmentProblems(
  e: QualityEstablishment,
  orgById: Map<string, QualityOrganisation>,
  record: ProblemRecord,
): Problem[] {
  const out: Problem[] = [];
  if (present(e.siret)) {
    const siret = checkSiret(e.siret);
    const organisation = orgById.get(e.organisationId);
    const siren = organisation?.siren && checkSiren(organisation.siren).ok ? organisation.siren : null;
    if (!siret.ok) out.push(problem('quality.siret_invalid', [record], { field: 'siret', value: e.siret }));
    else if (siren && !siret.value.startsWith(siren.replace(/\s+/g, '')))
      out.push(
        problem('quality.siret_siren_mismatch', [record], {
          field: 'siret',
          value: e.siret,
          params: { siren },
        }),
      );
  }
  if (present(e.postcode)) {
    const result = checkPostcode(e.postcode);
    const departments = result.ok ? departmentsOfPostcode(result.value) : [];
    if (!result.ok) {
      const code =
        result.code === 'members.postcode_format' ? 'quality.postcode_format' : 'quality.postcode_unknown';
      out.push(problem(code, [record], { field: 'postcode', value: e.postcode }));
    } else if (present(e.department) && !departments.includes(e.department.trim().toUpperCase())) {
      out.push(
        problem('quality.postcode_department_mismatch', [record], {
          field: 'postcode',
          value: e.postcode,
          params: { department: e.department },
        }),
      );
    }
  }
  if (present(e.phone)) {
    const phone = normalisePhone(e.phone);
    if (!phone.ok) out.push(problem('quality.phone_invalid', [record], { field: 'phone', value: e.phone }));
    else if (phone.value !== e.phone)
      out.push(
        problem('quality.phone_not_normalised', [record], {
          field: 'phone',
          value: e.phone,
          suggestion: phone.value,
        }),
      );
  }
  if (present(e.email)) {
    const email = normaliseEmail(e.email);
    if (!email.ok) out.push(problem('quality.email_invalid', [record], { field: 'email', value: e.email }));
    else if (email.value !== e.email)
      out.push(
        problem('quality.email_not_normalised', [record], {
          field: 'email',
          value: e.email,
          suggestion: email.value,
        }),
      );
  }
  return out;
}

/** Groups of establishments of at least two organisations sharing a value (the group's key). */
function groupsAcrossOrganisations<T extends { organisationId: string }>(
  rows: T[],
  keyOf: (row: T) => string | null,
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].filter(([, group]) => new Set(group.map((r) => r.organisationId)).size > 1);
}

const byLabel = (a: ProblemRecord, b: ProblemRecord) => compareFr(a.label, b.label);

function sharedValues(
  establishments: QualityEstablishment[],
  estRecord: (e: QualityEstablishment) => ProblemRecord,
): Problem[] {
  const out: Problem[] = [];
  const emailKey = (e: QualityEstablishment) =>
    present(e.email) ? e.email.trim().toLowerCase().replace(/\s+/g, '') : null;
  for (const [email, group] of groupsAcrossOrganisations(establishments, emailKey)) {
    const records = group.map(estRecord).sort(byLabel);
    out.push(problem('quality.shared_email', records, { field: 'email', value: email }));
  }
  const phoneKey = (e: QualityEstablishment) => {
    if (!present(e.phone)) return null;
    const phone = normalisePhone(e.phone);
    return phone.ok ? phone.value : e.phone.replace(/[^\d+]/g, '') || null;
  };
  for (const [phone, group] of groupsAcrossOrganisations(establishments, phoneKey)) {
    const records = group.map(estRecord).sort(byLabel);
    out.push(problem('quality.shared_phone', records, { field: 'phone', value: phone }));
  }
  const addressKey = (e: QualityEstablishment) => {
    const address = present(e.address) ? normaliseForSearch(e.address) : '';
    return address ? `${address}|${(e.postcode ?? '').trim()}` : null;
  };
  for (const [, group] of groupsAcrossOrganisations(establishments, addressKey)) {
    const first = group[0] as QualityEstablishment;
    const value = [first.address?.trim(), first.postcode?.trim(), first.city?.trim()]
      .filter(Boolean)
      .join(' ');
    const records = group.map(estRecord).sort(byLabel);
    out.push(problem('quality.shared_address', records, { field: 'address', value }));
  }
  return out;
}

/** Likely duplicates: organisations with the same normalised name at the same postcode. */
function duplicateNames(data: QualityData, estRecord: (e: QualityEstablishment) => ProblemRecord): Problem[] {
  const nameOf = new Map(data.organisations.map((o) => [o.id, normaliseForSearch(o.name)]));
  const key = (e: QualityEstablishment) =>
    present(e.postcode) && nameOf.get(e.organisationId)
      ? `${nameOf.get(e.organisationId)}|${e.postcode.trim()}`
      : null;
  return groupsAcrossOrganisations(data.establishments, key).map(([, group]) => {
    const first = group[0] as QualityEstablishment;
    const records = group.map(estRecord).sort(byLabel);
    return problem('quality.duplicate_name', records, {
      field: 'name',
      value: records[0]?.label.replace(/ \(.*\)$/, '') ?? '',
      params: { postcode: first.postcode?.trim() ?? '' },
    });
  });
}

/** A convention listing a department where its organisation has no establishment (AILES under 81). */
function departmentsWithoutEstablishment(
  data: QualityData,
  orgById: Map<string, QualityOrganisation>,
): Problem[] {
  const placed = new Set(
    data.establishments.map((e) => `${e.organisationId}|${e.department?.trim().toUpperCase()}`),
  );
  const missing = new Map<string, QualityConvention[]>();
  for (const c of data.conventions) {
    for (const department of new Set(c.departments.map((d) => d.trim().toUpperCase()))) {
      const key = `${c.organisationId}|${department}`;
      if (placed.has(key)) continue;
      missing.set(key, [...(missing.get(key) ?? []), c]);
    }
  }
  return [...missing].map(([key, conventions]) => {
    const [organisationId = '', department = ''] = key.split('|');
    const name = orgById.get(organisationId)?.name ?? '';
    const types = [...new Set(conventions.map((c) => c.type))].join(', ');
    const records: ProblemRecord[] = conventions.map((c) => ({
      table: 'conventions',
      id: c.id,
      organisationId,
      label: `${name} (convention ${c.type})`,
    }));
    return problem('quality.department_without_establishment', records, {
      field: 'departments',
      value: department,
      params: { record: name, types },
    });
  });
}

/** Edit distance between two strings (Levenshtein), on one row of memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Member names closest to `name` (normalised edit distance at most 0.4), best first. */
export function closestNames(name: string, candidates: string[], limit = 3): string[] {
  const wanted = normaliseForSearch(name);
  return candidates
    .map((candidate) => {
      const normalised = normaliseForSearch(candidate);
      const distance = editDistance(wanted, normalised) / Math.max(wanted.length, normalised.length, 1);
      return { candidate, distance };
    })
    .filter((c) => c.distance <= 0.4)
    .sort((a, b) => a.distance - b.distance || compareFr(a.candidate, b.candidate))
    .slice(0, limit)
    .map((c) => c.candidate);
}

/** A board mandate linked to no organisation, its printed affiliation naming no member. */
function unmatchedMandates(data: QualityData): Problem[] {
  const names = data.organisations.filter((o) => o.currentMember).map((o) => o.name);
  return data.mandates
    .filter((m) => m.organisationId === null)
    .map((m) => {
      const person = `${m.firstName} ${m.lastName}`.trim();
      const suggestions = closestNames(m.organisationName, names);
      const hint =
        suggestions.length > 0 ? message('quality.mandate_hint', { names: suggestions.join(', ') }) : '';
      const record: ProblemRecord = {
        table: 'board_mandates',
        id: m.id,
        organisationId: null,
        label: `${person} (${m.organisationName})`,
      };
      const found = problem('quality.mandate_unmatched', [record], {
        field: 'organisationName',
        value: m.organisationName,
        ...(suggestions[0] ? { suggestion: suggestions[0] } : {}),
        params: { person, hint },
      });
      return suggestions.length > 0 ? { ...found, suggestions } : found;
    });
}
