import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { conventionTypeCodes } from '../members/labels';
import type { DirectoryFilters as Filters } from './api';
import { departmentName } from './departments';

interface Props {
  filters: Filters;
  departments: string[];
  onChange: (patch: Partial<Filters>, options?: { replace?: boolean }) => void;
  onReset?: () => void;
}

/** Department and type selects and a search box; the directory follows as one types. */
export function DirectoryFilters({ filters, departments, onChange, onReset }: Props) {
  const options = departments.map((code) => ({ value: code, label: `${code} — ${departmentName(code)}` }));
  if (filters.department && !departments.includes(filters.department))
    options.push({ value: filters.department, label: filters.department });
  return (
    <search>
      <form onSubmit={(event) => event.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <SearchBox value={filters.q} onSearch={(q) => onChange({ q }, { replace: true })} />
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

function SearchBox({ value, onSearch }: { value: string; onSearch: (value: string) => void }) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const send = (next: string) => {
    lastSent.current = next.trim();
    onSearch(next.trim());
  };
  const debounced = useDebouncedCallback(send, 300);

  // Back/forward or "clear filters" changed the URL behind our back: show what it says.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      label={t('public.directory.search')}
      description={t('public.directory.searchHint')}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          debounced.cancel();
          send(text);
        }
      }}
    />
  );
}
