import type { GridPillar } from './quality-approaches.table.ts';

export interface Problem {
  field: string;
  code: string;
}

/** Ids unique across the grid (answers are keyed by criterion id) and levels numbered 1..n. */
export function checkGrid(pillars: GridPillar[]): Problem[] {
  const problems: Problem[] = [];
  const pillarIds = new Set<string>();
  const criterionIds = new Set<string>();
  pillars.forEach((pillar, p) => {
    if (pillarIds.has(pillar.id))
      problems.push({ field: `pillars.${p}.id`, code: 'qualityApproaches.duplicate_id' });
    pillarIds.add(pillar.id);
    pillar.criteria.forEach((criterion, c) => {
      const at = `pillars.${p}.criteria.${c}`;
      if (criterionIds.has(criterion.id))
        problems.push({ field: `${at}.id`, code: 'qualityApproaches.duplicate_id' });
      criterionIds.add(criterion.id);
      const levels = criterion.levels.map((l) => l.level).sort((a, b) => a - b);
      if (levels.some((level, i) => level !== i + 1))
        problems.push({ field: `${at}.levels`, code: 'qualityApproaches.levels_not_contiguous' });
    });
  });
  return problems;
}

const criteriaOf = (pillars: GridPillar[]) => pillars.flatMap((p) => p.criteria);

/** Answers must name a criterion of the grid and one of its levels. */
export function checkAnswers(pillars: GridPillar[], answers: Record<string, number>): Problem[] {
  const criteria = new Map(criteriaOf(pillars).map((c) => [c.id, c]));
  const problems: Problem[] = [];
  for (const [criterionId, level] of Object.entries(answers)) {
    const criterion = criteria.get(criterionId);
    if (!criterion)
      problems.push({ field: `answers.${criterionId}`, code: 'qualityApproaches.unknown_criterion' });
    else if (!criterion.levels.some((l) => l.level === level))
      problems.push({ field: `answers.${criterionId}`, code: 'qualityApproaches.unknown_level' });
  }
  return problems;
}

export function missingAnswers(pillars: GridPillar[], answers: Record<string, number>): Problem[] {
  return criteriaOf(pillars)
    .filter((c) => answers[c.id] === undefined)
    .map((c) => ({ field: `answers.${c.id}`, code: 'qualityApproaches.answer_missing' }));
}

/**
 * Score per pillar, 0–100: each criterion's level placed on its own scale (level 1 → 0,
 * top level → 100) so criteria with different numbers of levels weigh the same, then averaged.
 */
export function scorePillars(pillars: GridPillar[], answers: Record<string, number>): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const pillar of pillars) {
    const parts = pillar.criteria.map((c) => {
      const top = Math.max(...c.levels.map((l) => l.level));
      return ((answers[c.id] ?? 1) - 1) / (top - 1);
    });
    scores[pillar.id] = Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100);
  }
  return scores;
}
