import { Badge } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { EmailLink, PhoneLink } from '../../../ui/Contact';
import type { Column } from '../../../ui/DataTable';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import { formatBoolean, orDash } from '../../../ui/format';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../../ui/formValues';
import type { RecordWrites } from '../api';
import type { Contact, Organisation } from '../types';
import { DeleteRowDialog } from './DeleteRowDialog';
import { DeleteRowButton, EditRowButton, RecordTableSection } from './RecordTableSection';

const fields: FieldSpec[] = [
  { name: 'firstName', label: t('members.contact.firstName'), kind: 'text', autoComplete: 'off' },
  {
    name: 'lastName',
    label: t('members.contact.lastName'),
    kind: 'text',
    required: true,
    autoComplete: 'off',
  },
  { name: 'jobTitle', label: t('members.contact.jobTitle'), kind: 'text' },
  { name: 'email', label: t('members.contact.email'), kind: 'email', autoComplete: 'off' },
  { name: 'phone', label: t('members.contact.phone'), kind: 'tel', autoComplete: 'off' },
  {
    name: 'purpose',
    label: t('members.contact.purpose'),
    kind: 'text',
    required: true,
    description: t('members.contact.purposeHint'),
  },
  { name: 'consent', label: t('members.contact.consent'), kind: 'checkbox' },
];
const keys = ['firstName', 'lastName', 'jobTitle', 'email', 'phone', 'purpose', 'consent'] as const;

const fullName = (contact: Contact) => [contact.firstName, contact.lastName].filter(Boolean).join(' ');

interface Props {
  organisation: Organisation;
  writes: RecordWrites;
  editable: boolean;
}

export function ContactsSection({ organisation, writes, editable }: Props) {
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const initial: FormValues =
    editing && editing !== 'new' ? textValues(editing, [...keys]) : { consent: false };

  const columns: Column<Contact>[] = [
    { key: 'name', header: t('members.contact.name'), rowHeader: true, render: fullName },
    { key: 'jobTitle', header: t('members.contact.jobTitle'), render: (row) => orDash(row.jobTitle) },
    { key: 'email', header: t('members.col.email'), render: (row) => <EmailLink value={row.email} /> },
    { key: 'phone', header: t('members.col.phone'), render: (row) => <PhoneLink value={row.phone} /> },
    { key: 'purpose', header: t('members.contact.purpose'), render: (row) => orDash(row.purpose) },
    {
      key: 'consent',
      header: t('members.contact.consentShort'),
      render: (row) => (
        <Badge variant="light" color={row.consent ? 'green' : 'gray'}>
          {formatBoolean(row.consent)}
        </Badge>
      ),
    },
  ];

  const submit = (values: FormValues) => {
    if (editing === 'new') return writes.addContact({ consent: false, ...toCreateBody(values) });
    if (editing) return submitPatch(values, initial, (body) => writes.patchContact(editing.id, body));
    return Promise.resolve();
  };

  return (
    <RecordTableSection
      title={t('members.record.contacts')}
      addLabel={t('members.record.addContact')}
      emptyMessage={t('members.record.noContact')}
      rows={organisation.contacts}
      columns={columns}
      editable={editable}
      onAdd={() => setEditing('new')}
      rowActions={(row) => (
        <>
          <EditRowButton
            label={t('members.record.editContact', { name: fullName(row) })}
            onClick={() => setEditing(row)}
          />
          <DeleteRowButton
            label={t('members.record.deleteContact', { name: fullName(row) })}
            onClick={() => setDeleting(row)}
          />
        </>
      )}
    >
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new'
            ? t('members.record.addContact')
            : t('members.record.editContact', { name: editing ? fullName(editing) : '' })
        }
        fields={fields}
        initialValues={initial}
        onSubmit={submit}
      />
      <DeleteRowDialog
        row={deleting}
        onClose={() => setDeleting(null)}
        title={(row) => t('members.record.deleteContact', { name: fullName(row) })}
        message={(row) => t('members.record.confirmDeleteContact', { name: fullName(row) })}
        onConfirm={(row) => writes.deleteContact(row.id)}
      />
    </RecordTableSection>
  );
}
