import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { errorAt, FormErrorSummary } from '../../ui/FormErrors';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { useReference } from '../members/api';
import { departmentOptions } from '../members/labels';
import { usePracticeGroups } from '../practice-groups/api';
import { checkDraft, type Draft } from './actionDraft';
import { kindOptions, missionOptions } from './labels';
import { MemberLinksField } from './MemberLinksField';
import { PartnerLinksField } from './PartnerLinksField';

interface Props {
  initial: Draft;
  submitLabel: string;
  cancelTo: string;
  /** Sends the draft; rejects with the API error, whose field messages go next to the inputs. */
  onSubmit: (draft: Draft) => Promise<unknown>;
}

// Labels of the fields the server may name, for the summary above the form.
const labels = {
  title: t('actions.field.title'),
  kind: t('actions.field.kind'),
  startsOn: t('actions.field.startsOn'),
  endsOn: t('actions.field.endsOn'),
  datePrecision: t('actions.field.datePrecision'),
  startTime: t('actions.field.startTime'),
  endTime: t('actions.field.endTime'),
  themes: t('actions.field.themes'),
  missions: t('actions.field.missions'),
  objectives: t('actions.field.objectives'),
  town: t('actions.field.town'),
  department: t('actions.field.department'),
  participantsCount: t('actions.field.participantsCount'),
  participantsQualifier: t('actions.field.participantsQualifier'),
  summary: t('actions.field.summary'),
  visibility: t('actions.field.visibility'),
  capacity: t('actions.field.capacity'),
  registrationClosesOn: t('actions.field.registrationClosesOn'),
  source: t('actions.field.source'),
};

type TextKey =
  | 'title'
  | 'startsOn'
  | 'endsOn'
  | 'startTime'
  | 'endTime'
  | 'town'
  | 'capacity'
  | 'registrationClosesOn'
  | 'source';

/** The form of an action (create and edit): everything typed stays when the server refuses it. */
export function ActionForm({ initial, submitLabel, cancelTo, onSubmit }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const reference = useReference();
  const { formRef, submit, pending, error, errors } = useFormSubmit(
    () => checkDraft(draft),
    () => onSubmit(draft),
  );
  // A practice-exchange meeting belongs to one of the delegation's groups (GEP).
  const groups = usePracticeGroups();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: TextKey, label: string, type = 'text', required = false) => (
    <TextInput
      label={label}
      type={type}
      required={required}
      description={required ? t('common.requiredHint') : undefined}
      value={draft[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={errorAt(errors, key)}
    />
  );
  const summaryLabels = {
    ...labels,
    ...Object.fromEntries(
      draft.partners.map((_, i) => [`partners.${i}.partnerId`, t('actions.form.partnerN', { n: i + 1 })]),
    ),
    ...Object.fromEntries(
      draft.members.map((_, i) => [`members.${i}.organisationId`, t('actions.form.memberN', { n: i + 1 })]),
    ),
  };

  return (
    <form
      ref={formRef}
      // The "new partner" dialog is a form of its own, in a portal but inside this form in
      // React's tree: its submit event bubbles here and must not send the action too.
      onSubmit={(event) => (event.target === event.currentTarget ? submit(event) : undefined)}
      noValidate
    >
      <Stack maw={880}>
        <FormErrorSummary error={error} labels={summaryLabels} />
        <Fieldset legend={t('actions.form.what')}>
          <Stack>
            {text('title', labels.title, 'text', true)}
            <NativeSelect
              label={labels.kind}
              required
              description={t('common.requiredHint')}
              value={draft.kind}
              onChange={(event) => set('kind', event.currentTarget.value)}
              data={[{ value: '', label: t('actions.form.chooseKind') }, ...kindOptions]}
              error={errorAt(errors, 'kind')}
            />
            {(draft.kind === 'practice_exchange' || draft.practiceGroupId) && (
              <NativeSelect
                label={t('actions.field.practiceGroup')}
                value={draft.practiceGroupId}
                onChange={(event) => set('practiceGroupId', event.currentTarget.value)}
                data={[
                  { value: '', label: t('actions.form.noPracticeGroup') },
                  ...(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name })),
                ]}
                error={errorAt(errors, 'practiceGroupId')}
              />
            )}
            <Checkbox.Group
              label={labels.missions}
              value={draft.missions}
              onChange={(value) => set('missions', value)}
              error={errorAt(errors, 'missions')}
            >
              <Group gap="md" mt={4}>
                {missionOptions.map((o) => (
                  <Checkbox key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Checkbox.Group>
            <TagsInput
              label={labels.themes}
              description={t('actions.form.tagsHint')}
              value={draft.themes}
              onChange={(value) => set('themes', value)}
              splitChars={[',', ';']}
              error={errorAt(errors, 'themes')}
              clearable
            />
            <TagsInput
              label={labels.objectives}
              description={t('actions.form.objectivesHint')}
              value={draft.objectives}
              onChange={(value) => set('objectives', value)}
              splitChars={[';']}
              error={errorAt(errors, 'objectives')}
              clearable
            />
            <Textarea
              label={labels.summary}
              description={t('actions.form.summaryHint')}
              autosize
              minRows={3}
              value={draft.summary}
              onChange={(event) => set('summary', event.currentTarget.value)}
              error={errorAt(errors, 'summary')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('actions.form.when')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('startsOn', labels.startsOn, 'date', true)}
            {text('endsOn', labels.endsOn, 'date')}
            {text('startTime', labels.startTime, 'time')}
            {text('endTime', labels.endTime, 'time')}
          </SimpleGrid>
          <Checkbox
            mt="sm"
            label={t('actions.form.monthOnly')}
            description={t('actions.form.monthOnlyHint')}
            checked={draft.datePrecision === 'month'}
            onChange={(event) => set('datePrecision', event.currentTarget.checked ? 'month' : 'day')}
          />
        </Fieldset>
        <Fieldset legend={t('actions.form.where')}>
          <Stack>
            <Checkbox
              label={t('actions.field.online')}
              checked={draft.online}
              onChange={(event) => set('online', event.currentTarget.checked)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('town', labels.town)}
              <NativeSelect
                label={labels.department}
                value={draft.department}
                onChange={(event) => set('department', event.currentTarget.value)}
                data={[{ value: '', label: t('common.none') }, ...departmentOptions(reference.data)]}
                error={errorAt(errors, 'department')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('actions.form.who')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={labels.participantsCount}
              inputMode="numeric"
              value={draft.participantsCount}
              onChange={(event) => set('participantsCount', event.currentTarget.value)}
              error={errorAt(errors, 'participantsCount')}
            />
            <NativeSelect
              label={labels.participantsQualifier}
              value={draft.participantsQualifier}
              onChange={(event) => set('participantsQualifier', event.currentTarget.value)}
              data={['exact', 'at_least', 'about'].map((q) => ({
                value: q,
                label: t(`actions.qualifier.${q as 'exact' | 'at_least' | 'about'}`),
              }))}
            />
          </SimpleGrid>
        </Fieldset>
        <PartnerLinksField
          value={draft.partners}
          onChange={(value) => set('partners', value)}
          errors={errors}
          canCreate
        />
        <MemberLinksField value={draft.members} onChange={(value) => set('members', value)} errors={errors} />
        <Fieldset legend={t('actions.form.publication')}>
          <Stack>
            <Radio.Group
              label={labels.visibility}
              value={draft.visibility}
              onChange={(value) => set('visibility', value)}
              error={errorAt(errors, 'visibility')}
            >
              <Group mt={4}>
                <Radio value="internal" label={t('actions.visibility.internalLong')} />
                <Radio value="public" label={t('actions.visibility.publicLong')} />
              </Group>
            </Radio.Group>
            <Checkbox
              label={t('actions.field.registrationOpen')}
              checked={draft.registrationOpen}
              onChange={(event) => set('registrationOpen', event.currentTarget.checked)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('capacity', labels.capacity)}
              {text('registrationClosesOn', labels.registrationClosesOn, 'date')}
            </SimpleGrid>
            {text('source', labels.source)}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
