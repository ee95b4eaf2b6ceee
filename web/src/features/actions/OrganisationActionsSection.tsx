import { Anchor, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { YearSelect } from '../../ui/YearSelect';
import { canReadActions } from './access';
import { type OrganisationAction, useOrganisationActions } from './api';
import { formatPlace, formatWhen, kindLabel, memberRoleLabel } from './labels';

/**
 * "Actions" on a member's record: the actions the organisation took part in during a year,
 * for the delegation's team and for the member itself (the server refuses other members).
 */
export function OrganisationActionsSection({ organisationId }: { organisationId: string }) {
  const { data: me } = useMe();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const actions = useOrganisationActions(organisationId, year);
  // The team opens an action's page; a member user has no access to it and reads the row.
  const linked = me ? canReadActions(me.role) : false;
  const columns: Column<OrganisationAction>[] = [
    { key: 'date', header: t('actions.field.date'), render: formatWhen, width: 170 },
    {
      key: 'title',
      header: t('actions.field.title'),
      rowHeader: true,
      render: (a) =>
        linked ? (
          <Anchor component={Link} to={`/actions/${a.id}`}>
            {a.title}
          </Anchor>
        ) : (
          a.title
        ),
    },
    { key: 'kind', header: t('actions.field.kind'), render: (a) => kindLabel(a.kind) },
    { key: 'place', header: t('actions.field.place'), render: formatPlace },
    { key: 'role', header: t('actions.field.role'), render: (a) => memberRoleLabel(a.role) },
  ];
  return (
    <Section
      title={t('actions.organisation.title')}
      actions={<YearSelect label={t('actions.organisation.year')} year={year} onChange={setYear} w={140} />}
    >
      <QueryState query={actions}>
        {actions.data &&
          (actions.data.items.length === 0 ? (
            <Text c="dimmed">{t('actions.organisation.empty', { year: String(year) })}</Text>
          ) : (
            <DataTable
              caption={t('actions.organisation.caption', { year: String(year) })}
              captionHidden
              columns={columns}
              rows={actions.data.items}
              rowKey={(a) => a.id}
            />
          ))}
      </QueryState>
    </Section>
  );
}
