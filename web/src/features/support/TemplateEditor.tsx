import {
  ActionIcon,
  Button,
  Checkbox,
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
import {
  interviewKeys,
  putTemplate,
  type Question,
  type QuestionKind,
  questionKinds,
  type Template,
} from './interviewsApi';

/** A question as typed: options one per line, so the text stays as written when refused. */
interface Draft {
  key: number;
  id: string;
  label: string;
  kind: QuestionKind;
  options: string;
  required: boolean;
  help: string;
}

/** A stable key from a label ("Besoin FSE+" → "besoin_fse"), for new questions left without one. */
export function idFromLabel(label: string): string {
  const slug = label
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  return /^[a-z]/.test(slug) ? slug : `q_${slug}`;
}

interface Props {
  year: number;
  template: Template | null;
  onClose: () => void;
}

/** Edits the year's questions as data: add, reorder, remove, choose each one's kind. */
export function TemplateEditor({ year, template, onClose }: Props) {
  const queryClient = useQueryClient();
  const { rows, setRows, add, change, remove } = useDraftRows(
    template?.questions,
    (q, key): Draft => ({
      key,
      id: q?.id ?? '',
      label: q?.label ?? '',
      kind: q?.kind ?? 'long_text',
      options: (q?.options ?? []).join('\n'),
      required: q?.required ?? false,
      help: q?.help ?? '',
    }),
  );
  const [title, setTitle] = useState(
    template?.title ?? t('support.template.defaultTitle', { year: String(year) }),
  );

  const move = (index: number, by: number) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = t('common.required');
    rows.forEach((row, i) => {
      if (!row.label.trim()) errors[`questions.${i}.label`] = t('common.required');
    });
    return errors;
  };
  const send = async () => {
    const questions: Question[] = rows.map((row) => {
      const options = row.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      return {
        id: row.id.trim() || idFromLabel(row.label),
        label: row.label.trim(),
        kind: row.kind,
        ...(row.kind === 'choice' ? { options } : {}),
        ...(row.required ? { required: true } : {}),
        ...(row.help.trim() ? { help: row.help.trim() } : {}),
      };
    });
    await putTemplate(year, { title: title.trim(), questions });
    await queryClient.invalidateQueries({ queryKey: interviewKeys.all });
    onClose();
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);

  const labels: Record<string, string> = { title: t('support.template.title') };
  rows.forEach((_, i) => {
    const n = t('support.template.question', { n: i + 1 });
    for (const field of ['id', 'label', 'kind', 'options', 'help'] as const)
      labels[`questions.${i}.${field}`] = `${n} — ${t(`support.template.field.${field}`)}`;
  });
  const optionError = (i: number) =>
    errors[`questions.${i}.options`] ??
    Object.entries(errors).find(([path]) => path.startsWith(`questions.${i}.options.`))?.[1];

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('support.template.editorTitle', { year: String(year) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate style={errorContrast}>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          <TextInput
            label={labels.title}
            required
            value={title}
            error={errors.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {rows.map((row, i) => (
            <Fieldset key={row.key} legend={t('support.template.question', { n: i + 1 })} p="sm">
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <TextInput
                    label={t('support.template.field.label')}
                    required
                    value={row.label}
                    error={errors[`questions.${i}.label`]}
                    onChange={(e) => change(row.key, { label: e.currentTarget.value })}
                  />
                  <NativeSelect
                    label={t('support.template.field.kind')}
                    value={row.kind}
                    error={errors[`questions.${i}.kind`]}
                    onChange={(e) => change(row.key, { kind: e.currentTarget.value as QuestionKind })}
                    data={questionKinds.map((k) => ({ value: k, label: t(`support.kind.${k}`) }))}
                  />
                  <TextInput
                    label={t('support.template.field.id')}
                    description={t('support.template.idHint')}
                    value={row.id}
                    error={errors[`questions.${i}.id`]}
                    onChange={(e) => change(row.key, { id: e.currentTarget.value })}
                  />
                </SimpleGrid>
                {row.kind === 'choice' && (
                  <Textarea
                    label={t('support.template.field.options')}
                    description={t('support.template.optionsHint')}
                    autosize
                    minRows={2}
                    value={row.options}
                    error={optionError(i)}
                    onChange={(e) => change(row.key, { options: e.currentTarget.value })}
                  />
                )}
                <TextInput
                  label={t('support.template.field.help')}
                  value={row.help}
                  error={errors[`questions.${i}.help`]}
                  onChange={(e) => change(row.key, { help: e.currentTarget.value })}
                />
                <Group justify="space-between">
                  <Checkbox
                    label={t('support.template.field.required')}
                    checked={row.required}
                    onChange={(e) => change(row.key, { required: e.currentTarget.checked })}
                  />
                  <Group gap={4}>
                    <ActionIcon
                      variant="default"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('support.template.up', { n: i + 1 })}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('support.template.down', { n: i + 1 })}
                    >
                      ↓
                    </ActionIcon>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      disabled={rows.length === 1}
                      onClick={() => remove(row.key)}
                      aria-label={t('support.template.remove', { n: i + 1 })}
                    >
                      {t('common.delete')}
                    </Button>
                  </Group>
                </Group>
              </Stack>
            </Fieldset>
          ))}
          <Group justify="space-between">
            <Button variant="light" onClick={add}>
              {t('support.template.add')}
            </Button>
            <FormButtons onCancel={onClose} pending={pending} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
