import { describe, expect, it } from 'vitest';
import { checkSiren, checkSiret } from './members.validation.ts';
import {
  closestNames,
  editDistance,
  findProblems,
  problemKey,
  type QualityData,
  type QualityEstablishment,
} from './quality.checks.ts';
import { QUALITY_CHECK_CODES, qualityMessages } from './quality.messages.ts';

const siret = (first13: string) => {
  for (let d = 0; d <= 9; d++) if (checkSiret(first13 + d).ok) return first13 + d;
  throw new Error('no key');
};
const siren = (first8: string) => {
  for (let d = 0; d <= 9; d++) if (checkSiren(first8 + d).ok) return first8 + d;
  throw new Error('no key');
};

const place = (id: string, organisationId: string, fields: Partial<QualityEstablishment> = {}) => ({
  id,
  organisationId,
  siret: null,
  address: null,
  postcode: '31250',
  city: 'REVEL',
  department: '31',
  phone: null,
  email: null,
  ...fields,
});
// A SIRET whose key digit is off by one: the typo the checksum exists to catch.
const broken = (valid: string) => valid.slice(0, -1) + String((Number(valid.at(-1)) + 1) % 10);
const data = (fields: Partial<QualityData>): QualityData => ({
  organisations: [],
  establishments: [],
  conventions: [],
  mandates: [],
  ...fields,
});
const org = (id: string, name: string, fields: { siren?: string; currentMember?: boolean } = {}) => ({
  id,
  name,
  siren: fields.siren ?? null,
  currentMember: fields.currentMember ?? false,
});

describe('findProblems: one record', () => {
  it('reports nothing for a clean record, and no missing optional data', () => {
    const found = findProblems(
      data({
        organisations: [org('o1', 'AILES', { currentMember: true })],
        establishments: [place('e1', 'o1', { phone: '05 61 27 51 60', email: 'accueil@ailes.fr' })],
        conventions: [{ id: 'c1', organisationId: 'o1', type: 'AI', departments: ['31'] }],
      }),
    );
    expect(found).toEqual([]);
  });

  it('names the record, the field and the value, and proposes the normalised phone', () => {
    const found = findProblems(
      data({
        organisations: [org('o1', 'GERMEN')],
        establishments: [place('e1', 'o1', { phone: '07.66.61.29.99', postcode: '8200', email: 'x@@y' })],
      }),
    );
    expect(found.map((p) => [p.code, p.field, p.value, p.severity])).toEqual([
      ['quality.postcode_format', 'postcode', '8200', 'error'],
      ['quality.phone_not_normalised', 'phone', '07.66.61.29.99', 'warning'],
      ['quality.email_invalid', 'email', 'x@@y', 'error'],
    ]);
    expect(found[1]?.suggestion).toBe('07 66 61 29 99');
    expect(found[1]?.message).toBe(
      'GERMEN : le téléphone « 07.66.61.29.99 » n’est pas écrit sous la forme habituelle « 07 66 61 29 99 ».',
    );
    expect(found[0]?.records).toEqual([
      { table: 'establishments', id: 'e1', organisationId: 'o1', label: 'GERMEN' },
    ]);
  });

  it('checks SIRET, SIREN and their agreement, and postcodes against the department', () => {
    const found = findProblems(
      data({
        organisations: [org('o1', 'A', { siren: siren('42112345') }), org('o2', 'B', { siren: '123456789' })],
        establishments: [
          place('e1', 'o1', { siret: siret('7328293200009') }),
          place('e2', 'o2', { siret: broken(siret('7328293200009')), postcode: '99999' }),
          place('e3', 'o2', { postcode: '09000', department: '31' }),
        ],
      }),
    );
    expect(found.map((p) => [p.code, p.records.map((r) => r.id).join()])).toEqual([
      ['quality.siret_invalid', 'e2'],
      ['quality.siren_invalid', 'o2'],
      ['quality.siret_siren_mismatch', 'e1'],
      ['quality.postcode_unknown', 'e2'],
      ['quality.postcode_department_mismatch', 'e3'],
    ]);
  });

  it('flags a current member without a convention, not a former one', () => {
    const found = findProblems(
      data({ organisations: [org('o1', 'ACTUEL', { currentMember: true }), org('o2', 'ANCIEN')] }),
    );
    expect(found.map((p) => [p.code, p.records[0]?.id])).toEqual([
      ['quality.member_without_convention', 'o1'],
    ]);
  });
});

describe('findProblems: records together', () => {
  it('reports a phone, e-mail or address shared by two organisations, not by one organisation’s two places', () => {
    const found = findProblems(
      data({
        organisations: [org('o1', 'LE PETIT MAGASIN'), org('o2', 'ACTES'), org('o3', 'AVIE')],
        establishments: [
          place('e1', 'o1', { phone: '04 68 68 31 41', email: 'N@asso.fr', address: '5 Place Voltaire' }),
          place('e2', 'o2', { phone: '04.68.68.31.41', email: 'n@asso.fr', address: '5, place Voltaire' }),
          place('e3', 'o3', { email: 'avie@asso.fr', city: 'VILLEMUR' }),
          place('e4', 'o3', { email: 'avie@asso.fr', city: 'MONTAUBAN' }),
        ],
      }),
    );
    const shared = found.filter((p) => p.code.startsWith('quality.shared_'));
    expect(shared.map((p) => [p.code, p.value, p.records.map((r) => r.label)])).toEqual([
      ['quality.shared_email', 'n@asso.fr', ['ACTES', 'LE PETIT MAGASIN']],
      ['quality.shared_phone', '04 68 68 31 41', ['ACTES', 'LE PETIT MAGASIN']],
      ['quality.shared_address', '5 Place Voltaire 31250 REVEL', ['ACTES', 'LE PETIT MAGASIN']],
    ]);
    expect(shared[0]?.key).toBe('quality.shared_email|e1,e2|n@asso.fr');
  });

  it('reports a likely duplicate: same normalised name at the same postcode', () => {
    const found = findProblems(
      data({
        organisations: [org('o1', "Inter'Em"), org('o2', 'INTER EM'), org('o3', 'INTER EM')],
        establishments: [place('e1', 'o1'), place('e2', 'o2'), place('e3', 'o3', { postcode: '31700' })],
      }),
    );
    const duplicates = found.filter((p) => p.code === 'quality.duplicate_name');
    expect(duplicates.map((p) => p.records.map((r) => r.id))).toEqual([['e2', 'e1']]);
    expect(duplicates[0]?.message).toContain('31250');
  });

  it('reports a department a convention covers where the organisation has no establishment', () => {
    const found = findProblems(
      data({
        organisations: [org('o1', 'AILES', { currentMember: true })],
        establishments: [place('e1', 'o1')],
        conventions: [{ id: 'c1', organisationId: 'o1', type: 'AI', departments: ['31', '81'] }],
      }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'quality.department_without_establishment', value: '81' });
    expect(found[0]?.message).toBe(
      'AILES est listée dans le département 81 (convention AI) mais n’y a aucun établissement.',
    );
  });

  it('suggests the closest member names for an unmatched board affiliation', () => {
    const found = findProblems(
      data({
        organisations: [
          org('o1', 'LE TREMPLIN', { currentMember: true }),
          org('o2', "TREMPLIN POUR L'EMPLOI", { currentMember: true }),
          org('o3', 'CASTA', { currentMember: true }),
        ],
        conventions: ['o1', 'o2', 'o3'].map((id) => ({
          id: `c-${id}`,
          organisationId: id,
          type: 'AI',
          departments: [],
        })),
        mandates: [
          {
            id: 'm1',
            firstName: 'Marie',
            lastName: 'X',
            organisationName: 'LE TREMLIN',
            organisationId: null,
          },
          {
            id: 'm2',
            firstName: 'Camille',
            lastName: 'Y',
            organisationName: "TREMLIN POUR L'EMPLOI",
            organisationId: null,
          },
          { id: 'm3', firstName: 'Ana', lastName: 'Z', organisationName: 'CASTA', organisationId: 'o3' },
        ],
      }),
    );
    expect(found.map((p) => [p.value, p.suggestion])).toEqual([
      ['LE TREMLIN', 'LE TREMPLIN'],
      ["TREMLIN POUR L'EMPLOI", "TREMPLIN POUR L'EMPLOI"],
    ]);
    expect(found[0]?.message).toContain('Organisations proches : LE TREMPLIN.');
  });
});

describe('helpers', () => {
  it('measures edit distance and ranks close names', () => {
    expect(editDistance('le tremlin', 'le tremplin')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestNames('LE TREMLIN', ["TREMPLIN POUR L'EMPLOI", 'LE TREMPLIN', 'CASTA'])).toEqual([
      'LE TREMPLIN',
    ]);
    expect(closestNames('ZZZ', ['CASTA'])).toEqual([]);
  });

  it('keys a problem by code, sorted ids and value', () => {
    expect(problemKey('quality.shared_phone', ['b', 'a'], '01')).toBe('quality.shared_phone|a,b|01');
    expect(problemKey('quality.member_without_convention', ['a'])).toBe(
      'quality.member_without_convention|a|',
    );
  });

  it('has a French message for every check', () => {
    for (const code of QUALITY_CHECK_CODES) expect(qualityMessages[code]).toMatch(/\S/);
  });
});
