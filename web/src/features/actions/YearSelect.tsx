import { NativeSelect } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { t } from '../../i18n';
import { yearsAround } from './labels';

/** The year of a page lives in the URL (`?annee=2024`), left out when it is the current one. */
export function useYearParam(): [number, (year: number) => void] {
  const [search, setSearch] = useSearchParams();
  const current = new Date().getFullYear();
  const asked = Number.parseInt(search.get('annee') ?? '', 10);
  const year = asked >= 1990 && asked <= 2100 ? asked : current;
  const setYear = (next: number) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === current) params.delete('annee');
        else params.set('annee', String(next));
        return params;
      },
      { replace: true },
    );
  return [year, setYear];
}

interface Props {
  year: number;
  onChange: (year: number) => void;
  label?: string;
}

export function YearSelect({ year, onChange, label }: Props) {
  return (
    <NativeSelect
      label={label ?? t('actions.year')}
      value={String(year)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={yearsAround(year).map((y) => String(y))}
      w={140}
    />
  );
}
