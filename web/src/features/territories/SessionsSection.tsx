import { Button } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { formatDate } from '../../ui/format';
import { type FormValues, toCreateBody } from '../../ui/formValues';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { addPart, type ProjectSession, removePart } from './api';

const fields: FieldSpec[] = [
  { name: 'title', kind: 'text', label: t('territories.sessions.field.title'), required: true },
  { name: 'startsOn', kind: 'date', label: t('territories.sessions.field.startsOn') },
  { name: 'endsOn', kind: 'date', label: t('territories.sessions.field.endsOn') },
  {
    name: 'traineesCount',
    kind: 'text',
    inputMode: 'numeric',
    label: t('territories.sessions.field.traineesCount'),
  },
  {
    name: 'employersCount',
    kind: 'text',
    inputMode: 'numeric',
    label: t('territories.sessions.field.employersCount'),
  },
  { name: 'note', kind: 'textarea', label: t('territories.sessions.field.note') },
];

/** Counts typed as text go to the API as numbers; what is not a number is sent as typed for the API to refuse. */
function toApi(values: FormValues) {
  const body: Record<string, unknown> = toCreateBody(values);
  for (const key of ['traineesCount', 'employersCount'])
    if (typeof body[key] === 'string' && /^\d+$/.test(body[key] as string)) body[key] = Number(body[key]);
  return body;
}

interface Props {
  projectId: string;
  sessions: ProjectSession[];
  canEdit: boolean;
  onChange: () => Promise<unknown>;
}

export function SessionsSection({ projectId, sessions, canEdit, onChange }: Props) {
  const [adding, setAdding] = useState(false);
  const columns: Column<ProjectSession>[] = [
    { key: 'title', header: t('territories.sessions.field.title'), rowHeader: true, render: (s) => s.title },
    {
      key: 'startsOn',
      header: t('territories.sessions.field.startsOn'),
      nowrap: true,
      render: (s) => formatDate(s.startsOn),
    },
    {
      key: 'endsOn',
      header: t('territories.sessions.field.endsOn'),
      nowrap: true,
      render: (s) => formatDate(s.endsOn),
    },
    {
      key: 'trainees',
      header: t('territories.sessions.field.traineesCount'),
      render: (s) => s.traineesCount ?? '',
    },
    {
      key: 'employers',
      header: t('territories.sessions.field.employersCount'),
      render: (s) => s.employersCount ?? '',
    },
    { key: 'note', header: t('territories.sessions.field.note'), render: (s) => s.note ?? '' },
  ];
  if (canEdit)
    columns.push({
      key: 'remove',
      header: t('territories.remove'),
      render: (s) => (
        <RowButton
          size="xs"
          danger
          onClick={async () => {
            await removePart(projectId, 'sessions', s.id);
            await onChange();
          }}
          label={t('territories.removeLabel', { name: s.title })}
        >
          {t('territories.remove')}
        </RowButton>
      ),
    });
  return (
    <Section
      title={t('territories.sessions.title')}
      actions={canEdit && <Button onClick={() => setAdding(true)}>{t('territories.sessions.add')}</Button>}
    >
      <DataTable
        caption={t('territories.sessions.caption')}
        captionHidden
        columns={columns}
        rows={sessions}
        rowKey={(s) => s.id}
        emptyMessage={t('territories.sessions.empty')}
      />
      <FormModal
        opened={adding}
        title={t('territories.sessions.add')}
        fields={fields}
        initialValues={{}}
        onClose={() => setAdding(false)}
        onSubmit={async (values) => {
          await addPart(projectId, 'sessions', toApi(values));
          setAdding(false);
          await onChange();
        }}
      />
    </Section>
  );
}
