import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATORS } from './catalogue.default.ts';
import type { IndicatorRule } from './observatory.table.ts';
import { catalogueProblems, referencesTo } from './rules.catalogue.ts';
import { checkValues, type RuleIndicator } from './rules.ts';

const nbsp = '\u202f';
const indicator = (code: string, label: string, rules: IndicatorRule[], required = false): RuleIndicator => ({
  code,
  label,
  unit: 'count',
  required,
  rules,
});

const exits = [
  indicator('exitsTotal', 'Sorties', [
    { kind: 'sum', parts: ['exitsDurable', 'exitsOther'], severity: 'error' },
  ]),
  indicator('exitsDurable', 'Sorties durables', []),
  indicator('exitsOther', 'Autres sorties', []),
];

describe('checkValues', () => {
  it('reports a sum of parts that differs from the total, with both figures', () => {
    const result = checkValues(exits, { exitsTotal: 14, exitsDurable: 5, exitsOther: 7 });
    expect(result.errors).toEqual([
      {
        code: 'exitsTotal',
        kind: 'sum',
        severity: 'error',
        message: 'Sorties : somme par catégorie 12 ≠ total 14.',
      },
    ]);
    expect(checkValues(exits, { exitsTotal: 12, exitsDurable: 5, exitsOther: 7 }).errors).toEqual([]);
    // Nothing entered among the parts yet: no comparison.
    expect(checkValues(exits, { exitsTotal: 12 }).errors).toEqual([]);
  });

  it('compares ETP with hours / 1,607 within the tolerance, as a warning', () => {
    const catalogue = [
      indicator('hoursPaid', 'heures', []),
      indicator('etpPathway', 'ETP', [
        { kind: 'ratio', of: 'hoursPaid', divisor: 1607, tolerance: 0.05, severity: 'warning' },
      ]),
    ];
    const far = checkValues(catalogue, { hoursPaid: 10_000, etpPathway: 9.1 });
    expect(far.errors).toEqual([]);
    expect(far.warnings.map((w) => w.message)).toEqual([
      `ETP : 9,1 ≠ heures / 1${nbsp}607 = 6,2 (écart > 5 %).`,
    ]);
    expect(checkValues(catalogue, { hoursPaid: 10_000, etpPathway: 6.3 }).warnings).toEqual([]);
  });

  it('blocks a ratio out of tolerance when its severity is error', () => {
    const catalogue = [
      indicator('a', 'A', []),
      indicator('b', 'B', [{ kind: 'ratio', of: 'a', divisor: 2, tolerance: 0, severity: 'error' }]),
    ];
    expect(checkValues(catalogue, { a: 10, b: 6 }).errors.map((e) => e.kind)).toEqual(['ratio']);
    expect(checkValues(catalogue, { a: 0, b: 0 }).errors).toEqual([]);
    expect(checkValues(catalogue, { a: 0, b: 1 }).errors).toHaveLength(1);
  });

  it('warns on a change larger than the ratio since the previous year, with the year', () => {
    const catalogue = [
      indicator('revenue', 'Chiffre d’affaires', [{ kind: 'change', ratio: 0.5, severity: 'warning' }]),
    ];
    const previous = { year: 2023, values: { revenue: 100_000 } };
    const up = checkValues(catalogue, { revenue: 164_000 }, previous);
    expect(up.warnings[0]?.message).toBe(
      `Chiffre d’affaires : +64 % depuis 2023 (100${nbsp}000 → 164${nbsp}000).`,
    );
    expect(checkValues(catalogue, { revenue: 40_000 }, previous).warnings[0]?.message).toContain(
      '-60 % depuis 2023',
    );
    expect(checkValues(catalogue, { revenue: 140_000 }, previous).warnings).toEqual([]);
    expect(checkValues(catalogue, { revenue: 164_000 }, null).warnings).toEqual([]);
    // No base to compare with: a first figure after a zero is not a "change".
    expect(checkValues(catalogue, { revenue: 5 }, { year: 2023, values: { revenue: 0 } }).warnings).toEqual(
      [],
    );
  });

  it('checks ranges, integers, at-most and required values', () => {
    const catalogue = [
      indicator(
        'entries',
        'Entrées',
        [
          { kind: 'range', min: 0, severity: 'error' },
          { kind: 'integer', severity: 'error' },
        ],
        true,
      ),
      indicator('rsa', 'Entrants RSA', [{ kind: 'atMost', of: 'entries', severity: 'error' }]),
      indicator('rate', 'Taux', [{ kind: 'range', min: 0, max: 100, severity: 'warning' }]),
    ];
    const result = checkValues(catalogue, { entries: -2.5, rsa: 3, rate: 120 });
    expect(result.errors.map((e) => [e.code, e.kind, e.message])).toEqual([
      ['entries', 'range', 'Entrées : -2,5 est inférieur au minimum 0.'],
      ['entries', 'integer', 'Entrées : -2,5 n’est pas un nombre entier.'],
      ['rsa', 'atMost', 'Entrants RSA : 3 > Entrées -2,5 (ne peut pas dépasser).'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['Taux : 120 est supérieur au maximum 100.']);
    const missing = checkValues(catalogue, { rsa: 3 });
    expect(missing.errors).toEqual([
      { code: 'entries', kind: 'required', severity: 'error', message: 'Entrées : valeur obligatoire.' },
    ]);
  });

  it('ignores codes outside the form and rules whose other indicator does not apply', () => {
    const catalogue = [
      indicator('rsa', 'Entrants RSA', [{ kind: 'atMost', of: 'entries', severity: 'error' }]),
    ];
    expect(checkValues(catalogue, { rsa: 30, entries: 2, unknown: -1 })).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('never throws and always answers French messages, whatever the numbers', () => {
    const number = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.MIN_VALUE, 1e300),
    );
    const codes = DEFAULT_INDICATORS.map((i) => i.code);
    const values = fc.dictionary(fc.constantFrom(...codes), fc.option(number, { nil: null }));
    fc.assert(
      fc.property(values, values, fc.integer({ min: 1990, max: 2100 }), (current, before, year) => {
        const result = checkValues(DEFAULT_INDICATORS, current, { year, values: before });
        for (const finding of [...result.errors, ...result.warnings]) {
          expect(codes).toContain(finding.code);
          expect(finding.message.length).toBeGreaterThan(0);
          expect(finding.message).not.toContain('undefined');
        }
        // A missing required value is always an error.
        for (const i of DEFAULT_INDICATORS)
          if (i.required && (current[i.code] === undefined || current[i.code] === null))
            expect(result.errors.some((e) => e.code === i.code && e.kind === 'required')).toBe(true);
      }),
    );
  });

  it('accepts any consistent answer to the default catalogue', () => {
    const count = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(count, count, count, count, count, (durable, transition, positive, other, women) => {
        const entries = women + 3;
        const values: Record<string, number> = {
          hoursPaid: 16_070,
          etpPathway: 10,
          persons: entries + 5,
          entries,
          entrantsWomen: women,
          entrantsMen: 3,
          staffHeadcount: 4,
          staffEtp: 3.5,
          revenue: 100_000,
          aideAuPoste: 5_000,
          payroll: 90_000,
          netResult: -1_200.5,
          exitsDurable: durable,
          exitsTransition: transition,
          exitsPositive: positive,
          exitsOther: other,
          exitsTotal: durable + transition + positive + other,
        };
        expect(checkValues(DEFAULT_INDICATORS, values).errors).toEqual([]);
      }),
    );
  });
});

describe('catalogue coherence', () => {
  it('finds nothing wrong with the default catalogue', () => {
    expect(catalogueProblems(DEFAULT_INDICATORS)).toEqual([]);
    expect(new Set(DEFAULT_INDICATORS.map((i) => i.code)).size).toBe(DEFAULT_INDICATORS.length);
  });

  it('names the rule field that refers to an unknown code, itself, or twice the same part', () => {
    const problems = catalogueProblems([
      { code: 'total', rules: [{ kind: 'sum', parts: ['a', 'a', 'total'], severity: 'error' }] },
      {
        code: 'a',
        rules: [
          { kind: 'atMost', of: 'ghost', severity: 'error' },
          { kind: 'range', min: 5, max: 1, severity: 'error' },
        ],
      },
      { code: 'b', rules: [{ kind: 'range', severity: 'warning' }] },
    ]);
    expect(problems.map((p) => [p.indicator, p.field, p.code])).toEqual([
      ['total', 'rules.0.parts.1', 'observatory.rule_duplicate_part'],
      ['total', 'rules.0.parts.2', 'observatory.rule_self_reference'],
      ['a', 'rules.0.of', 'observatory.rule_unknown_code'],
      ['a', 'rules.1.max', 'observatory.rule_range_inverted'],
      ['b', 'rules.0.min', 'observatory.rule_range_empty'],
    ]);
  });

  it('lists the indicators that depend on a code', () => {
    expect(referencesTo(DEFAULT_INDICATORS, 'entries').sort()).toEqual(
      [
        'entrants26to49',
        'entrants50Plus',
        'entrantsDeld',
        'entrantsDetld',
        'entrantsNoQualification',
        'entrantsQpv',
        'entrantsRqth',
        'entrantsRsa',
        'entrantsUnder26',
      ].sort(),
    );
    expect(referencesTo(DEFAULT_INDICATORS, 'hoursPaid')).toEqual(['etpPathway']);
    expect(referencesTo(DEFAULT_INDICATORS, 'netResult')).toEqual([]);
  });
});
