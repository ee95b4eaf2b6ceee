import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID } from './default-grid.ts';
import { checkAnswers, checkGrid, missingAnswers, scorePillars } from './grid.rules.ts';
import type { GridPillar } from './quality-approaches.table.ts';

const levels = (n: number) => Array.from({ length: n }, (_, i) => ({ level: i + 1, label: `N${i + 1}` }));
const grid: GridPillar[] = [
  {
    id: 'a',
    label: 'A',
    criteria: [
      { id: 'a1', label: 'A1', levels: levels(4) },
      { id: 'a2', label: 'A2', levels: levels(3) },
    ],
  },
  { id: 'b', label: 'B', criteria: [{ id: 'b1', label: 'B1', levels: levels(4) }] },
];

describe('grid rules', () => {
  it('accepts the default grid', () => {
    expect(checkGrid(DEFAULT_GRID)).toEqual([]);
    expect(DEFAULT_GRID.map((p) => p.label)).toContain('Cœur de métier IAE');
  });

  it('refuses duplicate ids and levels with gaps, on the field', () => {
    const bad: GridPillar[] = [
      grid[0]!,
      {
        id: 'a',
        label: 'A bis',
        criteria: [
          {
            id: 'a1',
            label: 'x',
            levels: [
              { level: 1, label: '1' },
              { level: 3, label: '3' },
            ],
          },
        ],
      },
    ];
    expect(checkGrid(bad)).toEqual([
      { field: 'pillars.1.id', code: 'qualityApproaches.duplicate_id' },
      { field: 'pillars.1.criteria.0.id', code: 'qualityApproaches.duplicate_id' },
      { field: 'pillars.1.criteria.0.levels', code: 'qualityApproaches.levels_not_contiguous' },
    ]);
  });

  it('checks answers against the grid and lists the missing ones', () => {
    expect(checkAnswers(grid, { a1: 5, zz: 1 }).map((p) => p.code)).toEqual([
      'qualityApproaches.unknown_level',
      'qualityApproaches.unknown_criterion',
    ]);
    expect(missingAnswers(grid, { a1: 2 }).map((p) => p.field)).toEqual(['answers.a2', 'answers.b1']);
  });

  it('scores each pillar from 0 to 100, each criterion on its own scale', () => {
    // a1: level 4 of 4 → 100; a2: level 2 of 3 → 50; mean 75. b1: level 1 → 0.
    expect(scorePillars(grid, { a1: 4, a2: 2, b1: 1 })).toEqual({ a: 75, b: 0 });
    expect(scorePillars(grid, { a1: 2, a2: 1, b1: 4 })).toEqual({ a: 17, b: 100 });
  });
});
