import { NativeSelect } from '@mantine/core';
import { useSearchParams } from 'react-router';

/**
 * The year of a page lives in the URL (`?annee=2024`), left out when it is the default one
 * (the current year unless the page says otherwise), so that a shared link keeps its year.
 */
export function useYearParam(fallback = new Date().getFullYear()): [number, (year: number) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = Number.parseInt(search.get('annee') ?? '', 10);
  const year = asked >= 1990 && asked <= 2100 ? asked : fallback;
  const setYear = (next: number) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === fallback) params.delete('annee');
        else params.set('annee', String(next));
        return params;
      },
      { replace: true },
    );
  return [year, setYear];
}

/**
 * The years from `current + from` to `current + to`, plus the chosen one when it lies outside
 * (a year typed in the URL stays selectable), newest first unless `oldestFirst`.
 */
export function yearsAround(chosen: number, from: number, to: number, oldestFirst = false): number[] {
  const current = new Date().getFullYear();
  const years: number[] = [];
  for (let year = current + from; year <= current + to; year++) years.push(year);
  if (!years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => (oldestFirst ? a - b : b - a));
}

interface Props {
  label: string;
  year: number;
  onChange: (year: number) => void;
  /** The current year's five before and the next one unless the page says otherwise. */
  years?: number[];
  w?: number;
}

export function YearSelect({ label, year, onChange, years = yearsAround(year, -5, 1), w }: Props) {
  return (
    <NativeSelect
      label={label}
      value={String(year)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={years.map(String)}
      w={w}
    />
  );
}
