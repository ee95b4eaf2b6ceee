import { describe, expect, it } from 'vitest';
import { rankCandidates, regionOf } from './purchasing.match.ts';

const member = (name: string, activities: string[], departments: string[]) => ({
  organisationId: name.toLowerCase(),
  name,
  activities,
  departments,
});

describe('rankCandidates', () => {
  const members = [
    member('LOIN', ['Espaces verts'], ['75']),
    member('VOISIN', ['Espaces verts'], ['31']),
    member('SUR PLACE', ['entretien des ESPACES VERTS', 'Nettoyage'], ['46']),
    member('AUTRE', ['Couture'], ['46']),
    member('RIEN', ['Couture'], ['13']),
  ];

  it('ranks by shared activities, then department, then region, with French reasons', () => {
    const ranked = rankCandidates({ activities: ['espaces verts', 'nettoyage'], department: '46' }, members);
    expect(ranked.map((c) => c.name)).toEqual(['SUR PLACE', 'VOISIN', 'LOIN', 'AUTRE']);
    expect(ranked[0]).toMatchObject({
      sharedActivities: ['espaces verts', 'nettoyage'],
      territory: 'department',
      reasons: ['Activités communes : espaces verts, nettoyage', 'Présent dans le département 46'],
    });
    expect(ranked[1]!.reasons).toEqual([
      'Activité commune : espaces verts',
      'Présent dans la région (Occitanie)',
    ]);
    expect(ranked[2]!.territory).toBeNull();
    expect(ranked[3]!.reasons).toEqual(['Présent dans le département 46']);
  });

  it('compares activities without accents or case, on whole words', () => {
    const ranked = rankCandidates({ activities: ['Ménage'], department: null }, [
      member('A', ['MENAGE'], []),
      member('B', ['ménagerie'], []),
    ]);
    expect(ranked.map((c) => c.name)).toEqual(['A']);
  });

  it('leaves out everyone when the opportunity says neither activity nor place', () => {
    expect(rankCandidates({ activities: [], department: null }, members)).toEqual([]);
  });
});

describe('regionOf', () => {
  it('knows metropolitan, Corsican and overseas departments', () => {
    expect(regionOf('09')).toBe('Occitanie');
    expect(regionOf('2a')).toBe('Corse');
    expect(regionOf('974')).toBe('La Réunion');
    expect(regionOf('99')).toBeNull();
    expect(regionOf(null)).toBeNull();
  });
});
