import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { t } from '../../i18n';
import { useOrganisations } from '../members/api';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}

/** Searchable organisation picker: the server searches (accents, SIREN, town), the list shows its answer. */
export function OrganisationSelect({ value, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const selected = useRef<{ value: string; label: string } | null>(null);
  const list = useOrganisations({ q: query.trim(), membership: 'all', sort: 'name', page: 1, pageSize: 50 });

  const data = useMemo(() => {
    const options = (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
    const current = selected.current;
    if (current && current.value === value && !options.some((o) => o.value === current.value))
      options.unshift(current);
    return options;
  }, [list.data, value]);

  return (
    <Select
      label={t('admin.invite.organisation')}
      description={`${t('common.requiredHint')} ${t('admin.invite.organisationHint')}`}
      required
      searchable
      clearable
      value={value}
      onChange={(next, option) => {
        selected.current = option ? { value: option.value, label: option.label } : null;
        onChange(next);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered; the same text must not be filtered again with other rules.
      filter={({ options }) => options}
      data={data}
      nothingFoundMessage={list.isFetching ? t('app.loading') : t('admin.invite.nothingFound')}
      error={error}
      clearButtonProps={{ 'aria-label': t('common.delete') }}
    />
  );
}
