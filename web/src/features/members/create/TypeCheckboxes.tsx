import { Checkbox, Group } from '@mantine/core';
import { t } from '../../../i18n';
import { conventionTypeOptions } from '../labels';
import type { Reference } from '../types';

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  reference?: Reference;
}

/** One checkbox per convention type, labelled with its code (AI, ACI…), the long name as description. */
export function TypeCheckboxes({ value, onChange, error, reference }: Props) {
  return (
    <Checkbox.Group
      label={t('members.field.conventionTypes')}
      value={value}
      onChange={onChange}
      error={error}
    >
      <Group mt="xs" gap="lg" align="flex-start">
        {conventionTypeOptions(reference).map((option) => (
          <Checkbox
            key={option.value}
            value={option.value}
            label={option.value}
            description={option.description}
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
