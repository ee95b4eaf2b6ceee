import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { proposeMapping, recogniseHeader } from './import.mapping.ts';
import { normaliseDepartment, parseDate, parseMembership, parseTypes } from './import.validate.ts';

// The national SIAE list is read where it lives (../shared/data, see its PROVENANCE.md), never copied.
const nationalList = fileURLToPath(
  new URL('../../../../shared/data/siae/2019_07_liste_siae_redacted.csv', import.meta.url),
);

describe('column recognition', () => {
  it.each([
    ['Nom', 'name'],
    ['Raison sociale', 'name'],
    ['name', 'name'],
    ['SIRET', 'siret'],
    ['N° SIRET', 'siret'],
    ['Adresse', 'address'],
    ['address', 'address'],
    ['Code postal', 'postcode'],
    ['CP', 'postcode'],
    ['zip', 'postcode'],
    ['postcode', 'postcode'],
    ['Ville', 'city'],
    ['Commune', 'city'],
    ['city', 'city'],
    ['Département', 'department'],
    ['dept', 'department'],
    ['Téléphone', 'phone'],
    ['Tél.', 'phone'],
    ['phone', 'phone'],
    ['E-mail', 'email'],
    ['Courriel', 'email'],
    ['email', 'email'],
    ['Site web', 'website'],
    ['website', 'website'],
    ['Type', 'types'],
    ['Conventionnement', 'types'],
    ['Structure type', 'types'],
    ["Date d'adhésion", 'joinedOn'],
    ['  DATE D’ADHÉSION ', 'joinedOn'],
    // Punctuation, plurals, abbreviations as other tools write them.
    ['Type(s)', 'types'],
    ['Types', 'types'],
    ['Tél', 'phone'],
    ['E-mail :', 'email'],
    ['Adresses', 'address'],
    ['Codes postaux', null],
    // Maillage's own export: "Adhésion" is the status, not the join date.
    ['Adhésion', 'membership'],
    ['Statut', 'membership'],
    ['Catégorie', 'membership'],
    ['Adhérent attesté depuis', 'knownFrom'],
    ['Date de départ', 'leftOn'],
    ['Organisation', 'name'],
  ])('recognises « %s » as %s', (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });

  it('does not guess an unknown header', () => {
    expect(recogniseHeader('Chiffre d’affaires')).toBeNull();
  });

  it('recognises every mappable column of the national SIAE list', () => {
    const header = readFileSync(nationalList, 'utf8').split('\n')[0]?.trim().split(';') ?? [];
    const mapping = proposeMapping(header);
    expect(mapping).toEqual({
      MESURE: 'types',
      CODE_DEPARTEMENT: 'department',
      CODE_POSTAL: 'postcode',
      COMMUNE: 'city',
      NATURE_JURIDIQUE: 'legalForm',
      SIRET: 'siret',
      DENOMINATION_SOCIALE: 'name',
      NUM_RUE: 'streetNumber',
      NOM_RUE: 'address',
      TELEPHONE: 'phone',
      MAIL_SIAE: 'email',
    });
    const unmapped = header.filter((h) => !(h in mapping));
    // Printed for the reader: the department's label, the NAF code and the commune's duplicate columns.
    console.info(`Colonnes de la liste nationale non associées : ${unmapped.join(', ')}`);
    expect(unmapped).toEqual(['LIBELLE_DPT', 'CODE_NAF2', 'CODE_POST_COM', 'LIB_COM']);
  });
});

describe('cell values', () => {
  it('reads a status or category column as member, former member or prospect', () => {
    expect(['Adhérent', 'membre actif', 'Membres'].map(parseMembership)).toEqual([
      'current',
      'current',
      'current',
    ]);
    expect(['Ancien adhérent', 'Anciens membres', 'radié'].map(parseMembership)).toEqual([
      'former',
      'former',
      'former',
    ]);
    expect(['Non adhérent', 'Prospect', 'Prospects'].map(parseMembership)).toEqual(['none', 'none', 'none']);
    expect(parseMembership('01/01/2024')).toBeNull();
  });

  it('reads types as the seed prints them, case-insensitive, and names unknown ones', () => {
    expect(parseTypes('AI/ ACI/ GES')).toEqual({ types: ['AI', 'ACI', 'GES'], unknown: [] });
    expect(parseTypes('ai, etti; ei eiti')).toEqual({ types: ['AI', 'ETTI', 'EI', 'EITI'], unknown: [] });
    expect(parseTypes('ACI / SCOP')).toEqual({ types: ['ACI'], unknown: ['SCOP'] });
  });

  it('reads the national list department codes', () => {
    expect(['001', '031', '02A', '974', '59L', '59V', '9'].map(normaliseDepartment)).toEqual([
      '01',
      '31',
      '2A',
      '974',
      '59',
      '59',
      '09',
    ]);
  });

  it('reads French and ISO dates, refuses impossible ones', () => {
    expect(parseDate('04/03/2021')).toBe('2021-03-04');
    expect(parseDate('2021-03-04')).toBe('2021-03-04');
    expect(parseDate('31/02/2021')).toBeNull();
    expect(parseDate('mars 2021')).toBeNull();
    // As a French LibreOffice saves a CSV's dates: two-digit years, read in its 1930–2029 window.
    expect(parseDate('01/01/24')).toBe('2024-01-01');
    expect(parseDate('15/06/95')).toBe('1995-06-15');
    expect(parseDate('31/12/29')).toBe('2029-12-31');
    expect(parseDate('01/01/30')).toBe('1930-01-01');
    expect(parseDate('29/02/23')).toBeNull();
    expect(parseDate('01/01/024')).toBeNull();
  });
});
