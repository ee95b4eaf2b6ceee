import { Alert, Group, Pagination, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { t, tn } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { DIRECTORY_PAGE_SIZE, useDirectorySummary, usePublicOrganisation, usePublicStructures } from './api';
import { DepartmentMap } from './DepartmentMap';
import { DepartmentTable } from './DepartmentTable';
import { DirectoryFilters } from './DirectoryFilters';
import { DirectoryList } from './DirectoryList';
import { groupByDepartment, membersPerDepartment } from './grouping';
import { useDirectoryParams } from './useDirectoryParams';

/** The public directory of current members, by department, with the map of the delegation. */
export function DirectoryPage() {
  usePageTitle(t('public.directory.title'));
  const { filters, page, goToPage, update, reset, hasFilters } = useDirectoryParams();
  const organisation = usePublicOrganisation();
  const covered = organisation.data?.delegation.departmentsCovered ?? [];
  // The map's counts come from the summary; the list asks for one page at a time.
  const summary = useDirectorySummary();
  const directory = usePublicStructures(filters, page);

  const counts = membersPerDepartment(covered, summary.data?.byDepartment ?? {});
  const items = directory.data?.items ?? [];
  const groups = groupByDepartment(items, covered, filters.department);
  const pages = Math.ceil((directory.data?.total ?? 0) / DIRECTORY_PAGE_SIZE);
  const selectDepartment = (department: string) => update({ department });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('public.directory.title')}</Title>
      <Text>{t('public.directory.intro')}</Text>

      {covered.length > 0 && (
        <section aria-labelledby="carte-titre">
          <Title order={2} size="h3" id="carte-titre" mb="xs">
            {t('public.map.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('public.map.explain')}
          </Text>
          <QueryState isPending={summary.isPending} error={summary.error}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <div>
                <DepartmentMap counts={counts} selected={filters.department} onSelect={selectDepartment} />
              </div>
              <div>
                <DepartmentTable counts={counts} />
              </div>
            </SimpleGrid>
          </QueryState>
        </section>
      )}

      <section aria-labelledby="annuaire-titre">
        <Title order={2} size="h3" id="annuaire-titre" mb="sm">
          {t('public.directory.listTitle')}
        </Title>
        <DirectoryFilters
          filters={filters}
          departments={covered}
          onChange={update}
          onReset={hasFilters ? reset : undefined}
        />
        <Text size="sm" mt="sm" role="status" aria-live="polite">
          {directory.data ? tn('public.directory.count', directory.data.total) : ''}
        </Text>
      </section>

      <QueryState query={directory}>
        {groups.length === 0 ? (
          <Alert color="gray">{t('public.directory.empty')}</Alert>
        ) : (
          <DirectoryList groups={groups} />
        )}
        {pages > 1 && (
          <Group justify="center" mt="md">
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={(next) => {
                goToPage(next);
                window.scrollTo({ top: 0 });
              }}
              getControlProps={(control) => ({
                'aria-label': t(
                  control === 'previous' ? 'public.directory.previousPage' : 'public.directory.nextPage',
                ),
              })}
              getItemProps={(n) => ({ 'aria-label': t('public.directory.page', { page: n }) })}
              aria-label={t('public.directory.pages')}
            />
          </Group>
        )}
      </QueryState>
    </Stack>
  );
}
