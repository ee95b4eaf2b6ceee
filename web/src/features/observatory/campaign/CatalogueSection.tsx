import { Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t, tn } from '../../../i18n';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { type Column, DataTable } from '../../../ui/DataTable';
import { formatBoolean } from '../../../ui/format';
import { EditDeleteButtons } from '../../../ui/RowActions';
import { Section } from '../../../ui/Section';
import { addIndicator, deleteIndicator, type Indicator, observatoryKeys, updateIndicator } from './api';
import { IndicatorDialog } from './IndicatorDialog';
import { sectionLabel, unitLabel } from './labels';
import { describeRule } from './rulesDraft';

interface Props {
  campaignId: string;
  indicators: Indicator[];
  canEdit: boolean;
}

/** The questions of the campaign. Staff add, edit and remove them while it is a draft. */
export function CatalogueSection({ campaignId, indicators, canEdit }: Props) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const [removing, setRemoving] = useState<Indicator | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: observatoryKeys.campaign(campaignId) });
  const codes = indicators.map((i) => i.code);

  const columns: Column<Indicator>[] = [
    { key: 'code', header: t('observatory.indicator.code'), rowHeader: true, render: (i) => i.code },
    {
      key: 'label',
      header: t('observatory.indicator.label'),
      render: (i) => (
        <Stack gap={0}>
          <span>{i.label}</span>
          {i.definition && (
            <Text size="xs" c="dimmed">
              {i.definition}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'section', header: t('observatory.indicator.section'), render: (i) => sectionLabel(i.section) },
    { key: 'unit', header: t('observatory.indicator.unit'), render: (i) => unitLabel(i.unit) },
    {
      key: 'appliesTo',
      header: t('observatory.indicator.appliesTo'),
      render: (i) => (i.appliesTo.length > 0 ? i.appliesTo.join(', ') : t('observatory.indicator.allTypes')),
    },
    {
      key: 'required',
      header: t('observatory.indicator.required'),
      render: (i) => formatBoolean(i.required),
    },
    {
      key: 'rules',
      header: t('observatory.indicator.rules'),
      render: (i) => i.rules.map(describeRule).join(' · '),
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      render: (i) => (
        <EditDeleteButtons
          onEdit={() => setEditing(i)}
          editLabel={t('observatory.indicator.editOf', { code: i.code })}
          onDelete={() => setRemoving(i)}
          deleteLabel={t('observatory.indicator.deleteOf', { code: i.code })}
        />
      ),
    });

  return (
    <Section
      title={t('observatory.catalogue.title')}
      actions={canEdit && <Button onClick={() => setEditing('new')}>{t('observatory.indicator.add')}</Button>}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {tn('observatory.catalogue.count', indicators.length)}
        </Text>
        <DataTable
          caption={t('observatory.catalogue.title')}
          captionHidden
          columns={columns}
          rows={indicators}
          rowKey={(i) => i.id}
          emptyMessage={t('observatory.catalogue.empty')}
        />
      </Stack>
      {editing && (
        <IndicatorDialog
          indicator={editing === 'new' ? null : editing}
          codes={codes}
          onClose={() => setEditing(null)}
          onSubmit={async (body) => {
            if (editing === 'new') await addIndicator(campaignId, body);
            else await updateIndicator(campaignId, editing.id, body);
            await refresh();
          }}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('observatory.indicator.deleteTitle')}
        message={t('observatory.indicator.deleteText', { code: removing?.code ?? '' })}
        confirmLabel={t('common.delete')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (removing) await deleteIndicator(campaignId, removing.id);
          await refresh();
        }}
      />
    </Section>
  );
}
