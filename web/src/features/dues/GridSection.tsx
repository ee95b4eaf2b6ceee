import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { t } from '../../i18n';
import { type Column, DataTable } from '../../ui/DataTable';
import { formatNumber } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { type DuesGrid, type DuesRule, useDuesGrid } from './api';
import { GridEditor } from './GridEditor';
import { basisLabel, formatEuros } from './labels';

function bound(value: number | null): string {
  return value === null ? t('common.none') : formatNumber(value);
}

function GridTable({ grid }: { grid: DuesGrid }) {
  const ranged = grid.basis !== 'flat';
  // Rules have no identity of their own: their place in the grid is their key.
  const rows = grid.rules.map((rule, index) => ({ ...rule, index }));
  const columns: Column<(typeof rows)[number]>[] = [
    { key: 'type', header: t('dues.col.type'), render: (r) => r.conventionType ?? t('dues.anyType') },
    ...(ranged
      ? [
          { key: 'from', header: t('dues.col.from'), render: (r: DuesRule) => bound(r.from) },
          { key: 'to', header: t('dues.col.to'), render: (r: DuesRule) => bound(r.to) },
        ]
      : []),
    { key: 'amount', header: t('dues.col.amount'), render: (r) => formatEuros(r.amount), nowrap: true },
  ];
  return (
    <DataTable
      caption={t('dues.grid.caption', { year: String(grid.year) })}
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(r) => String(r.index)}
    />
  );
}

/**
 * The year's grid as the general assembly decided it; the team edits it in a dialog.
 * Years go to t() as text: a number would be printed with a digit group separator (2 026).
 */
export function GridSection({ year, canEdit }: { year: number; canEdit: boolean }) {
  const grid = useDuesGrid(year);
  const [editing, { open, close }] = useDisclosure(false);
  const actions =
    canEdit && grid.data !== undefined ? (
      <Button variant="default" onClick={open}>
        {grid.data ? t('dues.grid.edit') : t('dues.grid.define')}
      </Button>
    ) : undefined;
  return (
    <Section title={t('dues.grid.title', { year: String(year) })} actions={actions}>
      <QueryState query={grid}>
        {grid.data ? (
          <Stack gap="xs">
            <Text>
              {t('dues.grid.basis')} : <strong>{basisLabel(grid.data.basis)}</strong>
            </Text>
            <GridTable grid={grid.data} />
            {grid.data.note && <Text size="sm">{grid.data.note}</Text>}
          </Stack>
        ) : (
          <Text c="dimmed">{t('dues.grid.none', { year: String(year) })}</Text>
        )}
      </QueryState>
      {editing && <GridEditor year={year} grid={grid.data ?? null} onClose={close} />}
    </Section>
  );
}
