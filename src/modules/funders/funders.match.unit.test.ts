import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MatchableFunder, type Project, rankFunders, scoreFunder } from './funders.match.ts';

const funder = (over: Partial<MatchableFunder> = {}): MatchableFunder => ({
  name: 'Fondation A',
  themes: ['Insertion', 'Mobilité'],
  territories: ['81'],
  beneficiaryTypes: ['ACI'],
  amountMin: 5000,
  amountMax: 30000,
  ...over,
});
const project = (over: Partial<Project> = {}): Project => ({
  themes: ['insertion'],
  department: '81',
  amountSought: 10000,
  conventionTypes: ['ACI'],
  ...over,
});

describe('scoreFunder', () => {
  it('gives a French reason for each point', () => {
    const result = scoreFunder(funder(), project());
    expect(result).toEqual({
      excluded: false,
      score: 85,
      reasons: [
        'Intervient dans ce département : Tarn (81)',
        'Finance les ACI',
        'Thème commun : Insertion',
        'Montant dans la fourchette 5 000–30 000 €',
      ],
    });
  });

  it('excludes a funder active elsewhere or reserved to other structures', () => {
    expect(scoreFunder(funder({ territories: ['31'] }), project())).toMatchObject({ excluded: true });
    expect(scoreFunder(funder(), project({ conventionTypes: ['EI'] }))).toEqual({
      excluded: true,
      reason: 'Ne finance pas les EI',
    });
  });

  it('accepts regional and national funders, ranked below local ones', () => {
    const ranked = rankFunders(
      [
        funder({ name: 'N', territories: ['national'] }),
        funder({ name: 'R', territories: ['region'] }),
        funder(),
      ],
      project(),
    );
    expect(ranked.map((r) => r.funder.name)).toEqual(['Fondation A', 'R', 'N']);
    expect(ranked[1]?.reasons[0]).toBe('Intervient dans toute la région');
  });

  it('lowers the score of an amount out of range, saying why', () => {
    const inside = scoreFunder(funder(), project());
    const outside = scoreFunder(funder(), project({ amountSought: 50000 }));
    if (inside.excluded || outside.excluded) throw new Error('excluded');
    expect(outside.score).toBeLessThan(inside.score);
    expect(outside.reasons).toContain('Montant hors fourchette (5 000–30 000 €)');
    const openEnded = scoreFunder(funder({ amountMax: null }), project({ amountSought: 50000 }));
    expect(openEnded.excluded || openEnded.reasons).toContain(
      'Montant dans la fourchette à partir de 5 000 €',
    );
  });

  it('matches themes regardless of accents and case, once each', () => {
    const result = scoreFunder(
      funder({ themes: ['Mobilité', 'mobilite'], beneficiaryTypes: [], territories: [] }),
      project({ themes: ['MOBILITE'], amountSought: null }),
    );
    expect(result).toEqual({ excluded: false, score: 30, reasons: ['Thème commun : Mobilité'] });
  });

  it('never lowers a score when the project adds a theme the funder has', () => {
    const theme = fc.constantFrom('insertion', 'mobilité', 'numérique', 'logement', 'santé', 'culture');
    fc.assert(
      fc.property(
        fc.array(theme, { maxLength: 6 }),
        fc.array(theme, { maxLength: 4 }),
        theme,
        fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }),
        fc.constantFrom<string[]>(['81'], ['region'], ['national'], []),
        (funderThemes, projectThemes, added, sought, territories) => {
          const f = funder({ themes: [...funderThemes, added], territories });
          const before = scoreFunder(f, project({ themes: projectThemes, amountSought: sought }));
          const after = scoreFunder(f, project({ themes: [...projectThemes, added], amountSought: sought }));
          if (before.excluded || after.excluded) return before.excluded === after.excluded;
          return after.score >= before.score;
        },
      ),
    );
  });
});
