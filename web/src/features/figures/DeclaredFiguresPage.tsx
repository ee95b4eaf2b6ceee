import { Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { EditDeleteButtons } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect } from '../../ui/YearSelect';
import { practiceKeys } from '../practice-groups/api';
import { trainingsKeys } from '../trainings/api';
import { canEditFigures } from './access';
import { type DeclaredFigure, deleteFigure, figuresKeys, useDeclaredFigures } from './api';
import { FigureDialog } from './FigureDialog';
import { formatFigure } from './numbers';

/** The totals sources state for a year (the report's figures), each with where it comes from. */
export function DeclaredFiguresPage() {
  usePageTitle(t('figures.title'));
  const { data: me } = useMe();
  const [year, setYear] = useYearParam();
  const figures = useDeclaredFigures(year);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<DeclaredFigure | null | undefined>(undefined);
  const [removing, setRemoving] = useState<DeclaredFigure | null>(null);
  const write = me ? canEditFigures(me.role) : false;
  // The group and training pages show these figures beside their own counts.
  const refresh = () =>
    Promise.all(
      [figuresKeys.all, practiceKeys.all, trainingsKeys.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );

  const columns: Column<DeclaredFigure>[] = [
    { key: 'label', header: t('figures.field.label'), rowHeader: true, render: (f) => f.label },
    {
      key: 'value',
      header: t('figures.field.value'),
      nowrap: true,
      render: (f) => formatFigure(f.value, f.unit),
    },
    { key: 'source', header: t('figures.field.source'), render: (f) => f.source },
    { key: 'key', header: t('figures.field.key'), render: (f) => <Code>{f.key}</Code> },
    {
      key: 'updatedAt',
      header: t('figures.updatedAt'),
      nowrap: true,
      render: (f) => formatDate(f.updatedAt),
    },
  ];
  if (write)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (f) => (
        <EditDeleteButtons
          onEdit={() => setEditing(f)}
          editLabel={t('figures.editOf', { label: f.label })}
          onDelete={() => setRemoving(f)}
          deleteLabel={t('figures.deleteOf', { label: f.label })}
        />
      ),
    });

  const items = figures.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('figures.title')}</Title>
        <YearSelect label={t('figures.year')} year={year} onChange={setYear} />
      </Group>
      <Text c="dimmed">{t('figures.intro')}</Text>
      <Section
        title={t('figures.ofYear', { year: String(year) })}
        actions={write && <Button onClick={() => setEditing(null)}>{t('figures.addButton')}</Button>}
      >
        <QueryState query={figures}>
          {items.length === 0 ? (
            <Text c="dimmed">{t('figures.empty')}</Text>
          ) : (
            <DataTable
              caption={t('figures.ofYear', { year: String(year) })}
              captionHidden
              columns={columns}
              rows={items}
              rowKey={(f) => f.key}
            />
          )}
        </QueryState>
      </Section>
      <FigureDialog year={year} figure={editing} onClose={() => setEditing(undefined)} onSaved={refresh} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('figures.deleteTitle')}
        message={t('figures.deleteMessage', { label: removing?.label ?? '', year: String(year) })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteFigure(year, removing.key);
          await refresh();
        }}
      />
    </Stack>
  );
}
