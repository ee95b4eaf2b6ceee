import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { t, tn } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { SearchBox } from '../../ui/SearchBox';
import { Section } from '../../ui/Section';
import { type FileFilters, useFiles, useOwners } from './api';
import { FileDialog } from './FileDialog';
import { FileTable } from './FileTable';
import { statusOptions, subjectOptions } from './labels';

const currentYear = new Date().getFullYear();
const years = [currentYear + 1, currentYear, currentYear - 1, currentYear - 2, currentYear - 3];

/** Every file of the delegation with filters; the team creates files from here. */
export function FilesSection({ canEdit }: { canEdit: boolean }) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<FileFilters>({ year: String(currentYear) });
  const [creating, setCreating] = useState(false);
  const files = useFiles(filters);
  const owners = useOwners();
  const set = (name: keyof FileFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [name]: value || undefined }));
  const empty = { value: '', label: t('support.filter.all') };

  return (
    <Section
      title={t('support.list.title')}
      actions={canEdit && <Button onClick={() => setCreating(true)}>{t('support.file.create')}</Button>}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
          <SearchBox value={filters.q ?? ''} onSearch={set('q')} label={t('support.filter.search')} />
          <NativeSelect
            label={t('support.file.subject')}
            value={filters.subject ?? ''}
            onChange={(e) => set('subject')(e.currentTarget.value)}
            data={[empty, ...subjectOptions()]}
          />
          <NativeSelect
            label={t('support.file.status')}
            value={filters.status ?? ''}
            onChange={(e) => set('status')(e.currentTarget.value)}
            data={[empty, ...statusOptions()]}
          />
          <NativeSelect
            label={t('support.file.ownerUserId')}
            value={filters.ownerUserId ?? ''}
            onChange={(e) => set('ownerUserId')(e.currentTarget.value)}
            data={[empty, ...(owners.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          />
          <NativeSelect
            label={t('support.filter.year')}
            description={t('support.filter.yearHint')}
            value={filters.year ?? ''}
            onChange={(e) => set('year')(e.currentTarget.value)}
            data={[{ value: '', label: t('support.filter.allYears') }, ...years.map((y) => String(y))]}
          />
          <Group align="flex-end">
            <Checkbox
              label={t('support.filter.overdue')}
              checked={filters.overdue === 'true'}
              onChange={(e) => set('overdue')(e.currentTarget.checked ? 'true' : '')}
            />
          </Group>
        </SimpleGrid>
        <QueryState query={files}>
          <div aria-live="polite">{tn('support.list.count', files.data?.total ?? 0)}</div>
          <FileTable
            caption={t('support.list.title')}
            files={files.data?.items ?? []}
            columns={[
              'title',
              'organisation',
              'subject',
              'status',
              'owner',
              'dueOn',
              ...(canEdit ? (['time'] as const) : []),
            ]}
            emptyMessage={t('support.list.empty')}
          />
        </QueryState>
      </Stack>
      {creating && (
        <FileDialog
          file={null}
          onClose={() => setCreating(false)}
          onSaved={(file) => void navigate(`/accompagnements/${file.id}`)}
        />
      )}
    </Section>
  );
}
