import { Checkbox, Group, MultiSelect, NativeSelect, Stack } from '@mantine/core';
import { t } from '../../../i18n';
import type { DashboardFilters, DashboardOptions } from './api';

interface Props {
  filters: DashboardFilters;
  options: DashboardOptions;
  onChange: (patch: Partial<DashboardFilters>) => void;
}

const numberOrUndefined = (value: string) => (value === '' ? undefined : Number(value));

/** Indicator picker, year range, type and department: every change reloads the dashboard. */
export function Filters({ filters, options, onChange }: Props) {
  const years = [
    { value: '', label: t('observatory.dashboard.anyYear') },
    ...options.years.map((y) => ({ value: String(y), label: String(y) })),
  ];
  return (
    <Stack gap="sm">
      <MultiSelect
        label={t('observatory.dashboard.indicators')}
        searchable
        maxValues={20}
        value={filters.indicators}
        onChange={(indicators) => onChange({ indicators })}
        data={options.indicators.map((i) => ({ value: i.code, label: i.label }))}
        error={filters.indicators.length === 0 ? t('observatory.dashboard.pickIndicators') : undefined}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('observatory.dashboard.from')}
          value={filters.from ? String(filters.from) : ''}
          onChange={(e) => onChange({ from: numberOrUndefined(e.currentTarget.value) })}
          data={years}
        />
        <NativeSelect
          label={t('observatory.dashboard.to')}
          value={filters.to ? String(filters.to) : ''}
          onChange={(e) => onChange({ to: numberOrUndefined(e.currentTarget.value) })}
          data={years}
        />
        <NativeSelect
          label={t('observatory.dashboard.type')}
          value={filters.type ?? ''}
          onChange={(e) => onChange({ type: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('observatory.dashboard.anyType') },
            ...options.types.map((type) => ({ value: type, label: type })),
          ]}
        />
        <NativeSelect
          label={t('observatory.dashboard.department')}
          value={filters.department ?? ''}
          onChange={(e) => onChange({ department: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('observatory.dashboard.anyDepartment') },
            ...options.departments.map((d) => ({ value: d, label: d })),
          ]}
        />
      </Group>
      <Checkbox
        label={t('observatory.dashboard.includeSubmitted')}
        checked={filters.include === 'submitted'}
        onChange={(e) => onChange({ include: e.currentTarget.checked ? 'submitted' : undefined })}
      />
    </Stack>
  );
}
