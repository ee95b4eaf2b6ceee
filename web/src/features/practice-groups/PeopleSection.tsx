import { Anchor, Button, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { FormModal } from '../../ui/FormModal';
import { orDash } from '../../ui/format';
import { type FormValues, toCreateBody } from '../../ui/formValues';
import { Section } from '../../ui/Section';
import { useOrganisations } from '../members/api';
import { addPerson, type GroupPerson, type PracticeGroup, removePerson } from './api';

interface Props {
  group: PracticeGroup;
  write: boolean;
  onChanged: () => Promise<unknown>;
}

export const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Current members of the delegation (one page of 100 covers a delegation), for the picker. */
function useMemberOptions(enabled: boolean) {
  const list = useOrganisations({ membership: 'current', sort: 'name', page: 1, pageSize: 100 }, enabled);
  return useMemo(() => (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })), [list.data]);
}

/** The professionals of member organisations who belong to the group. */
export function PeopleSection({ group, write, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<GroupPerson | null>(null);
  const organisations = useMemberOptions(write);

  const columns: Column<GroupPerson>[] = [
    { key: 'name', header: t('practice.person.name'), rowHeader: true, render: personName },
    {
      key: 'organisation',
      header: t('practice.person.organisation'),
      render: (p) => orDash(p.organisationName),
    },
    { key: 'jobTitle', header: t('practice.person.jobTitle'), render: (p) => orDash(p.jobTitle) },
    {
      key: 'email',
      header: t('practice.person.email'),
      render: (p) => (p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : t('common.none')),
    },
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
          aria-label={t('practice.person.removeOf', { name: personName(p) })}
        >
          {t('practice.person.remove')}
        </Button>
      ),
    });

  const submit = async (values: FormValues) => {
    await addPerson(group.id, toCreateBody(values));
    await onChanged();
  };

  return (
    <Section
      title={t('practice.people')}
      actions={write && <Button onClick={() => setAdding(true)}>{t('practice.person.add')}</Button>}
    >
      {group.people.length === 0 ? (
        <Text c="dimmed">{t('practice.people.empty')}</Text>
      ) : (
        <DataTable
          caption={t('practice.people')}
          captionHidden
          columns={columns}
          rows={group.people}
          rowKey={(p) => p.id}
        />
      )}
      <FormModal
        opened={adding}
        title={t('practice.person.addTo', { name: group.name })}
        fields={[
          {
            name: 'organisationId',
            kind: 'select',
            label: t('practice.person.organisation'),
            description: t('practice.person.organisationHint'),
            required: true,
            options: organisations,
          },
          { name: 'firstName', kind: 'text', label: t('practice.person.firstName'), required: true },
          { name: 'lastName', kind: 'text', label: t('practice.person.lastName'), required: true },
          { name: 'jobTitle', kind: 'text', label: t('practice.person.jobTitle') },
          { name: 'email', kind: 'email', label: t('practice.person.email'), autoComplete: 'off' },
        ]}
        initialValues={{ organisationId: '', firstName: '', lastName: '', jobTitle: '', email: '' }}
        onClose={() => setAdding(false)}
        onSubmit={submit}
        submitLabel={t('common.add')}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('practice.person.removeTitle')}
        message={t('practice.person.removeMessage', { name: removing ? personName(removing) : '' })}
        confirmLabel={t('practice.person.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await removePerson(group.id, removing.id);
          await onChanged();
        }}
      />
    </Section>
  );
}
