import { NativeSelect } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { t } from '../../i18n';

/** The year lives in the URL (`?annee=2024`), left out when it is the current one. */
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

/** Past years matter most here (figures are counted after the fact): five back, and the next one. */
function yearsAround(current: number, chosen: number): string[] {
  const years = [];
  for (let year = current - 5; year <= current + 1; year++) years.push(year);
  if (!years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => b - a).map(String);
}

export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  return (
    <NativeSelect
      label={t('figures.year')}
      value={String(year)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={yearsAround(new Date().getFullYear(), year)}
    />
  );
}
