import { Button, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { t } from '../../i18n';
import { SearchBox } from '../../ui/SearchBox';
import { conventionTypeCodes } from '../members/labels';
import { type DirectoryFilters as Filters, usePublicActivities } from './api';
import { departmentName } from './departments';

interface Props {
  filters: Filters;
  departments: string[];
  onChange: (patch: Partial<Filters>, options?: { replace?: boolean }) => void;
  onReset?: () => void;
}

/** Department, type and activity selects and a search box; the directory follows as one types. */
export function DirectoryFilters({ filters, departments, onChange, onReset }: Props) {
  const activities = usePublicActivities().data?.items ?? [];
  const activityOptions = activities.map((a) => ({
    value: a.label,
    label: t('public.directory.activityOption', { label: a.label, count: a.count }),
  }));
  // A shared link may name an activity no current member has any more: keep it selectable.
  if (filters.activity && !activities.some((a) => a.label === filters.activity))
    activityOptions.push({ value: filters.activity, label: filters.activity });
  const options = departments.map((code) => ({ value: code, label: `${code} — ${departmentName(code)}` }));
  if (filters.department && !departments.includes(filters.department))
    options.push({ value: filters.department, label: filters.department });
  return (
    <search>
      <form onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <SearchBox
            label={t('public.directory.search')}
            description={t('public.directory.searchHint')}
            value={filters.q}
            onSearch={(q) => onChange({ q }, { replace: true })}
          />
          <NativeSelect
            label={t('public.directory.department')}
            value={filters.department}
            onChange={(event) => onChange({ department: event.currentTarget.value })}
            data={[{ value: '', label: t('public.directory.anyDepartment') }, ...options]}
          />
          <NativeSelect
            label={t('public.directory.type')}
            value={filters.type}
            onChange={(event) => onChange({ type: event.currentTarget.value })}
            data={[
              { value: '', label: t('public.directory.anyType') },
              ...conventionTypeCodes.map((code) => ({ value: code, label: code })),
            ]}
          />
          <NativeSelect
            label={t('public.directory.activity')}
            value={filters.activity}
            onChange={(event) => onChange({ activity: event.currentTarget.value })}
            data={[{ value: '', label: t('public.directory.anyActivity') }, ...activityOptions]}
          />
        </SimpleGrid>
        {onReset && (
          <Group mt="xs">
            <Button variant="subtle" size="xs" onClick={onReset}>
              {t('public.directory.reset')}
            </Button>
          </Group>
        )}
      </form>
    </search>
  );
}
