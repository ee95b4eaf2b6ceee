import { Button, Group, LoadingOverlay, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { can, useMe } from '../../../app/session';
import { t } from '../../../i18n';
import { QueryState } from '../../../ui/QueryState';
import { TablePagination } from '../../../ui/TablePagination';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useOrganisations, useReference } from '../api';
import { ExportButtons } from './ExportButtons';
import { MemberFilters } from './MemberFilters';
import { MemberTable } from './MemberTable';
import { useListParams } from './useListParams';

export function MemberListPage() {
  usePageTitle(t('members.list.title'));
  const { data: me } = useMe();
  const { params, update, reset, hasFilters } = useListParams();
  const reference = useReference();
  const list = useOrganisations(params);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('members.list.title')}</Title>
        <Group gap="xs">
          <ExportButtons params={params} />
          {me && can.createOrganisation(me.role) && (
            <Button component={Link} to="/adherents/import" variant="default">
              {t('import.link')}
            </Button>
          )}
          {me && can.createOrganisation(me.role) && (
            <Button component={Link} to="/adherents/nouveau">
              {t('members.list.create')}
            </Button>
          )}
        </Group>
      </Group>
      <MemberFilters
        params={params}
        reference={reference.data}
        onChange={update}
        onReset={hasFilters ? reset : undefined}
      />
      <QueryState query={list}>
        {list.data && (
          <div style={{ position: 'relative' }} aria-busy={list.isFetching}>
            <LoadingOverlay visible={list.isPlaceholderData} zIndex={10} overlayProps={{ blur: 1 }} />
            <MemberTable
              rows={list.data.items}
              membership={params.membership}
              sort={params.sort}
              onSortChange={(sort) => update({ sort })}
            />
            <TablePagination
              total={list.data.total}
              page={list.data.page ?? params.page}
              pageSize={list.data.pageSize ?? params.pageSize}
              onPageChange={(page) => update({ page })}
            />
          </div>
        )}
      </QueryState>
    </Stack>
  );
}
