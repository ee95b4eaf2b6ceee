import { ActionIcon, Button, Fieldset, Group, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { t } from '../../i18n';
import { errorAt, type FieldErrors } from '../../ui/FormErrors';
import { type Draft, rowKey } from './actionDraft';
import { type PartnerRole, usePartners } from './api';
import { partnerRoleOptions } from './labels';
import { PartnerDialog } from './PartnerDialog';

interface Props {
  value: Draft['partners'];
  onChange: (next: Draft['partners']) => void;
  errors: FieldErrors;
  canCreate: boolean;
}

/** The organisers, partners and funders of an action, picked from the registry (or added to it here). */
export function PartnerLinksField({ value, onChange, errors, canCreate }: Props) {
  const partners = usePartners();
  const [creating, setCreating] = useState(false);
  const options = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const set = (index: number, patch: Partial<Draft['partners'][number]>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={t('actions.field.partners')}>
      <Stack gap="xs">
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('actions.form.noPartner')}
          </Text>
        )}
        {value.map((row, index) => {
          const n = index + 1;
          const known = options.some((o) => o.value === row.partnerId);
          return (
            <Group key={row.key} align="flex-start" wrap="wrap" gap="xs">
              <Select
                label={t('actions.form.partnerN', { n })}
                searchable
                value={row.partnerId || null}
                onChange={(id, option) => set(index, { partnerId: id ?? '', name: option?.label ?? '' })}
                data={
                  known || !row.partnerId ? options : [{ value: row.partnerId, label: row.name }, ...options]
                }
                nothingFoundMessage={t('actions.picker.nothingFound')}
                error={errorAt(errors, `partners.${index}.partnerId`)}
                miw={260}
                style={{ flex: 1 }}
              />
              <NativeSelect
                label={t('actions.form.partnerRoleN', { n })}
                value={row.role}
                onChange={(event) => set(index, { role: event.currentTarget.value as PartnerRole })}
                data={partnerRoleOptions}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                aria-label={t('actions.form.removePartnerN', { n })}
              >
                ✕
              </ActionIcon>
            </Group>
          );
        })}
        <Group gap="xs">
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...value, { key: rowKey(), partnerId: '', role: 'partner', name: '' }])}
          >
            {t('actions.form.addPartner')}
          </Button>
          {canCreate && (
            <Button variant="subtle" size="xs" onClick={() => setCreating(true)}>
              {t('actions.form.newPartner')}
            </Button>
          )}
        </Group>
      </Stack>
      <PartnerDialog
        editing={creating ? null : undefined}
        onClose={() => setCreating(false)}
        onSaved={(partner) =>
          onChange([...value, { key: rowKey(), partnerId: partner.id, role: 'partner', name: partner.name }])
        }
      />
    </Fieldset>
  );
}
