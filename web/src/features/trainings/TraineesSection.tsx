import { Button, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormModal } from '../../ui/FormModal';
import { orDash } from '../../ui/format';
import { type FormValues, toCreateBody } from '../../ui/formValues';
import { Section } from '../../ui/Section';
import { localFieldError, parseNumber } from '../figures/numbers';
import { useOrganisations } from '../members/api';
import { addTrainee, removeTrainee, type Trainee, type TrainingSessionRecord } from './api';
import { hoursLabel } from './labels';

interface Props {
  session: TrainingSessionRecord;
  write: boolean;
  onChanged: () => Promise<unknown>;
}

const traineeName = (p: Trainee) => `${p.firstName} ${p.lastName}`;

/** Every organisation of the delegation (one page of 100 covers a delegation), for the picker. */
function useOrganisationOptions(enabled: boolean) {
  const list = useOrganisations({ membership: 'all', sort: 'name', page: 1, pageSize: 100 }, enabled);
  return useMemo(() => (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })), [list.data]);
}

/** Named trainees: once there is one, the session's counts come from them. */
export function TraineesSection({ session, write, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Trainee | null>(null);
  const organisations = useOrganisationOptions(adding);

  const columns: Column<Trainee>[] = [
    { key: 'name', header: t('trainings.trainee.name'), rowHeader: true, render: traineeName },
    {
      key: 'organisation',
      header: t('trainings.trainee.organisation'),
      render: (p) => orDash(p.organisationName),
    },
    { key: 'jobTitle', header: t('trainings.trainee.jobTitle'), render: (p) => orDash(p.jobTitle) },
    { key: 'hours', header: t('trainings.trainee.hours'), nowrap: true, render: (p) => hoursLabel(p.hours) },
  ];
  if (write)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (p) => (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => setRemoving(p)}
          aria-label={t('trainings.trainee.removeOf', { name: traineeName(p) })}
        >
          {t('common.delete')}
        </Button>
      ),
    });

  const submit = async (values: FormValues) => {
    const hours = parseNumber(typeof values.hours === 'string' ? values.hours : '');
    if (hours === null || Number.isNaN(hours)) throw localFieldError('hours', t('figures.form.notANumber'));
    await addTrainee(session.id, { ...toCreateBody(values), hours });
    await onChanged();
  };

  return (
    <Section
      title={t('trainings.trainees')}
      actions={write && <Button onClick={() => setAdding(true)}>{t('trainings.trainee.add')}</Button>}
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('trainings.trainees.note')}
      </Text>
      {session.trainees.length === 0 ? (
        <Text c="dimmed">{t('trainings.trainees.empty')}</Text>
      ) : (
        <DataTable
          caption={t('trainings.trainees')}
          captionHidden
          columns={columns}
          rows={session.trainees}
          rowKey={(p) => p.id}
        />
      )}
      <FormModal
        opened={adding}
        title={t('trainings.trainee.addTo', { title: session.title })}
        fields={[
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
        ]}
        initialValues={{ firstName: '', lastName: '', organisationId: '', jobTitle: '', hours: '' }}
        onClose={() => setAdding(false)}
        onSubmit={submit}
        submitLabel={t('common.add')}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('trainings.trainee.removeTitle')}
        message={t('trainings.trainee.removeMessage', { name: removing ? traineeName(removing) : '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await removeTrainee(session.id, removing.id);
          await onChanged();
        }}
      />
    </Section>
  );
}
