import { Group, LoadingOverlay, Stack, Text, Title } from '@mantine/core';
import { t, tn } from '../../i18n';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect } from '../../ui/YearSelect';
import { useChronicle } from './api';
import { ChronicleMonths } from './ChronicleMonths';

/** The team's chronicle: every action of a year (public and internal), month by month. */
export function ChroniclePage() {
  usePageTitle(t('actions.chronicle.title'));
  const [year, setYear] = useYearParam();
  const chronicle = useChronicle(year);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('actions.chronicle.title')}</Title>
          {chronicle.data && (
            <Text c="dimmed" role="status">
              {tn('actions.chronicle.total', chronicle.data.total, { year: String(chronicle.data.year) })}
            </Text>
          )}
        </div>
        <YearSelect label={t('actions.year')} year={year} onChange={setYear} w={140} />
      </Group>
      <QueryState query={chronicle}>
        {chronicle.data && (
          <div style={{ position: 'relative' }} aria-busy={chronicle.isFetching}>
            <LoadingOverlay visible={chronicle.isPlaceholderData} zIndex={10} overlayProps={{ blur: 1 }} />
            <ChronicleMonths
              chronicle={chronicle.data}
              linkOf={(action) => `/actions/${action.id}`}
              isInternal={(action) => action.visibility === 'internal'}
            />
          </div>
        )}
      </QueryState>
    </Stack>
  );
}
