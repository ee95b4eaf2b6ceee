import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatFigure,
  formatNumber,
  formatParticipants,
  formatPercent,
  formatSource,
  formatValue,
  monthName,
  NBSP,
} from './report.format.ts';

// Written with a visible "_" for the no-break space, so the expectations read as printed.
const nb = (text: string) => text.replaceAll('_', NBSP);

describe('French formatting', () => {
  it('groups thousands with a no-break space and writes a decimal comma', () => {
    expect(formatNumber(1761)).toBe(nb('1_761'));
    expect(formatNumber(53)).toBe('53');
    expect(formatNumber(1234567)).toBe(nb('1_234_567'));
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(2.04)).toBe('2');
    expect(formatNumber(-1200)).toBe(nb('-1_200'));
    expect(formatNumber(-0.01)).toBe('0');
  });

  it('writes amounts in millions as printed in the seed', () => {
    expect(formatAmount(31_300_000)).toBe(nb('31,3_M€'));
    expect(formatAmount(34_500_000)).toBe(nb('34,5_M€'));
    expect(formatAmount(2_000_000)).toBe(nb('2_M€'));
    expect(formatAmount(45_000)).toBe(nb('45_000_€'));
    expect(formatAmount(1_200_000_000)).toBe(nb('1,2_Md€'));
  });

  it('writes percents, dates and months', () => {
    expect(formatPercent(42.35)).toBe(nb('42,4_%'));
    expect(formatDate('2024-05-16')).toBe('16 mai 2024');
    expect(formatDate('2024-02-01')).toBe('1er février 2024');
    expect(formatDate('2024-08-01', 'month')).toBe('août 2024');
    expect(formatDate('2024-12-18T10:00:00Z')).toBe('18 décembre 2024');
    expect(monthName(1)).toBe('janvier');
    expect(monthName(12)).toBe('décembre');
    expect(() => monthName(13)).toThrow(RangeError);
  });

  it('writes a figure with its unit, its qualifier, or "non renseigné" when missing', () => {
    expect(formatValue(101, 'people')).toBe(nb('101_personnes'));
    expect(formatValue(1, 'people')).toBe(nb('1_personne'));
    expect(formatValue(1761, 'hours')).toBe(nb('1_761_h'));
    expect(formatValue(31_300_000, 'euros')).toBe(nb('31,3_M€'));
    expect(formatFigure({ value: 4950, unit: 'people', qualifier: 'about' })).toBe(
      nb('près de 4_950_personnes'),
    );
    expect(formatFigure({ value: 80, unit: 'count', qualifier: 'at_least' })).toBe('plus de 80');
    expect(formatFigure({ value: null, unit: 'count' })).toBe('non renseigné');
    expect(formatFigure({ value: 0, unit: 'count' })).toBe('0');
  });

  it('says where a figure comes from', () => {
    expect(formatSource({ source: 'computed', from: '24 actions publiques de 2024' })).toBe(
      nb('Calculé_: 24 actions publiques de 2024'),
    );
    expect(formatSource({ source: 'declared', from: 'Observatoire 2024' })).toBe(
      nb('Déclaré_: Observatoire 2024'),
    );
  });

  it('writes participants as recorded', () => {
    expect(formatParticipants({ value: 80, qualifier: 'plus de', label: 'participants' })).toBe(
      nb('plus de 80_participants'),
    );
    expect(formatParticipants({ value: 1500, qualifier: null, label: '' })).toBe(nb('1_500_participants'));
  });

  it('reads back every integer it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(Number(formatNumber(n).replaceAll(NBSP, ''))).toBe(n);
      }),
    );
  });
});
