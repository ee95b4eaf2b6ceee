import {
  Checkbox,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { FormButtons } from '../../../ui/FormButtons';
import type { FieldErrors } from '../../../ui/FormErrors';
import { FormErrorSummary } from '../../../ui/FormErrors';
import { useFormSubmit } from '../../../ui/useFormSubmit';
import { conventionTypes, type Indicator, type IndicatorInput, sections, units } from './api';
import { sectionLabel, unitLabel } from './labels';
import { RulesEditor } from './RulesEditor';
import { fromDrafts, type RuleDraft, toDraft } from './rulesDraft';

interface Props {
  /** The indicator to edit, or null to add one. */
  indicator: Indicator | null;
  /** Codes of the whole catalogue, for the rules. */
  codes: string[];
  onClose: () => void;
  onSubmit: (body: Partial<IndicatorInput>) => Promise<unknown>;
}

export function IndicatorDialog({ indicator, codes, onClose, onSubmit }: Props) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        indicator ? t('observatory.indicator.edit', { code: indicator.code }) : t('observatory.indicator.add')
      }
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <IndicatorForm indicator={indicator} codes={codes} onClose={onClose} onSubmit={onSubmit} />
    </Modal>
  );
}

function IndicatorForm({ indicator, codes, onClose, onSubmit }: Props) {
  const [code, setCode] = useState(indicator?.code ?? '');
  const [label, setLabel] = useState(indicator?.label ?? '');
  const [definition, setDefinition] = useState(indicator?.definition ?? '');
  const [section, setSection] = useState(indicator?.section ?? 'activity');
  const [unit, setUnit] = useState(indicator?.unit ?? 'count');
  const [appliesTo, setAppliesTo] = useState<Indicator['appliesTo']>(indicator?.appliesTo ?? []);
  const [required, setRequired] = useState(indicator?.required ?? false);
  const [position, setPosition] = useState(indicator ? String(indicator.position) : '');
  const [rules, setRules] = useState<RuleDraft[]>(indicator?.rules.map(toDraft) ?? []);

  const check = (): FieldErrors => {
    const errors: FieldErrors = { ...fromDrafts(rules).errors };
    if (!code.trim()) errors.code = t('common.required');
    if (!label.trim()) errors.label = t('common.required');
    if (position.trim() && !/^\d+$/.test(position.trim())) errors.position = t('observatory.form.notANumber');
    return errors;
  };
  const send = async () => {
    await onSubmit({
      code: code.trim(),
      label: label.trim(),
      definition: definition.trim() || null,
      section,
      unit,
      appliesTo,
      required,
      rules: fromDrafts(rules).rules,
      ...(position.trim() ? { position: Number(position) } : {}),
    });
    onClose();
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const labels = {
    code: t('observatory.indicator.code'),
    label: t('observatory.indicator.label'),
    definition: t('observatory.indicator.definition'),
    position: t('observatory.indicator.position'),
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <FormErrorSummary error={error} labels={labels} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={labels.code}
            description={t('observatory.indicator.codeHint')}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={errors.code}
          />
          <TextInput
            label={labels.label}
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
          />
        </SimpleGrid>
        <Textarea
          label={labels.definition}
          autosize
          minRows={2}
          value={definition}
          onChange={(e) => setDefinition(e.currentTarget.value)}
          error={errors.definition}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('observatory.indicator.section')}
            value={section}
            onChange={(e) => setSection(e.currentTarget.value as Indicator['section'])}
            data={sections.map((s) => ({ value: s, label: sectionLabel(s) }))}
            error={errors.section}
          />
          <NativeSelect
            label={t('observatory.indicator.unit')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value as Indicator['unit'])}
            data={units.map((u) => ({ value: u, label: unitLabel(u) }))}
            error={errors.unit}
          />
          <TextInput
            label={labels.position}
            inputMode="numeric"
            value={position}
            onChange={(e) => setPosition(e.currentTarget.value)}
            error={errors.position}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('observatory.indicator.appliesTo')}
          description={t('observatory.indicator.appliesToHint')}
          data={[...conventionTypes]}
          value={appliesTo}
          // The options are conventionTypes: every value is one of them.
          onChange={(values) => setAppliesTo(values as Indicator['appliesTo'])}
          error={errors.appliesTo}
        />
        <Checkbox
          label={t('observatory.indicator.required')}
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        <RulesEditor
          rules={rules}
          onChange={setRules}
          codes={codes.filter((c) => c !== code)}
          errors={errors}
        />
        <FormButtons onCancel={onClose} pending={pending} />
      </Stack>
    </form>
  );
}
