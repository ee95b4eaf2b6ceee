import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { errorAt, FormErrorSummary } from '../../ui/FormErrors';
import { formatDate } from '../../ui/format';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { todayInFrance } from '../governance/options';
import { type Assessment, completeAssessment, type Grid, qualityKeys, saveAssessment } from './api';

/** Starts an assessment on one of the active grids. */
export function StartAssessment({ grids }: { grids: Grid[] }) {
  const queryClient = useQueryClient();
  const [gridId, setGridId] = useState(grids[0]?.id ?? '');
  const [assessedOn, setAssessedOn] = useState(todayInFrance());
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => ({}),
    async () => {
      await saveAssessment(null, { gridId, assessedOn, answers: {} });
      await queryClient.invalidateQueries({ queryKey: qualityKeys.assessments });
    },
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <FormErrorSummary error={error} />
        <Group align="flex-end">
          <NativeSelect
            label={t('qualityApproaches.self.grid')}
            value={gridId}
            onChange={(e) => setGridId(e.currentTarget.value)}
            data={grids.map((g) => ({ value: g.id, label: g.name }))}
            error={errors.gridId}
          />
          <TextInput
            type="date"
            label={t('qualityApproaches.self.assessedOn')}
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.currentTarget.value)}
            error={errors.assessedOn}
          />
          <Button type="submit" loading={pending}>
            {t('qualityApproaches.self.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The draft's answers, one choice of level per criterion, saved as a draft or completed. */
export function AssessmentForm({ draft, grid }: { draft: Assessment; grid: Grid }) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>(draft.answers);
  const [saved, setSaved] = useState(false);
  const [completing, setCompleting] = useState(false);
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => ({}),
    async () => {
      setSaved(false);
      await saveAssessment(draft.id, { answers });
      if (completing) await completeAssessment(draft.id);
      else setSaved(true);
      await queryClient.invalidateQueries({ queryKey: qualityKeys.all });
    },
  );
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <Title order={3} size="h4">
          {t('qualityApproaches.self.draft', { date: formatDate(draft.assessedOn) })}
        </Title>
        <FormErrorSummary error={error} />
        {grid.pillars.map((pillar) => (
          <Stack key={pillar.id} gap="sm">
            <Title order={4} size="h5">
              {pillar.label}
            </Title>
            {pillar.criteria.map((criterion) => (
              <Radio.Group
                key={criterion.id}
                label={criterion.label}
                description={criterion.guidance}
                value={answers[criterion.id] === undefined ? '' : String(answers[criterion.id])}
                onChange={(value) => setAnswers((current) => ({ ...current, [criterion.id]: Number(value) }))}
                error={errorAt(errors, `answers.${criterion.id}`)}
              >
                <Stack gap={4} mt={4}>
                  {criterion.levels.map((level) => (
                    <Radio
                      key={level.level}
                      value={String(level.level)}
                      label={`${level.level}. ${level.label}`}
                      description={level.description}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
          </Stack>
        ))}
        {saved && (
          <Text role="status" c="green">
            {t('qualityApproaches.self.saved')}
          </Text>
        )}
        <Group>
          <Button
            type="submit"
            variant="default"
            loading={pending && !completing}
            onClick={() => setCompleting(false)}
          >
            {t('qualityApproaches.self.saveDraft')}
          </Button>
          <Button type="submit" loading={pending && completing} onClick={() => setCompleting(true)}>
            {t('qualityApproaches.self.complete')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
