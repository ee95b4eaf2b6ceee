import { Group, LoadingOverlay, Stack, Text, Title } from '@mantine/core';
import { t } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect } from '../../ui/YearSelect';
import { PublicCalendarLink } from '../events/PublicCalendarLink';
import { usePublicAgenda } from './api';
import { ChronicleMonths } from './ChronicleMonths';

/** The public agenda (no sign-in): the delegation's public actions of a year, month by month. */
export function AgendaPage() {
  usePageTitle(t('actions.agenda.title'));
  const [year, setYear] = useYearParam();
  const agenda = usePublicAgenda(year);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('actions.agenda.title')}</Title>
          <Text c="dimmed">{t('actions.agenda.intro')}</Text>
          <PublicCalendarLink />
        </div>
        <YearSelect label={t('actions.year')} year={year} onChange={setYear} w={140} />
      </Group>
      <QueryState query={agenda}>
        {agenda.data && (
          <div style={{ position: 'relative' }} aria-busy={agenda.isFetching}>
            <LoadingOverlay visible={agenda.isPlaceholderData} zIndex={10} overlayProps={{ blur: 1 }} />
            <ChronicleMonths chronicle={agenda.data} hideEmptyMonths />
          </div>
        )}
      </QueryState>
    </Stack>
  );
}
