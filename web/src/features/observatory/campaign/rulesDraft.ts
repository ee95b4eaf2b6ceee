import { t } from '../../../i18n';
import type { FieldErrors } from '../../../ui/FormErrors';
import type { IndicatorRule, RuleKind } from './api';
import { figureText, formatFigure, parseFigure } from './labels';

/** A rule as the editor holds it: every number as typed, percentages in percent. */
export interface RuleDraft {
  kind: RuleKind;
  severity: 'error' | 'warning';
  min: string;
  max: string;
  parts: string[];
  of: string;
  divisor: string;
  tolerance: string;
  ratio: string;
}

export const ruleKinds: RuleKind[] = ['range', 'integer', 'sum', 'ratio', 'atMost', 'change'];
/** Kinds whose severity is fixed by the server's rule shape. */
export const fixedSeverity: Partial<Record<RuleKind, 'error' | 'warning'>> = {
  integer: 'error',
  change: 'warning',
};

export function emptyDraft(kind: RuleKind): RuleDraft {
  return {
    kind,
    severity: fixedSeverity[kind] ?? 'error',
    min: kind === 'range' ? '0' : '',
    max: '',
    parts: [],
    of: '',
    divisor: kind === 'ratio' ? '1607' : '',
    tolerance: kind === 'ratio' ? '5' : '',
    ratio: kind === 'change' ? '50' : '',
  };
}

const percent = (fraction: number) => figureText(Math.round(fraction * 10_000) / 100);

export function toDraft(rule: IndicatorRule): RuleDraft {
  const draft = { ...emptyDraft(rule.kind), severity: rule.severity };
  switch (rule.kind) {
    case 'range':
      return {
        ...draft,
        min: rule.min === undefined ? '' : figureText(rule.min),
        max: rule.max === undefined ? '' : figureText(rule.max),
      };
    case 'sum':
      return { ...draft, parts: rule.parts };
    case 'ratio':
      return { ...draft, of: rule.of, divisor: figureText(rule.divisor), tolerance: percent(rule.tolerance) };
    case 'atMost':
      return { ...draft, of: rule.of };
    case 'change':
      return { ...draft, ratio: percent(rule.ratio) };
    case 'integer':
      return draft;
  }
}

/** The rules to send, or the local errors (`rules.1.min`) of numbers that are not numbers. */
export function fromDrafts(drafts: RuleDraft[]): { rules: IndicatorRule[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (i: number, name: string, text: string, optional = false): number | undefined => {
    const value = parseFigure(text);
    if (value === null && optional) return undefined;
    if (value === null || value === undefined) {
      errors[`rules.${i}.${name}`] = value === null ? t('common.required') : t('observatory.form.notANumber');
      return undefined;
    }
    return value;
  };
  const rules = drafts.map((d, i): IndicatorRule => {
    const severity = d.severity;
    switch (d.kind) {
      case 'range':
        return {
          kind: 'range',
          min: number(i, 'min', d.min, true),
          max: number(i, 'max', d.max, true),
          severity,
        };
      case 'integer':
        return { kind: 'integer', severity: 'error' };
      case 'sum':
        return { kind: 'sum', parts: d.parts, severity };
      case 'ratio':
        return {
          kind: 'ratio',
          of: d.of,
          divisor: number(i, 'divisor', d.divisor) ?? 0,
          tolerance: (number(i, 'tolerance', d.tolerance) ?? 0) / 100,
          severity,
        };
      case 'atMost':
        return { kind: 'atMost', of: d.of, severity };
      default:
        return { kind: 'change', ratio: (number(i, 'ratio', d.ratio) ?? 0) / 100, severity: 'warning' };
    }
  });
  return { rules, errors };
}

/** A rule in a few words, for the catalogue table ("≥ 0", "= somme de a + b", "≈ heures / 1 607 ± 5 %"). */
export function describeRule(rule: IndicatorRule): string {
  const text = (() => {
    switch (rule.kind) {
      case 'range':
        if (rule.min !== undefined && rule.max !== undefined)
          return t('observatory.rule.describe.between', {
            min: formatFigure(rule.min),
            max: formatFigure(rule.max),
          });
        return rule.min !== undefined ? `≥ ${formatFigure(rule.min)}` : `≤ ${formatFigure(rule.max)}`;
      case 'integer':
        return t('observatory.rule.describe.integer');
      case 'sum':
        return t('observatory.rule.describe.sum', { parts: rule.parts.join(' + ') });
      case 'ratio':
        return `≈ ${rule.of} / ${formatFigure(rule.divisor)} ± ${formatFigure(rule.tolerance * 100)} %`;
      case 'atMost':
        return `≤ ${rule.of}`;
      case 'change':
        return t('observatory.rule.describe.change', { percent: formatFigure(rule.ratio * 100) });
    }
  })();
  return rule.severity === 'warning' && rule.kind !== 'change'
    ? `${text} ${t('observatory.rule.describe.warning')}`
    : text;
}
