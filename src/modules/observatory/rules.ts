/**
 * The validation engine of a form: pure, so the server (draft save, submit, prefill) and
 * the tests share it. Errors block a submission; warnings are shown and must be confirmed
 * with a comment. Each finding names the indicator it is attached to and says, in French,
 * which figures disagree, so a member can fix it without calling the delegation.
 */
import type { IndicatorRule, IndicatorUnit } from './observatory.table.ts';

export interface RuleIndicator {
  code: string;
  label: string;
  unit: IndicatorUnit;
  required: boolean;
  rules: IndicatorRule[];
}

export type FindingKind = IndicatorRule['kind'] | 'required' | 'number';

export interface Finding {
  code: string;
  kind: FindingKind;
  severity: 'error' | 'warning';
  message: string;
}

export interface CheckResult {
  errors: Finding[];
  warnings: Finding[];
}

export type Values = Readonly<Record<string, number | null | undefined>>;

export interface PreviousValues {
  year: number;
  values: Values;
}

const decimals = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const fmt = (n: number) => decimals.format(n);

const present = (v: number | null | undefined): v is number => typeof v === 'number';

/**
 * Checks `values` against the indicators of one form (those applicable to its convention
 * type). Values of other codes are ignored; a rule whose other operand is missing or not
 * applicable is skipped (the missing value is reported by `required` when it must be there).
 */
export function checkValues(
  indicators: readonly RuleIndicator[],
  values: Values,
  previous: PreviousValues | null = null,
): CheckResult {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const findings: Finding[] = [];
  const usable = (code: string): number | undefined => {
    const v = byCode.has(code) ? values[code] : undefined;
    return present(v) && Number.isFinite(v) ? v : undefined;
  };
  for (const indicator of indicators) {
    const raw = values[indicator.code];
    const add = (kind: FindingKind, severity: Finding['severity'], text: string) =>
      findings.push({ code: indicator.code, kind, severity, message: `${indicator.label} : ${text}` });
    if (!present(raw)) {
      if (indicator.required) add('required', 'error', 'valeur obligatoire.');
      continue;
    }
    if (!Number.isFinite(raw)) {
      add('number', 'error', 'la valeur n’est pas un nombre.');
      continue;
    }
    for (const rule of indicator.rules) {
      const problem = ruleProblem(rule, raw, indicator.code, usable, byCode, previous);
      if (problem) add(rule.kind, rule.severity, problem);
    }
  }
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

function ruleProblem(
  rule: IndicatorRule,
  value: number,
  code: string,
  usable: (code: string) => number | undefined,
  byCode: Map<string, RuleIndicator>,
  previous: PreviousValues | null,
): string | null {
  const labelOf = (other: string) => byCode.get(other)?.label ?? other;
  switch (rule.kind) {
    case 'range':
      if (rule.min !== undefined && value < rule.min)
        return `${fmt(value)} est inférieur au minimum ${fmt(rule.min)}.`;
      if (rule.max !== undefined && value > rule.max)
        return `${fmt(value)} est supérieur au maximum ${fmt(rule.max)}.`;
      return null;
    case 'integer':
      return Number.isInteger(value) ? null : `${fmt(value)} n’est pas un nombre entier.`;
    case 'sum': {
      const parts = rule.parts.filter((p) => p !== code).map(usable);
      // Nothing entered among the parts yet: nothing to compare.
      if (parts.every((p) => p === undefined)) return null;
      const sum = parts.reduce<number>((total, p) => total + (p ?? 0), 0);
      // Values are kept to the cent: compare at that precision, not in binary floating point.
      if (Math.abs(sum - value) < 0.005) return null;
      return `somme par catégorie ${fmt(sum)} ≠ total ${fmt(value)}.`;
    }
    case 'atMost': {
      const other = rule.of === code ? undefined : usable(rule.of);
      if (other === undefined || value <= other) return null;
      return `${fmt(value)} > ${labelOf(rule.of)} ${fmt(other)} (ne peut pas dépasser).`;
    }
    case 'ratio': {
      const other = rule.of === code ? undefined : usable(rule.of);
      if (other === undefined || !(rule.divisor > 0)) return null;
      const expected = other / rule.divisor;
      const gap =
        expected === 0
          ? value === 0
            ? 0
            : Number.POSITIVE_INFINITY
          : Math.abs(value - expected) / Math.abs(expected);
      if (!(gap > rule.tolerance)) return null;
      return `${fmt(value)} ≠ ${labelOf(rule.of)} / ${fmt(rule.divisor)} = ${oneDecimal.format(expected)} (écart > ${fmt(rule.tolerance * 100)} %).`;
    }
    case 'change': {
      const before = previous?.values[code];
      if (!previous || !present(before) || !Number.isFinite(before) || before === 0) return null;
      const change = (value - before) / Math.abs(before);
      if (!(Math.abs(change) > rule.ratio)) return null;
      const percent = Math.round(change * 100);
      const signed = `${percent >= 0 ? '+' : '-'}${decimals.format(Math.abs(percent))}`;
      return `${signed} % depuis ${previous.year} (${fmt(before)} → ${fmt(value)}).`;
    }
  }
}
