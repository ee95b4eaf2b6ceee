import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { t } from '../../i18n';
import { useOrganisations } from '../members/api';

interface Props {
  label: string;
  value: string;
  onChange: (id: string, name: string) => void;
  /** The name of the chosen organisation when it is already known (an action's members). */
  knownName?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/**
 * Searchable member organisation picker: the registry's own search (accents, SIREN, town)
 * answers, former members included, since an action of past years involved them.
 */
export function OrganisationPicker({ label, value, onChange, knownName, error, required }: Props) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useOrganisations({ q: q.trim(), membership: 'all', sort: 'name', page: 1, pageSize: 100 });
  const data = useMemo(() => {
    const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
    if (value && knownName && !options.some((o) => o.value === value))
      options.unshift({ value, label: knownName });
    return options;
  }, [list.data, value, knownName]);
  return (
    <Select
      label={label}
      required={required}
      searchable
      clearable
      value={value || null}
      onChange={(next, option) => onChange(next ?? '', option?.label ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; the same text must not be filtered again with other rules.
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={list.isFetching ? t('app.loading') : t('actions.picker.nothingFound')}
      error={error}
      clearButtonProps={{ 'aria-label': t('actions.picker.clear', { label }) }}
    />
  );
}
