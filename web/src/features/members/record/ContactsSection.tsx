import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmailLink, PhoneLink } from '../../../ui/Contact';
import { type Column, DataTable } from '../../../ui/DataTable';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import { formatBoolean, orDash } from '../../../ui/format';
import { type FormValues, submitPatch, textValues, toCreateBody } from '../../../ui/formValues';
import { Section } from '../../../ui/Section';
import type { RecordWrites } from '../api';
import type { Contact, Organisation } from '../types';

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
  if (editable) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (row) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setEditing(row)}
            aria-label={t('members.record.editContact', { name: fullName(row) })}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => setDeleting(row)}
            aria-label={t('members.record.deleteContact', { name: fullName(row) })}
          >
            {t('common.delete')}
          </Button>
        </Group>
      ),
    });
  }

  const submit = (values: FormValues) => {
    if (editing === 'new') return writes.addContact({ consent: false, ...toCreateBody(values) });
    if (editing) return submitPatch(values, initial, (body) => writes.patchContact(editing.id, body));
    return Promise.resolve();
  };

  return (
    <Section
      title={t('members.record.contacts')}
      actions={
        editable && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('members.record.addContact')}
          </Button>
        )
      }
    >
      {organisation.contacts.length === 0 ? (
        <Text c="dimmed">{t('members.record.noContact')}</Text>
      ) : (
        <DataTable
          caption={t('members.record.contacts')}
          captionHidden
          columns={columns}
          rows={organisation.contacts}
          rowKey={(row) => row.id}
        />
      )}
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
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('members.record.deleteContact', { name: deleting ? fullName(deleting) : '' })}
        message={t('members.record.confirmDeleteContact', { name: deleting ? fullName(deleting) : '' })}
        confirmLabel={t('common.delete')}
        onConfirm={() => (deleting ? writes.deleteContact(deleting.id) : Promise.resolve())}
      />
    </Section>
  );
}
