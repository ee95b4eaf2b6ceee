import { Button, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { t } from '../../i18n';
import { errorContrast, type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { useFormSubmit } from '../../ui/useFormSubmit';
import {
  type AnswerValue,
  type InterviewRecord,
  interviewKeys,
  putInterview,
  type Question,
} from './interviewsApi';
import { parseNumber } from './labels';

/** Every answer as typed text, so that nothing typed is lost when the server refuses. */
type Texts = Record<string, string>;

function toText(value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function toValue(question: Question, text: string): AnswerValue {
  if (text.trim() === '') return null;
  switch (question.kind) {
    case 'number':
      return parseNumber(text);
    case 'scale':
      return Number(text);
    case 'yes_no':
      return text === 'yes';
    default:
      return text;
  }
}

function QuestionInput(props: {
  question: Question;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const { question, value, error, onChange } = props;
  // Required questions say so in words too, as every form of the app does.
  const description = [question.required ? t('common.requiredHint') : null, question.help]
    .filter(Boolean)
    .join(' ');
  const common = {
    label: question.label,
    description: description || undefined,
    required: question.required,
    error,
  };
  switch (question.kind) {
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'choice':
      return (
        <NativeSelect
          {...common}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[{ value: '', label: t('support.interview.noAnswer') }, ...(question.options ?? [])]}
        />
      );
    case 'yes_no':
    case 'scale': {
      const choices =
        question.kind === 'yes_no'
          ? [
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]
          : ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }));
      return (
        <Radio.Group {...common} value={value} onChange={onChange}>
          <Group mt={4}>
            {choices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} />
            ))}
            <Radio value="" label={t('support.interview.noAnswer')} />
          </Group>
        </Radio.Group>
      );
    }
    default:
      return (
        <TextInput
          {...common}
          inputMode={question.kind === 'number' ? 'decimal' : undefined}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}

/** The interview's form: save a draft at any time, finish it when every required question is answered. */
export function InterviewForm({ record }: { record: InterviewRecord }) {
  const queryClient = useQueryClient();
  const questions = record.template.questions;
  const [texts, setTexts] = useState<Texts>(() =>
    Object.fromEntries(questions.map((q) => [q.id, toText(record.interview?.answers[q.id])])),
  );
  const [heldOn, setHeldOn] = useState(record.interview?.heldOn ?? '');
  const status = useRef<'draft' | 'done'>('draft');
  const [saved, setSaved] = useState(false);

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    for (const q of questions) {
      if (q.kind === 'number' && Number.isNaN(toValue(q, texts[q.id] ?? '')))
        errors[`answers.${q.id}`] = t('support.interview.notANumber');
    }
    return errors;
  };
  const send = async () => {
    setSaved(false);
    const answers = Object.fromEntries(questions.map((q) => [q.id, toValue(q, texts[q.id] ?? '')]));
    await putInterview(record.year, record.organisationId, {
      answers,
      status: status.current,
      heldOn: heldOn || null,
    });
    await queryClient.invalidateQueries({ queryKey: interviewKeys.all });
    setSaved(true);
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const labels: Record<string, string> = { heldOn: t('support.interview.heldOn') };
  for (const q of questions) labels[`answers.${q.id}`] = q.label;

  return (
    <form ref={formRef} onSubmit={submit} noValidate style={errorContrast}>
      <Stack>
        <FormErrorSummary error={error} labels={labels} />
        <TextInput
          type="date"
          label={labels.heldOn}
          description={t('support.interview.heldOnHint')}
          value={heldOn}
          error={errors.heldOn}
          onChange={(e) => setHeldOn(e.currentTarget.value)}
          maw={240}
        />
        {questions.map((q) => (
          <QuestionInput
            key={q.id}
            question={q}
            value={texts[q.id] ?? ''}
            error={errors[`answers.${q.id}`]}
            onChange={(value) => setTexts((current) => ({ ...current, [q.id]: value }))}
          />
        ))}
        <Group role="status" aria-live="polite">
          {saved && !pending && !error ? t('common.saved') : null}
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="default"
            loading={pending}
            onClick={() => (status.current = 'draft')}
          >
            {t('support.interview.saveDraft')}
          </Button>
          <Button type="submit" loading={pending} onClick={() => (status.current = 'done')}>
            {t('support.interview.markDone')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
