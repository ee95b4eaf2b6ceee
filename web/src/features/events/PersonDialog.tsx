import { Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { FormButtons } from '../../ui/FormButtons';
import { type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { inputProps } from '../../ui/inputProps';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { useOrganisationOptions } from '../members/useOrganisationOptions';

export interface PersonValues {
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string;
  organisationId: string;
}

interface Props {
  opened: boolean;
  title: string;
  intro?: string;
  submitLabel: string;
  /** Walk-ins may come without an e-mail; registrations need one for the confirmation. */
  emailRequired: boolean;
  /** Staff choose the person's organisation; a member user registers its own people. */
  chooseOrganisation: boolean;
  onClose: () => void;
  /** Resolves when saved (the dialog closes); rejects with the API error, shown next to the inputs. */
  onSubmit: (values: PersonValues) => Promise<unknown>;
}

/** Who is registered (or noted present at the door): name, e-mail, job title and, for staff, the organisation. */
export function PersonDialog({ opened, title, onClose, ...form }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <PersonForm {...form} onClose={onClose} />
    </Modal>
  );
}

const empty: PersonValues = { firstName: '', lastName: '', email: '', jobTitle: '', organisationId: '' };

function PersonForm({
  intro,
  submitLabel,
  emailRequired,
  chooseOrganisation,
  onClose,
  onSubmit,
}: Omit<Props, 'opened' | 'title'>) {
  const [values, setValues] = useState<PersonValues>(empty);
  const organisations = useOrganisationOptions('all', chooseOrganisation, t('events.person.noOrganisation'));
  const check = () => {
    const missing: FieldErrors = {};
    if (!values.firstName.trim()) missing.firstName = t('common.required');
    if (!values.lastName.trim()) missing.lastName = t('common.required');
    if (emailRequired && !values.email.trim()) missing.email = t('common.required');
    return missing;
  };
  const { formRef, submit, pending, error, errors } = useFormSubmit(check, async () => {
    await onSubmit(values);
    onClose();
  });
  const labels = {
    firstName: t('events.person.firstName'),
    lastName: t('events.person.lastName'),
    email: t('events.person.email'),
    jobTitle: t('events.person.jobTitle'),
    organisationId: t('events.person.organisation'),
  };
  const input = inputProps(labels, values, errors, (key, value) =>
    setValues((current) => ({ ...current, [key]: value })),
  );
  const required = { required: true, description: t('common.requiredHint') };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        {intro && <Text size="sm">{intro}</Text>}
        <FormErrorSummary error={error} labels={labels} />
        <TextInput {...input('firstName')} {...required} autoComplete="off" />
        <TextInput {...input('lastName')} {...required} autoComplete="off" />
        <TextInput {...input('email')} type="email" {...(emailRequired ? required : {})} autoComplete="off" />
        <TextInput {...input('jobTitle')} autoComplete="off" />
        {chooseOrganisation && <NativeSelect {...input('organisationId')} data={organisations} />}
        <FormButtons onCancel={onClose} submitLabel={submitLabel} pending={pending} />
      </Stack>
    </form>
  );
}
