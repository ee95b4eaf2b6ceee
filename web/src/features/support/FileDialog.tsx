import { Modal, NativeSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '../../i18n';
import { FormButtons } from '../../ui/FormButtons';
import { errorContrast, type FieldErrors, FormErrorSummary } from '../../ui/FormErrors';
import { inputProps } from '../../ui/inputProps';
import { useFormSubmit } from '../../ui/useFormSubmit';
import { useOrganisations } from '../members/api';
import { createFile, patchFile, type SupportFile, supportKeys, useOwners } from './api';
import { statusOptions, subjectOptions } from './labels';

const fieldNames = [
  'organisationId',
  'subject',
  'title',
  'ownerUserId',
  'status',
  'openedOn',
  'dueOn',
  'nextStep',
  'closedOn',
  'description',
] as const;
type Values = Record<(typeof fieldNames)[number], string>;

interface Props {
  /** The file to edit, or null to create one. */
  file: SupportFile | null;
  /** A new file's member when the dialog is opened from its record. */
  organisation?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (file: SupportFile) => void;
}

function initialValues(file: SupportFile | null, organisationId: string): Values {
  return {
    organisationId: file?.organisationId ?? organisationId,
    subject: file?.subject ?? '',
    title: file?.title ?? '',
    ownerUserId: file ? (file.ownerUserId ?? '') : 'me',
    status: file?.status ?? 'open',
    openedOn: file?.openedOn ?? '',
    dueOn: file?.dueOn ?? '',
    nextStep: file?.nextStep ?? '',
    closedOn: file?.closedOn ?? '',
    description: file?.description ?? '',
  };
}

/** Picks a member by name; the API searches (accents and case aside), the list shows its answer. */
function OrganisationPicker(props: { value: string; error?: string; onChange: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useOrganisations({ q: debounced, membership: 'all', sort: 'name', pageSize: 20 });
  const data = (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select
      label={t('support.file.organisation')}
      description={t('common.requiredHint')}
      required
      searchable
      data={data}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('support.file.noOrganisation')}
      error={props.error}
    />
  );
}

/** Creates or edits a support file; what was typed stays when the server refuses it. */
export function FileDialog({ file, organisation, onClose, onSaved }: Props) {
  const queryClient = useQueryClient();
  const owners = useOwners();
  const [values, setValues] = useState<Values>(() => initialValues(file, organisation?.id ?? ''));
  const initial = initialValues(file, organisation?.id ?? '');
  const set = (name: keyof Values) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const closing = values.status === 'done' || values.status === 'abandoned';

  const check = (): FieldErrors => {
    const errors: FieldErrors = {};
    for (const name of ['organisationId', 'subject', 'title'] as const)
      if (!values[name].trim()) errors[name] = t('common.required');
    return errors;
  };

  const send = async () => {
    let saved: SupportFile;
    if (file) {
      const body: Record<string, string | null> = {};
      for (const name of fieldNames) {
        if (name === 'organisationId' || values[name].trim() === initial[name].trim()) continue;
        body[name] = values[name].trim() === '' ? null : values[name].trim();
      }
      // Reopening clears the closing date on the server; a stale one must not be sent back.
      if (!closing) delete body.closedOn;
      saved = Object.keys(body).length > 0 ? await patchFile(file.id, body) : file;
    } else {
      const body: Record<string, string | null> = {};
      for (const name of fieldNames) if (values[name].trim() !== '') body[name] = values[name].trim();
      // "me" leaves the owner out: the server gives the file to its author.
      if (values.ownerUserId === 'me') delete body.ownerUserId;
      if (values.ownerUserId === '') body.ownerUserId = null;
      if (!closing) delete body.closedOn;
      // `check` made sure of the required fields; the server checks each value.
      saved = await createFile(body as Parameters<typeof createFile>[0]);
    }
    await queryClient.invalidateQueries({ queryKey: supportKeys.all });
    onSaved?.(saved);
    onClose();
  };

  const { formRef, submit, pending, error, errors } = useFormSubmit(check, send);
  const labels = Object.fromEntries(fieldNames.map((name) => [name, t(`support.file.${name}`)])) as Values;
  const input = inputProps(labels, values, errors, (key, value) => set(key)(value));
  const ownerOptions = [
    ...(file ? [] : [{ value: 'me', label: t('support.file.ownerMe') }]),
    { value: '', label: t('support.file.noOwner') },
    ...(owners.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={file ? t('support.file.edit') : t('support.file.create')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form ref={formRef} onSubmit={submit} noValidate style={errorContrast}>
        <Stack>
          <FormErrorSummary error={error} labels={labels} />
          {!file && !organisation && (
            <OrganisationPicker
              value={values.organisationId}
              error={errors.organisationId}
              onChange={set('organisationId')}
            />
          )}
          <NativeSelect
            {...input('subject')}
            description={t('common.requiredHint')}
            required
            data={[{ value: '', label: '' }, ...subjectOptions()]}
          />
          <TextInput {...input('title')} description={t('common.requiredHint')} required />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect {...input('ownerUserId')} data={ownerOptions} />
            <NativeSelect {...input('status')} data={statusOptions()} />
            <TextInput
              {...input('openedOn')}
              type="date"
              description={file ? undefined : t('support.file.openedOnHint')}
            />
            <TextInput {...input('dueOn')} type="date" />
            {closing && (
              <TextInput {...input('closedOn')} type="date" description={t('support.file.closedOnHint')} />
            )}
          </SimpleGrid>
          <TextInput {...input('nextStep')} />
          <Textarea
            {...input('description')}
            description={t('support.file.descriptionHint')}
            autosize
            minRows={3}
          />
          <FormButtons onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </Modal>
  );
}
