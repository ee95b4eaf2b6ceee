import { Group, Stack, Text, Title } from '@mantine/core';
import { can, useMe } from '../../app/session';
import { t } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect, yearsAround } from '../../ui/YearSelect';
import { CallsSection } from './CallsSection';
import { GridSection } from './GridSection';

export function DuesPage() {
  usePageTitle(t('dues.title'));
  const { data: me } = useMe();
  const [year, setYear] = useYearParam();
  const canEdit = me ? can.manageDues(me.role) : false;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('dues.title')}</Title>
        {/* Two years back (late payments), the next one (a grid is voted ahead). */}
        <YearSelect
          label={t('dues.year')}
          year={year}
          onChange={setYear}
          years={yearsAround(year, -2, 1, true)}
        />
      </Group>
      {me && !canEdit && <Text c="dimmed">{t('dues.readOnly')}</Text>}
      <GridSection year={year} canEdit={canEdit} />
      <CallsSection year={year} canEdit={canEdit} />
    </Stack>
  );
}
