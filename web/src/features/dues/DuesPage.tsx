import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { can, useMe } from '../../app/session';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { CallsSection } from './CallsSection';
import { GridSection } from './GridSection';

/** Years offered: two back (late payments), the current one, the next (grid voted ahead). */
function yearsAround(current: number, chosen: number): number[] {
  const years = [current - 2, current - 1, current, current + 1];
  if (!years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => a - b);
}

/** The year lives in the URL (`?annee=2025`), left out when it is the current one. */
function useYear(): [number, (year: number) => void] {
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

export function DuesPage() {
  usePageTitle(t('dues.title'));
  const { data: me } = useMe();
  const [year, setYear] = useYear();
  const canEdit = me ? can.manageDues(me.role) : false;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('dues.title')}</Title>
        <NativeSelect
          label={t('dues.year')}
          value={String(year)}
          onChange={(event) => setYear(Number(event.currentTarget.value))}
          data={yearsAround(new Date().getFullYear(), year).map((y) => String(y))}
        />
      </Group>
      {me && !canEdit && <Text c="dimmed">{t('dues.readOnly')}</Text>}
      <GridSection year={year} canEdit={canEdit} />
      <CallsSection year={year} canEdit={canEdit} />
    </Stack>
  );
}
