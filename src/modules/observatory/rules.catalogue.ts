/**
 * Coherence of a catalogue's rules, checked when staff edit it and before a campaign
 * opens: a rule that names a code nobody defines would silently never fire, so it is
 * refused with the field it sits in (`rules.1.parts.0`). Shapes (kinds, numbers) are
 * the schema's job; this is about how indicators refer to one another.
 */
import type { IndicatorRule } from './observatory.table.ts';

export interface CatalogueEntry {
  code: string;
  rules: readonly IndicatorRule[];
}

export interface CatalogueProblem {
  /** The indicator whose rule is wrong. */
  indicator: string;
  /** Path inside that indicator (`rules.2.of`). */
  field: string;
  code: string;
  params: Record<string, string>;
}

export function catalogueProblems(entries: readonly CatalogueEntry[]): CatalogueProblem[] {
  const known = new Set(entries.map((e) => e.code));
  const problems: CatalogueProblem[] = [];
  for (const entry of entries) {
    const report = (field: string, code: string, params: Record<string, string> = {}) =>
      problems.push({ indicator: entry.code, field, code, params });
    const reference = (field: string, other: string) => {
      if (other === entry.code) report(field, 'observatory.rule_self_reference');
      else if (!known.has(other)) report(field, 'observatory.rule_unknown_code', { code: other });
    };
    entry.rules.forEach((rule, i) => {
      const at = `rules.${i}`;
      switch (rule.kind) {
        case 'range':
          if (rule.min === undefined && rule.max === undefined)
            report(`${at}.min`, 'observatory.rule_range_empty');
          else if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
            report(`${at}.max`, 'observatory.rule_range_inverted');
          break;
        case 'sum': {
          const seen = new Set<string>();
          rule.parts.forEach((part, j) => {
            if (seen.has(part)) report(`${at}.parts.${j}`, 'observatory.rule_duplicate_part', { code: part });
            seen.add(part);
            reference(`${at}.parts.${j}`, part);
          });
          break;
        }
        case 'ratio':
        case 'atMost':
          reference(`${at}.of`, rule.of);
          break;
        case 'integer':
        case 'change':
          break;
      }
    });
  }
  return problems;
}

/** Codes of the indicators whose rules name `code`: they would break if it went away. */
export function referencesTo(entries: readonly CatalogueEntry[], code: string): string[] {
  return entries
    .filter((e) => e.code !== code)
    .filter((e) =>
      e.rules.some(
        (r) =>
          ((r.kind === 'ratio' || r.kind === 'atMost') && r.of === code) ||
          (r.kind === 'sum' && r.parts.includes(code)),
      ),
    )
    .map((e) => e.code);
}
