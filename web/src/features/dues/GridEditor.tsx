import {
  Button,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { FormButtons } from '../../ui/FormButtons';
import { errorContrast, type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { useDraftRows } from '../../ui/useDraftRows';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { type DuesBasis, type DuesGrid, type DuesRule, duesKeys, putGrid } from './api';
import { bases, basisLabel, parseNumber, ruleTypeOptions } from './labels';

/** A rule as typed: texts, so what the user wrote stays on screen when it is refused. */
interface RuleDraft {
  key: number;
  conventionType: string;
  from: string;
  to: string;
  amount: string;
}

const text = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

interface Props {
  year: number;
  /** The grid to change, or null to define the year's first one. */
  grid: DuesGrid | null;
  onClose: () => void;
}

/** Edits the year's grid: its basis, then one rule per line (type, size range, amount). */
export function GridEditor({ year, grid, onClose }: Props) {
  const queryClient = useQueryClient();
  const { rows, add, change, remove } = useDraftRows(
    grid?.rules,
    (rule, key): RuleDraft => ({
      key,
      conventionType: rule?.conventionType ?? '',
      from: text(rule?.from ?? null),
      to: text(rule?.to ?? null),
      amount: rule ? text(rule.amount) : '',
    }),
  );
  const [basis, setBasis] = useState<DuesBasis>(grid?.basis ?? 'flat');
  const [note, setNote] = useState(grid?.note ?? '');
  const ranged = basis !== 'flat';

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (rows.length === 0) errors.rules = t('dues.grid.noRules');
    rows.forEach((row, index) => {
      const amount = parseNumber(row.amount);
      if (amount === null) errors[`rules.${index}.amount`] = t('common.required');
      else if (Number.isNaN(amount)) errors[`rules.${index}.amount`] = t('dues.form.notANumber');
      if (!ranged) return;
      for (const bound of ['from', 'to'] as const) {
        if (Number.isNaN(parseNumber(row[bound])))
          errors[`rules.${index}.${bound}`] = t('dues.form.notANumber');
      }
    });
    return errors;
  };

  const send = async () => {
    const rules: DuesRule[] = rows.map((row) => ({
      conventionType: (row.conventionType || null) as DuesRule['conventionType'],
      from: ranged ? parseNumber(row.from) : null,
      to: ranged ? parseNumber(row.to) : null,
      amount: parseNumber(row.amount) ?? 0,
    }));
    await putGrid(year, { basis, rules, note: note.trim() || null });
    await queryClient.invalidateQueries({ queryKey: duesKeys.all });
    onClose();
  };

  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);

  const labels: Record<string, string> = { basis: t('dues.grid.basis'), note: t('dues.grid.note') };
  rows.forEach((_, index) => {
    const rule = t('dues.grid.rule', { n: index + 1 });
    labels[`rules.${index}.conventionType`] = `${rule} — ${t('dues.col.type')}`;
    labels[`rules.${index}.from`] = `${rule} — ${t('dues.col.from')}`;
    labels[`rules.${index}.to`] = `${rule} — ${t('dues.col.to')}`;
    labels[`rules.${index}.amount`] = `${rule} — ${t('dues.col.amount')}`;
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('dues.grid.editorTitle', { year: String(year) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mantine's error red (red.6) reads at 3.3:1 on white; a darker shade meets WCAG's 4.5:1. */}
      <form ref={formRef} onSubmit={submit} noValidate style={errorContrast}>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          <NativeSelect
            label={t('dues.grid.basis')}
            description={t('dues.grid.basisHint')}
            value={basis}
            error={errors.basis}
            onChange={(event) => setBasis(event.currentTarget.value as DuesBasis)}
            data={bases.map((value) => ({ value, label: basisLabel(value) }))}
          />
          {rows.map((row, index) => (
            <Fieldset key={row.key} legend={t('dues.grid.rule', { n: index + 1 })} p="sm">
              <SimpleGrid cols={{ base: 1, sm: ranged ? 4 : 2 }} spacing="xs">
                <NativeSelect
                  label={t('dues.col.type')}
                  value={row.conventionType}
                  error={errors[`rules.${index}.conventionType`]}
                  onChange={(event) => change(row.key, { conventionType: event.currentTarget.value })}
                  data={ruleTypeOptions()}
                />
                {ranged && (
                  <TextInput
                    label={t('dues.col.from')}
                    description={t('dues.grid.fromHint')}
                    inputMode="decimal"
                    value={row.from}
                    error={errors[`rules.${index}.from`]}
                    onChange={(event) => change(row.key, { from: event.currentTarget.value })}
                  />
                )}
                {ranged && (
                  <TextInput
                    label={t('dues.col.to')}
                    description={t('dues.grid.toHint')}
                    inputMode="decimal"
                    value={row.to}
                    error={errors[`rules.${index}.to`]}
                    onChange={(event) => change(row.key, { to: event.currentTarget.value })}
                  />
                )}
                <TextInput
                  label={t('dues.col.amountEuros')}
                  required
                  inputMode="decimal"
                  value={row.amount}
                  error={errors[`rules.${index}.amount`]}
                  onChange={(event) => change(row.key, { amount: event.currentTarget.value })}
                />
              </SimpleGrid>
              <Group justify="flex-end" mt="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={rows.length === 1}
                  onClick={() => remove(row.key)}
                >
                  {t('dues.grid.removeRule', { n: index + 1 })}
                </Button>
              </Group>
            </Fieldset>
          ))}
          {errors.rules && (
            <div role="alert" style={{ color: 'var(--mantine-color-error)' }}>
              {errors.rules}
            </div>
          )}
          <Group>
            <Button variant="default" onClick={add}>
              {t('dues.grid.addRule')}
            </Button>
          </Group>
          <Textarea
            label={t('dues.grid.note')}
            autosize
            minRows={2}
            value={note}
            error={errors.note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <FormButtons onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </Modal>
  );
}
