import { Button, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { t } from '../../../i18n';
import { SearchBox } from '../../../ui/SearchBox';
import { conventionTypeOptions, departmentOptions } from '../labels';
import type { ListParams, MembershipFilter, Reference } from '../types';

interface Props {
  params: ListParams;
  reference?: Reference;
  onChange: (patch: Partial<ListParams>, options?: { replace?: boolean }) => void;
  onReset?: () => void;
}

export function MemberFilters({ params, reference, onChange, onReset }: Props) {
  const typeOptions = conventionTypeOptions(reference).map((o) => ({
    value: o.value,
    label: o.description ? `${o.value} — ${o.description}` : o.value,
  }));
  // A department in the URL that the reference does not list still shows as selected.
  const departments = departmentOptions(reference);
  if (params.department && !departments.some((d) => d.value === params.department)) {
    departments.push({ value: params.department, label: params.department });
  }
  return (
    <search>
      <form onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <SearchBox
            label={t('members.list.search')}
            description={t('members.list.searchHint')}
            value={params.q}
            onSearch={(q) => onChange({ q }, { replace: true })}
          />
          <NativeSelect
            label={t('members.list.type')}
            value={params.type}
            onChange={(event) => onChange({ type: event.currentTarget.value })}
            data={[{ value: '', label: t('members.list.anyType') }, ...typeOptions]}
          />
          <NativeSelect
            label={t('members.list.department')}
            value={params.department}
            onChange={(event) => onChange({ department: event.currentTarget.value })}
            data={[{ value: '', label: t('members.list.anyDepartment') }, ...departments]}
          />
          <NativeSelect
            label={t('members.list.membership')}
            value={params.membership}
            onChange={(event) => onChange({ membership: event.currentTarget.value as MembershipFilter })}
            data={[
              { value: 'current', label: t('members.list.membership.current') },
              { value: 'former', label: t('members.list.membership.former') },
              { value: 'none', label: t('members.list.membership.none') },
              { value: 'all', label: t('members.list.membership.all') },
            ]}
          />
        </SimpleGrid>
        {onReset && (
          <Group mt="xs">
            <Button variant="subtle" size="xs" onClick={onReset}>
              {t('members.list.reset')}
            </Button>
          </Group>
        )}
      </form>
    </search>
  );
}
