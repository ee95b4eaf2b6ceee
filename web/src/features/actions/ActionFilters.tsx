import { Button, Group, NativeSelect, Select, SimpleGrid } from '@mantine/core';
import { t } from '../../i18n';
import { SearchBox } from '../../ui/SearchBox';
import { yearsAround } from '../../ui/YearSelect';
import { useReference } from '../members/api';
import { departmentOptions } from '../members/labels';
import { type ActionFilters as Filters, usePartners } from './api';
import { kindOptions, monthLabel } from './labels';
import { OrganisationPicker } from './OrganisationPicker';

interface Props {
  filters: Filters;
  onChange: (patch: Partial<Filters>, options?: { replace?: boolean }) => void;
  onReset?: (() => void) | undefined;
}

const months = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthLabel(i + 1) }));

export function ActionFilters({ filters, onChange, onReset }: Props) {
  const reference = useReference();
  const partners = usePartners();
  const departments = departmentOptions(reference.data);
  if (filters.department && !departments.some((d) => d.value === filters.department))
    departments.push({ value: filters.department, label: filters.department });
  const years = yearsAround(Number(filters.year) || new Date().getFullYear(), -5, 1).map(String);
  return (
    <search>
      <form onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <SearchBox
            label={t('actions.filter.q')}
            description={t('actions.filter.qHint')}
            value={filters.q}
            onSearch={(q) => onChange({ q }, { replace: true })}
          />
          <NativeSelect
            label={t('actions.filter.year')}
            value={filters.year}
            onChange={(event) => onChange({ year: event.currentTarget.value })}
            data={[{ value: '', label: t('actions.filter.anyYear') }, ...years]}
          />
          <NativeSelect
            label={t('actions.filter.month')}
            value={filters.month}
            onChange={(event) => onChange({ month: event.currentTarget.value })}
            data={[{ value: '', label: t('actions.filter.anyMonth') }, ...months]}
          />
          <NativeSelect
            label={t('actions.filter.kind')}
            value={filters.kind}
            onChange={(event) => onChange({ kind: event.currentTarget.value })}
            data={[{ value: '', label: t('actions.filter.anyKind') }, ...kindOptions]}
          />
          <SearchBox
            label={t('actions.filter.theme')}
            description={t('actions.filter.themeHint')}
            value={filters.theme}
            onSearch={(theme) => onChange({ theme }, { replace: true })}
          />
          <NativeSelect
            label={t('actions.filter.department')}
            value={filters.department}
            onChange={(event) => onChange({ department: event.currentTarget.value })}
            data={[{ value: '', label: t('actions.filter.anyDepartment') }, ...departments]}
          />
          <Select
            label={t('actions.filter.partner')}
            searchable
            clearable
            value={filters.partnerId || null}
            onChange={(value) => onChange({ partnerId: value ?? '' })}
            data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            nothingFoundMessage={t('actions.picker.nothingFound')}
            clearButtonProps={{
              'aria-label': t('actions.picker.clear', { label: t('actions.filter.partner') }),
            }}
          />
          <OrganisationPicker
            label={t('actions.filter.member')}
            value={filters.organisationId}
            onChange={(organisationId) => onChange({ organisationId })}
          />
          <NativeSelect
            label={t('actions.filter.visibility')}
            value={filters.visibility}
            onChange={(event) => onChange({ visibility: event.currentTarget.value })}
            data={[
              { value: '', label: t('actions.filter.anyVisibility') },
              { value: 'public', label: t('actions.visibility.public') },
              { value: 'internal', label: t('actions.visibility.internal') },
            ]}
          />
        </SimpleGrid>
        {onReset && (
          <Group mt="xs">
            <Button variant="subtle" size="xs" onClick={onReset}>
              {t('actions.filter.reset')}
            </Button>
          </Group>
        )}
      </form>
    </search>
  );
}
