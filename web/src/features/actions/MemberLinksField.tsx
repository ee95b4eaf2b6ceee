import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { t } from '../../i18n';
import { errorAt, type FieldErrors } from '../../ui/FormErrors';
import { type Draft, rowKey } from './actionDraft';
import type { MemberRole } from './api';
import { memberRoleOptions } from './labels';
import { OrganisationPicker } from './OrganisationPicker';

interface Props {
  value: Draft['members'];
  onChange: (next: Draft['members']) => void;
  errors: FieldErrors;
}

/** The member organisations involved in an action, with their part in it. */
export function MemberLinksField({ value, onChange, errors }: Props) {
  const set = (index: number, patch: Partial<Draft['members'][number]>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={t('actions.field.members')}>
      <Stack gap="xs">
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('actions.form.noMember')}
          </Text>
        )}
        {value.map((row, index) => {
          const n = index + 1;
          return (
            <Group key={row.key} align="flex-start" wrap="wrap" gap="xs">
              <div style={{ flex: 1, minWidth: 260 }}>
                <OrganisationPicker
                  label={t('actions.form.memberN', { n })}
                  value={row.organisationId}
                  knownName={row.name}
                  onChange={(organisationId, name) => set(index, { organisationId, name })}
                  error={errorAt(errors, `members.${index}.organisationId`)}
                />
              </div>
              <NativeSelect
                label={t('actions.form.memberRoleN', { n })}
                value={row.role}
                onChange={(event) => set(index, { role: event.currentTarget.value as MemberRole })}
                data={memberRoleOptions}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                aria-label={t('actions.form.removeMemberN', { n })}
              >
                ✕
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              onChange([...value, { key: rowKey(), organisationId: '', role: 'participant', name: '' }])
            }
          >
            {t('actions.form.addMember')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
