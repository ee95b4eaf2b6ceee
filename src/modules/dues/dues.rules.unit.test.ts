import { describe, expect, it } from 'vitest';
import { amountFor, checkRules } from './dues.rules.ts';
import type { DuesRule } from './dues.table.ts';

const grid: DuesRule[] = [
  { conventionType: 'AI', from: null, to: 10, amount: 300 },
  { conventionType: 'AI', from: 10, to: null, amount: 600 },
  { conventionType: 'ACI', from: null, to: null, amount: 450 },
  { conventionType: null, from: null, to: null, amount: 200 },
];

describe('dues grid', () => {
  it('picks the rule of the member type and size, the highest when several types match', () => {
    expect(amountFor(grid, ['AI'], 4)).toBe(300);
    expect(amountFor(grid, ['AI'], 10)).toBe(600);
    expect(amountFor(grid, ['AI', 'ACI'], 4)).toBe(450);
    expect(amountFor(grid, ['EBE'], null)).toBe(200);
  });

  it('cannot compute a size-based amount without the size', () => {
    expect(amountFor(grid, ['AI'], null)).toBeNull();
  });

  it('refuses overlapping ranges, inverted ranges and negative amounts', () => {
    expect(checkRules(grid)).toEqual([]);
    expect(
      checkRules([
        { conventionType: 'AI', from: 0, to: 20, amount: 100 },
        { conventionType: 'AI', from: 10, to: 30, amount: 200 },
        { conventionType: 'ACI', from: 5, to: 5, amount: -1 },
      ]),
    ).toEqual([
      { field: 'rules.2.amount', code: 'dues.amount_invalid' },
      { field: 'rules.2.to', code: 'dues.range_invalid' },
      { field: 'rules.1.from', code: 'dues.rules_overlap' },
    ]);
  });
});
