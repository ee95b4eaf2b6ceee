import { describe, expect, it } from 'vitest';
import { directoryHaystack, filterDirectory, matchesAllWords, searchWords } from './directory.search.ts';
import type { PublicStructure } from './members.schemas.ts';

const entry = (patch: Partial<PublicStructure>): PublicStructure => ({
  id: patch.name ?? 'x',
  organisationId: patch.name ?? 'x',
  name: 'X',
  types: ['AI'],
  department: null,
  postcode: null,
  city: null,
  address: null,
  phone: null,
  email: null,
  website: null,
  activities: [],
  listedUnder: [],
  ...patch,
});

describe('the directory search', () => {
  const irisse = entry({
    name: 'IRISSE',
    city: 'SAINT GIRONS',
    postcode: '09200',
    department: '09',
    listedUnder: ['09'],
  });
  const annee = entry({
    name: 'ATELIER 2009',
    city: 'RODEZ',
    postcode: '12000',
    department: '12',
    listedUnder: ['12'],
  });
  const stAlban = entry({
    name: "SOL'ECO",
    city: 'ST-ALBAN',
    postcode: '31140',
    department: '31',
    listedUnder: ['31', '81'],
  });

  it('spells "st" out, in the query and in the entry', () => {
    expect(searchWords('St-Girons')).toEqual(['saint', 'girons']);
    expect(matchesAllWords(directoryHaystack(stAlban), searchWords('saint alban'))).toBe(true);
    expect(matchesAllWords(directoryHaystack(irisse), searchWords('st girons'))).toBe(true);
  });

  it('matches a number at the start of a word only', () => {
    const found = (q: string) => filterDirectory([irisse, annee, stAlban], { q }).map((e) => e.name);
    expect(found('09')).toEqual(['IRISSE']);
    expect(found('2009')).toEqual(['ATELIER 2009']);
    expect(found('0920')).toEqual(['IRISSE']);
    expect(found('81')).toEqual(["SOL'ECO"]);
  });

  it('wants every word, from any field, department names included', () => {
    const found = (q: string) => filterDirectory([irisse, annee, stAlban], { q }).map((e) => e.name);
    expect(found('irisse ariege')).toEqual(['IRISSE']);
    expect(found('tarn')).toEqual(["SOL'ECO"]);
    expect(found('aveyron atelier')).toEqual(['ATELIER 2009']);
    expect(found('irisse rodez')).toEqual([]);
    expect(found('?!')).toEqual([]);
  });

  it('keeps the other filters', () => {
    expect(filterDirectory([irisse, annee, stAlban], { department: '81' })).toEqual([stAlban]);
    expect(filterDirectory([irisse, annee, stAlban], { type: 'ACI' })).toEqual([]);
  });
});
