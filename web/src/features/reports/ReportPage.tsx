import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../app/session';
import { t } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { useYearParam, YearSelect, yearsAround } from '../../ui/YearSelect';
import { canEditReports, canUnfreezeReports } from './access';
import { freezeReport, reportsKeys, unfreezeReport, useReport, useReportTexts } from './api';
import { CompareSection } from './CompareSection';
import { DownloadButtons } from './DownloadButtons';
import { ReportView } from './ReportView';
import classes from './report.module.css';
import { TextsForm } from './TextsForm';

export function ReportPage() {
  usePageTitle(t('reports.title'));
  const { data: me } = useMe();
  const [year, setYear] = useYearParam(new Date().getFullYear() - 1);
  const report = useReport(year);
  const texts = useReportTexts(year);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'freeze' | 'unfreeze' | null>(null);
  const edit = me ? canEditReports(me.role) : false;
  const unfreeze = me ? canUnfreezeReports(me.role) : false;
  const frozen = report.data?.frozen ?? null;
  const years = yearsAround(year, -6, 0);
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportsKeys.all });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap" className={classes.noPrint}>
        <Title order={1}>{t('reports.title')}</Title>
        {/* A report is about a past year: last year by default. */}
        <YearSelect label={t('reports.year')} year={year} onChange={setYear} years={years} />
      </Group>
      <Text c="dimmed" className={classes.noPrint}>
        {t('reports.intro')}
      </Text>
      <div className={classes.noPrint}>
        <Section
          title={t('reports.download.title')}
          actions={
            <>
              {frozen ? (
                <Badge color="blue" size="lg" variant="light">
                  {frozen.by
                    ? t('reports.frozenBy', { date: formatDate(frozen.at), who: frozen.by })
                    : t('reports.frozenBadge', { date: formatDate(frozen.at) })}
                </Badge>
              ) : (
                report.data && (
                  <Badge color="gray" size="lg" variant="light">
                    {t('reports.liveBadge')}
                  </Badge>
                )
              )}
              {edit && report.data && !frozen && (
                <Button variant="default" onClick={() => setConfirming('freeze')}>
                  {t('reports.freeze.button')}
                </Button>
              )}
              {unfreeze && frozen && (
                <Button variant="default" color="red" onClick={() => setConfirming('unfreeze')}>
                  {t('reports.unfreeze.button')}
                </Button>
              )}
              <Button variant="subtle" onClick={() => window.print()}>
                {t('reports.print')}
              </Button>
            </>
          }
        >
          <DownloadButtons year={year} />
        </Section>
      </div>
      {edit && (
        <div className={classes.noPrint}>
          <Section title={t('reports.texts.title')}>
            <QueryState query={texts}>
              {texts.data && <TextsForm key={`${year}:${texts.data.frozen?.at ?? ''}`} texts={texts.data} />}
            </QueryState>
          </Section>
        </div>
      )}
      <div className={classes.noPrint}>
        <Section title={t('reports.compare.title')}>
          <CompareSection year={year} years={years} />
        </Section>
      </div>
      <QueryState query={report}>{report.data && <ReportView report={report.data} />}</QueryState>
      <ConfirmDialog
        opened={confirming === 'freeze'}
        title={t('reports.freeze.title', { year: String(year) })}
        message={t('reports.freeze.message')}
        confirmLabel={t('reports.freeze.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          await freezeReport(year);
          await refresh();
        }}
      />
      <ConfirmDialog
        opened={confirming === 'unfreeze'}
        title={t('reports.unfreeze.title', { year: String(year) })}
        message={t('reports.unfreeze.message')}
        confirmLabel={t('reports.unfreeze.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          await unfreezeReport(year);
          await refresh();
        }}
      />
    </Stack>
  );
}
