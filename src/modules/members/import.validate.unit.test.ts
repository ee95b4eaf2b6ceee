import { describe, expect, it } from 'vitest';
import { proposeMapping } from './import.mapping.ts';
import { planImport, type RegistryIndex } from './import.validate.ts';

const emptyRegistry = (): RegistryIndex => ({
  bySiret: new Map(),
  byNamePostcode: new Map(),
  bySiren: new Map(),
  placeByNamePostcode: new Map(),
  organisationsWithSiren: new Set(),
});

function plan(lines: string[], registry = emptyRegistry()) {
  const [head = '', ...rest] = lines;
  const headers = head.split(';');
  const rows = rest.map((line, i) => ({ line: i + 2, cells: line.split(';') }));
  return planImport(rows, headers, proposeMapping(headers), registry);
}
const codes = (p: ReturnType<typeof plan>) => p.problems.map((x) => [x.line, x.code, x.severity]);

describe('the real variety of French addresses', () => {
  it('accepts CEDEX codes, overseas collectivities, Corsica and postcodes shared by several towns', () => {
    const result = plan([
      'Nom;Code postal;Ville;Département;Type',
      'A;31106;TOULOUSE CEDEX 1;31;AI',
      'B;97150;Saint-Martin;978;ACI',
      'C;97133;Saint-Barthélemy;977;ACI',
      'D;20000;Ajaccio;2A;EI',
      'E;20200;Bastia;2B;EI',
      'F;98714;Papeete;987;AI',
      // 05110 serves towns of Hautes-Alpes (05) and Alpes-de-Haute-Provence (04).
      'G;05110;La Saulce;05;AI',
      'H;05110;Claret;04;AI',
    ]);
    expect(codes(result)).toEqual([]);
    expect(result.entries.map((e) => e.values.department)).toEqual([
      '31',
      '978',
      '977',
      '2A',
      '2B',
      '987',
      '05',
      '04',
    ]);
  });

  it('refuses a code no list knows, reads a CEDEX code of the given department, restores lost zeros when certain', () => {
    const result = plan([
      'Nom;Code postal;Département;Ville;Type',
      'A;31999;;TOULOUSE;AI',
      'B;9000;9;FOIX;AI',
      'C;9000;;FOIX;AI',
      // The national list: Lesquin's CEDEX code, and an address outside the convention's department.
      'D;59815;059;LESQUIN;ETTI',
      'E;08000;002;CHARLEVILLE MEZIERES;ETTI',
    ]);
    expect(codes(result)).toEqual([
      [2, 'members.postcode_unknown', 'error'],
      [3, 'import.department_zero_restored', 'warning'],
      [3, 'import.postcode_zero_restored', 'warning'],
      [4, 'members.postcode_format', 'error'],
      [5, 'import.postcode_cedex', 'warning'],
      [6, 'import.postcode_other_department', 'warning'],
    ]);
    expect(result.entries.map((e) => [e.values.postcode, e.values.department])).toEqual([
      ['09000', '09'],
      ['59815', '59'],
      ['08000', '08'],
    ]);
  });
});

describe('duplicates are decided by SIRET/SIREN', () => {
  it('two SIRENs with near or equal names are two organisations; a name alone only warns', () => {
    const result = plan([
      'Nom;SIRET;Code postal;Type',
      'ENVIE 2E;73282932000074;09000;AI',
      'ENVIE 2E;44306184100047;09000;AI',
      'ENVIE 2F;;09000;AI',
      'ENVIE 2F;;09000;AI',
    ]);
    expect(codes(result)).toEqual([[5, 'import.duplicate_in_file', 'warning']]);
    expect(result.entries).toHaveLength(4);
  });
});
