import { Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { type FormValues, toCreateBody } from '../../ui/formValues';
import { PeopleSection } from '../../ui/PeopleSection';
import { localFieldError, parseNumber } from '../figures/numbers';
import { useOrganisationOptions } from '../members/useOrganisationOptions';
import { addTrainee, removeTrainee, type Trainee, type TrainingSessionRecord } from './api';
import { hoursLabel } from './labels';

interface Props {
  session: TrainingSessionRecord;
  write: boolean;
  onChanged: () => Promise<unknown>;
}

/** Named trainees: once there is one, the session's counts come from them. */
export function TraineesSection({ session, write, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  // Any organisation of the delegation, member or not, and only once the dialog opens.
  const organisations = useOrganisationOptions('all', adding);

  const submit = async (values: FormValues) => {
    const hours = parseNumber(typeof values.hours === 'string' ? values.hours : '');
    if (hours === null || Number.isNaN(hours)) throw localFieldError('hours', t('figures.form.notANumber'));
    await addTrainee(session.id, { ...toCreateBody(values), hours });
    await onChanged();
  };

  return (
    <PeopleSection<Trainee>
      title={t('trainings.trainees')}
      emptyMessage={t('trainings.trainees.empty')}
      intro={
        <Text size="sm" c="dimmed" mb="sm">
          {t('trainings.trainees.note')}
        </Text>
      }
      people={session.trainees}
      headers={{
        name: t('trainings.trainee.name'),
        organisation: t('trainings.trainee.organisation'),
        jobTitle: t('trainings.trainee.jobTitle'),
      }}
      moreColumns={[
        {
          key: 'hours',
          header: t('trainings.trainee.hours'),
          nowrap: true,
          render: (p) => hoursLabel(p.hours),
        },
      ]}
      write={write}
      onAddingChange={setAdding}
      add={{
        label: t('trainings.trainee.add'),
        title: t('trainings.trainee.addTo', { title: session.title }),
        fields: [
          { name: 'firstName', kind: 'text', label: t('trainings.trainee.firstName'), required: true },
          { name: 'lastName', kind: 'text', label: t('trainings.trainee.lastName'), required: true },
          {
            name: 'organisationId',
            kind: 'select',
            label: t('trainings.trainee.organisation'),
            options: organisations,
            placeholder: t('trainings.trainee.noOrganisation'),
          },
          { name: 'jobTitle', kind: 'text', label: t('trainings.trainee.jobTitle') },
          {
            name: 'hours',
            kind: 'text',
            label: t('trainings.trainee.hours'),
            inputMode: 'numeric',
            description: t('trainings.trainee.hoursHint'),
            required: true,
          },
        ],
        initialValues: { firstName: '', lastName: '', organisationId: '', jobTitle: '', hours: '' },
        onSubmit: submit,
      }}
      remove={{
        label: t('common.delete'),
        labelOf: (name) => t('trainings.trainee.removeOf', { name }),
        title: t('trainings.trainee.removeTitle'),
        message: (name) => t('trainings.trainee.removeMessage', { name }),
        onConfirm: async (trainee) => {
          await removeTrainee(session.id, trainee.id);
          await onChanged();
        },
      }}
    />
  );
}
