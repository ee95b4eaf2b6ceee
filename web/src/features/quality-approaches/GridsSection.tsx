import { Button, Group, List, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import type { FormValues } from '../../ui/formValues';
import { QueryState } from '../../ui/QueryState';
import { RowButton } from '../../ui/RowActions';
import { Section } from '../../ui/Section';
import { type Grid, loadDefaultGrid, qualityKeys, saveGrid, useGrids } from './api';

const fields: FieldSpec[] = [
  { name: 'name', kind: 'text', label: t('qualityApproaches.grid.name'), required: true },
  {
    name: 'active',
    kind: 'select',
    label: t('qualityApproaches.grid.active'),
    required: true,
    options: (['active', 'archived'] as const).map((value) => ({
      value,
      label: t(`qualityApproaches.grid.active.${value}`),
    })),
  },
  {
    name: 'pillars',
    kind: 'textarea',
    label: t('qualityApproaches.grid.pillars'),
    description: t('qualityApproaches.grid.pillarsHint'),
    required: true,
  },
];

// The grid's structure is edited as JSON text; a text that does not parse is refused on its field
// before sending, and the server's refusals (duplicate ids, levels with gaps) name the exact place.
function parsePillars(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const message = t('qualityApproaches.grid.pillarsInvalid');
    throw new ApiError(400, 'request.invalid', message, [{ field: 'pillars', code: 'json', message }]);
  }
}

/** The self-assessment grids (data edited by staff); the proposed grid is loaded only on request. */
export function GridsSection({ write }: { write: boolean }) {
  const queryClient = useQueryClient();
  const grids = useGrids();
  const [editing, setEditing] = useState<Grid | null | undefined>(undefined);
  const refresh = () => queryClient.invalidateQueries({ queryKey: qualityKeys.grids });
  const initial: FormValues = editing
    ? { name: editing.name, active: editing.active, pillars: JSON.stringify(editing.pillars, null, 2) }
    : { name: '', active: 'active', pillars: '[]' };
  const submit = async (values: FormValues) => {
    const body = {
      name: String(values.name).trim(),
      active: values.active,
      pillars: parsePillars(String(values.pillars)),
    };
    await saveGrid(editing ? editing.id : null, body);
    await refresh();
  };
  return (
    <Section
      title={t('qualityApproaches.grids.title')}
      actions={
        write && (
          <>
            <Button
              variant="default"
              onClick={async () => {
                await loadDefaultGrid();
                await refresh();
              }}
            >
              {t('qualityApproaches.grids.loadDefault')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('qualityApproaches.grid.create')}</Button>
          </>
        )
      }
    >
      <QueryState query={grids}>
        {(grids.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('qualityApproaches.grids.empty')}</Text>
        ) : (
          <List>
            {(grids.data ?? []).map((g) => (
              <List.Item key={g.id}>
                <Group gap="xs">
                  <Text fw={600}>{g.name}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`qualityApproaches.grid.active.${g.active}`)} ·{' '}
                    {t('qualityApproaches.grid.summary', {
                      pillars: g.pillars.length,
                      criteria: g.pillars.reduce((n, p) => n + p.criteria.length, 0),
                      version: g.version,
                    })}
                  </Text>
                  {write && (
                    <RowButton
                      onClick={() => setEditing(g)}
                      label={t('qualityApproaches.grid.editOf', { name: g.name })}
                    >
                      {t('common.edit')}
                    </RowButton>
                  )}
                </Group>
                <Text size="sm">{g.pillars.map((p) => p.label).join(' · ')}</Text>
              </List.Item>
            ))}
          </List>
        )}
      </QueryState>
      <FormModal
        opened={editing !== undefined}
        title={editing ? t('qualityApproaches.grid.edit') : t('qualityApproaches.grid.create')}
        fields={fields}
        initialValues={initial}
        onClose={() => setEditing(undefined)}
        onSubmit={submit}
      />
    </Section>
  );
}
