import { Anchor, Badge, Button, Group, LoadingOverlay, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { TablePagination } from '../../ui/TablePagination';
import { usePageTitle } from '../../ui/usePageTitle';
import { ActionFilters } from './ActionFilters';
import { canWriteActions } from './access';
import { type Action, exportUrl, PAGE_SIZE, useActions } from './api';
import { formatParticipants, formatPlace, formatWhen, kindLabel } from './labels';
import { useActionParams } from './useActionParams';

const names = (links: { name: string }[]) => links.map((l) => l.name).join(', ') || t('common.none');

const columns: Column<Action>[] = [
  { key: 'date', header: t('actions.field.date'), render: formatWhen, width: 170 },
  {
    key: 'title',
    header: t('actions.field.title'),
    rowHeader: true,
    render: (a) => (
      <Anchor component={Link} to={`/actions/${a.id}`}>
        {a.title}
      </Anchor>
    ),
  },
  { key: 'kind', header: t('actions.field.kind'), render: (a) => kindLabel(a.kind) },
  { key: 'place', header: t('actions.field.place'), render: formatPlace },
  { key: 'partners', header: t('actions.field.partners'), render: (a) => names(a.partners) },
  { key: 'members', header: t('actions.field.members'), render: (a) => names(a.members) },
  {
    key: 'participants',
    header: t('actions.field.participants'),
    render: (a) => formatParticipants(a.participantsCount, a.participantsQualifier),
  },
  {
    key: 'visibility',
    header: t('actions.field.visibility'),
    nowrap: true,
    width: 110,
    render: (a) => (
      <Badge variant="light" color={a.visibility === 'public' ? 'green' : 'gray'}>
        {t(`actions.visibility.${a.visibility}`)}
      </Badge>
    ),
  },
];

/** The back-office list of actions: filters in the URL, newest first, export of the filtered list. */
export function ActionListPage() {
  usePageTitle(t('actions.list.title'));
  const { data: me } = useMe();
  const { filters, active, page, update, reset, hasFilters } = useActionParams();
  const list = useActions(active, page);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('actions.list.title')}</Title>
        <Group gap="xs">
          <Button component="a" href={exportUrl(active)} download variant="default">
            {t('actions.list.export')}
          </Button>
          {me && canWriteActions(me.role) && (
            <Button component={Link} to="/actions/nouvelle">
              {t('actions.list.create')}
            </Button>
          )}
        </Group>
      </Group>
      <ActionFilters filters={filters} onChange={update} onReset={hasFilters ? reset : undefined} />
      <QueryState query={list}>
        {list.data && (
          <div style={{ position: 'relative' }} aria-busy={list.isFetching}>
            <LoadingOverlay visible={list.isPlaceholderData} zIndex={10} overlayProps={{ blur: 1 }} />
            <DataTable
              caption={t('actions.list.title')}
              captionHidden
              columns={columns}
              rows={list.data.items}
              rowKey={(a) => a.id}
              emptyMessage={t('actions.list.empty')}
            />
            <TablePagination
              total={list.data.total}
              page={page}
              pageSize={PAGE_SIZE}
              onPageChange={(next) => update({ page: next })}
            />
          </div>
        )}
      </QueryState>
    </Stack>
  );
}
