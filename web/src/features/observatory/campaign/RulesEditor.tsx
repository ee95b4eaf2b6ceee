import { Button, Fieldset, Group, MultiSelect, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { t } from '../../../i18n';
import { errorAt, type FieldErrors } from '../../../ui/FormErrors';
import { RowButton } from '../../../ui/RowActions';
import type { RuleKind } from './api';
import { ruleKindLabel } from './labels';
import { emptyDraft, fixedSeverity, type RuleDraft, ruleKinds } from './rulesDraft';

interface Props {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  /** The other codes of the catalogue, for the rules that refer to one. */
  codes: string[];
  errors: FieldErrors;
}

/** The checks of one indicator: one fieldset per rule, its inputs depending on its kind. */
export function RulesEditor({ rules, onChange, codes, errors }: Props) {
  const set = (i: number, patch: Partial<RuleDraft>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const codeOptions = codes.map((c) => ({ value: c, label: c }));
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('observatory.indicator.rules')}
      </Text>
      {rules.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('observatory.indicator.noRules')}
        </Text>
      )}
      {rules.map((rule, i) => {
        const at = (name: string) => errors[`rules.${i}.${name}`];
        const legend = t('observatory.rule.legend', { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity of their own; their order is their identity.
          <Fieldset key={i} legend={legend}>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <NativeSelect
                  label={t('observatory.rule.kind')}
                  value={rule.kind}
                  onChange={(e) => set(i, emptyDraft(e.currentTarget.value as RuleKind))}
                  data={ruleKinds.map((k) => ({ value: k, label: ruleKindLabel(k) }))}
                  error={errorAt(errors, `rules.${i}.kind`)}
                />
                <NativeSelect
                  label={t('observatory.rule.severity')}
                  value={rule.severity}
                  disabled={fixedSeverity[rule.kind] !== undefined}
                  onChange={(e) => set(i, { severity: e.currentTarget.value as RuleDraft['severity'] })}
                  data={[
                    { value: 'error', label: t('observatory.rule.severity.error') },
                    { value: 'warning', label: t('observatory.rule.severity.warning') },
                  ]}
                />
              </Group>
              {rule.kind === 'range' && (
                <Group grow align="flex-start">
                  <TextInput
                    label={t('observatory.rule.min')}
                    inputMode="decimal"
                    value={rule.min}
                    onChange={(e) => set(i, { min: e.currentTarget.value })}
                    error={at('min')}
                  />
                  <TextInput
                    label={t('observatory.rule.max')}
                    inputMode="decimal"
                    value={rule.max}
                    onChange={(e) => set(i, { max: e.currentTarget.value })}
                    error={at('max')}
                  />
                </Group>
              )}
              {rule.kind === 'sum' && (
                <MultiSelect
                  label={t('observatory.rule.parts')}
                  searchable
                  data={codeOptions}
                  value={rule.parts}
                  onChange={(parts) => set(i, { parts })}
                  error={errorAt(errors, `rules.${i}.parts`)}
                />
              )}
              {(rule.kind === 'ratio' || rule.kind === 'atMost') && (
                <NativeSelect
                  label={t('observatory.rule.of')}
                  value={rule.of}
                  onChange={(e) => set(i, { of: e.currentTarget.value })}
                  data={[{ value: '', label: '' }, ...codeOptions]}
                  error={at('of')}
                />
              )}
              {rule.kind === 'ratio' && (
                <Group grow align="flex-start">
                  <TextInput
                    label={t('observatory.rule.divisor')}
                    inputMode="decimal"
                    value={rule.divisor}
                    onChange={(e) => set(i, { divisor: e.currentTarget.value })}
                    error={at('divisor')}
                  />
                  <TextInput
                    label={t('observatory.rule.tolerance')}
                    inputMode="decimal"
                    value={rule.tolerance}
                    onChange={(e) => set(i, { tolerance: e.currentTarget.value })}
                    error={at('tolerance')}
                  />
                </Group>
              )}
              {rule.kind === 'change' && (
                <TextInput
                  label={t('observatory.rule.ratio')}
                  inputMode="decimal"
                  value={rule.ratio}
                  onChange={(e) => set(i, { ratio: e.currentTarget.value })}
                  error={at('ratio')}
                />
              )}
              <Group justify="flex-end">
                <RowButton
                  danger
                  onClick={() => onChange(rules.filter((_, j) => j !== i))}
                  label={t('observatory.rule.removeOf', { n: i + 1 })}
                >
                  {t('observatory.rule.remove')}
                </RowButton>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" size="compact-sm" onClick={() => onChange([...rules, emptyDraft('range')])}>
          {t('observatory.rule.add')}
        </Button>
      </Group>
    </Stack>
  );
}
