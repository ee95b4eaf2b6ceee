import type { DuesRule } from './dues.table.ts';

export interface RuleProblem {
  field: string;
  code: string;
}

/**
 * A grid is usable when every rule has a non-negative amount and a sensible range, and
 * no two rules of the same convention type overlap (one member, one amount).
 */
export function checkRules(rules: DuesRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  rules.forEach((rule, index) => {
    if (!(rule.amount >= 0)) problems.push({ field: `rules.${index}.amount`, code: 'dues.amount_invalid' });
    if (rule.from !== null && rule.to !== null && rule.to <= rule.from) {
      problems.push({ field: `rules.${index}.to`, code: 'dues.range_invalid' });
    }
  });
  rules.forEach((rule, index) => {
    for (let other = 0; other < index; other++) {
      const previous = rules[other] as DuesRule;
      if (previous.conventionType === rule.conventionType && overlaps(previous, rule)) {
        problems.push({ field: `rules.${index}.from`, code: 'dues.rules_overlap' });
        break;
      }
    }
  });
  return problems;
}

function overlaps(a: DuesRule, b: DuesRule): boolean {
  const aFrom = a.from ?? Number.NEGATIVE_INFINITY;
  const bFrom = b.from ?? Number.NEGATIVE_INFINITY;
  const aTo = a.to ?? Number.POSITIVE_INFINITY;
  const bTo = b.to ?? Number.POSITIVE_INFINITY;
  return aFrom < bTo && bFrom < aTo;
}

/**
 * The amount a member owes under a grid: the rule of one of its convention types (the
 * highest amount if several types match, since one organisation pays once), else a rule
 * for any type. The basis value is needed unless every matching rule is unbounded.
 */
export function amountFor(rules: DuesRule[], types: string[], basisValue: number | null): number | null {
  const inRange = (rule: DuesRule) => {
    if (rule.from === null && rule.to === null) return true;
    if (basisValue === null) return false;
    return (rule.from === null || basisValue >= rule.from) && (rule.to === null || basisValue < rule.to);
  };
  // Rules written for the member's types win over rules for any type, even when the size
  // is missing: then the amount cannot be computed, rather than silently be the default.
  const typed = rules.filter((r) => r.conventionType !== null && types.includes(r.conventionType));
  const applicable = typed.length > 0 ? typed : rules.filter((r) => r.conventionType === null);
  const candidates = applicable.filter(inRange);
  if (candidates.length === 0) return null;
  return Math.max(...candidates.map((r) => r.amount));
}
