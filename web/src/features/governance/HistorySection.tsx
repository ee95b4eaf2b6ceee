import { Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate, orDash } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { SearchBox } from '../../ui/SearchBox';
import { Section } from '../../ui/Section';
import { type BoardMandate, useMandates } from './api';
import { fullName, roleLabel, useOrganisationOptions } from './options';

const columns: Column<BoardMandate>[] = [
  { key: 'name', header: t('governance.col.name'), rowHeader: true, render: fullName },
  { key: 'organisation', header: t('governance.col.organisation'), render: (m) => m.organisationName },
  { key: 'role', header: t('governance.col.role'), render: (m) => roleLabel(m.role) },
  { key: 'department', header: t('governance.col.department'), render: (m) => orDash(m.department) },
  {
    key: 'electedOn',
    header: t('governance.col.electedOn'),
    nowrap: true,
    render: (m) => formatDate(m.electedOn),
  },
  { key: 'endsOn', header: t('governance.history.end'), nowrap: true, render: (m) => formatDate(m.endsOn) },
];

/** Every mandate, ended or not, newest first: of one person, of one organisation, or all. */
export function HistorySection() {
  const [person, setPerson] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const organisations = useOrganisationOptions();
  const mandates = useMandates({ person, organisationId });
  const items = mandates.data?.items ?? [];
  return (
    <Section title={t('governance.history.title')}>
      <Group mb="md" align="flex-end">
        <SearchBox label={t('governance.history.person')} value={person} onSearch={setPerson} />
        <NativeSelect
          label={t('governance.history.organisation')}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          data={[{ value: '', label: t('governance.history.allOrganisations') }, ...organisations]}
        />
      </Group>
      <QueryState query={mandates}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('governance.history.empty')}</Text>
        ) : (
          <DataTable
            caption={t('governance.history.title')}
            captionHidden
            columns={columns}
            rows={items}
            rowKey={(m) => m.id}
          />
        )}
      </QueryState>
    </Section>
  );
}
