import { NativeSelect } from '@mantine/core';
import { t } from '../../i18n';

const YEARS = Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() - i));

/** The year the figures are about (this year and the seven before it). */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  return (
    <NativeSelect
      label={t('federation.year')}
      data={YEARS}
      value={String(value)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      w={140}
    />
  );
}
