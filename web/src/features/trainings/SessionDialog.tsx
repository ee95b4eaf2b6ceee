import { useMemo } from 'react';
import { t } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import type { FormValue, FormValues } from '../../ui/formValues';
import { submitPatch, textValues, toCreateBody } from '../../ui/formValues';
import { numberField } from '../figures/numbers';
import { saveSession, type TrainingSession, type TrainingSessionRecord, usePartnerOptions } from './api';

interface Props {
  /** undefined: closed; null: a new session; a session: edit it. */
  session: TrainingSession | null | undefined;
  onClose: () => void;
  onSaved: (session: TrainingSessionRecord) => Promise<unknown>;
}

const keys = [
  'title',
  'startsOn',
  'endsOn',
  'providerId',
  'funderId',
  'trainer',
  'town',
  'department',
  'traineesCount',
  'hoursTotal',
  'organisationsCount',
  'note',
  'source',
] as const;
const numbers = ['traineesCount', 'hoursTotal', 'organisationsCount'];

/** The typed numbers as numbers (French decimals accepted); an emptied one is sent as null. */
function withNumbers(body: Record<string, FormValue | null>): Record<string, unknown> {
  const converted: Record<string, unknown> = { ...body };
  for (const name of numbers) {
    const value = body[name];
    if (typeof value === 'string') converted[name] = numberField(name, value) ?? null;
  }
  return converted;
}

export function SessionDialog({ session, onClose, onSaved }: Props) {
  const partners = usePartnerOptions(session !== undefined);
  const partnerOptions = useMemo(
    () => (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
    [partners.data],
  );
  const initial: FormValues = session
    ? textValues(session, keys)
    : Object.fromEntries(keys.map((key) => [key, '']));
  const submit = async (values: FormValues) => {
    if (!session) {
      await onSaved(await saveSession(null, withNumbers(toCreateBody(values))));
      return;
    }
    await submitPatch(values, initial, async (body) =>
      onSaved(await saveSession(session.id, withNumbers(body))),
    );
  };
  const number = (name: string, label: string) =>
    ({
      name,
      kind: 'text',
      label,
      inputMode: 'numeric',
      description: t('trainings.field.countsHint'),
    }) as const;
  return (
    <FormModal
      opened={session !== undefined}
      title={session ? t('trainings.session.edit') : t('trainings.session.add')}
      fields={[
        { name: 'title', kind: 'text', label: t('trainings.field.title'), required: true },
        { name: 'startsOn', kind: 'date', label: t('trainings.field.startsOn'), required: true },
        { name: 'endsOn', kind: 'date', label: t('trainings.field.endsOn'), required: true },
        {
          name: 'providerId',
          kind: 'select',
          label: t('trainings.field.provider'),
          options: partnerOptions,
          placeholder: t('trainings.field.noPartner'),
        },
        {
          name: 'funderId',
          kind: 'select',
          label: t('trainings.field.funder'),
          options: partnerOptions,
          placeholder: t('trainings.field.noPartner'),
        },
        { name: 'trainer', kind: 'text', label: t('trainings.field.trainer') },
        { name: 'town', kind: 'text', label: t('trainings.field.town') },
        {
          name: 'department',
          kind: 'text',
          label: t('trainings.field.department'),
          description: t('trainings.field.departmentHint'),
        },
        number('traineesCount', t('trainings.field.traineesCount')),
        number('hoursTotal', t('trainings.field.hoursTotal')),
        number('organisationsCount', t('trainings.field.organisationsCount')),
        { name: 'note', kind: 'textarea', label: t('trainings.field.note') },
        { name: 'source', kind: 'text', label: t('trainings.field.source') },
      ]}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
