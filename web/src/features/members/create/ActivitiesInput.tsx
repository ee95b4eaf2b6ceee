import { TagsInput } from '@mantine/core';
import { t } from '../../../i18n';

interface Props {
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}

/**
 * The organisation's activity tags (public: the directory filters on them). Free text,
 * one tag per Enter or comma; the server trims them and drops repeats that differ only
 * by case or accents.
 */
export function ActivitiesInput({ value, onChange, error }: Props) {
  return (
    <TagsInput
      label={t('members.field.activities')}
      description={t('members.field.activitiesHint')}
      placeholder={t('members.field.activitiesPlaceholder')}
      value={value}
      onChange={onChange}
      error={error}
      maxTags={20}
      splitChars={[',', ';']}
      clearable
    />
  );
}
