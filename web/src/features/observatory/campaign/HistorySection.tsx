import { useQuery } from '@tanstack/react-query';
import { t } from '../../../i18n';
import { actorLabel } from '../../../ui/actorLabel';
import { type Column, DataTable } from '../../../ui/DataTable';
import { formatDateTime, orDash } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { Section } from '../../../ui/Section';
import { type FormDetail, getHistory, type HistoryEntry, observatoryKeys } from './api';
import { formatFigure, formStatusLabel } from './labels';

/** Who changed which figure when, and the steps of the form, from the audit log. */
export function HistorySection({
  submissionId,
  indicators,
}: {
  submissionId: string;
  indicators: FormDetail['indicators'];
}) {
  const history = useQuery({
    queryKey: observatoryKeys.history(submissionId),
    queryFn: ({ signal }) => getHistory(submissionId, signal),
  });
  const labelOf = (code: string) => indicators.find((i) => i.code === code)?.label ?? code;
  const columns: Column<HistoryEntry>[] = [
    {
      key: 'at',
      header: t('observatory.history.at'),
      nowrap: true,
      rowHeader: true,
      render: (e) => formatDateTime(e.at),
    },
    {
      key: 'who',
      header: t('observatory.history.who'),
      render: (e) => (e.actorName ? actorLabel(e) : orDash(null)),
    },
    {
      key: 'what',
      header: t('observatory.history.what'),
      render: (e) => (e.kind === 'value' ? labelOf(e.indicatorCode) : t('observatory.history.status')),
    },
    {
      key: 'change',
      header: t('observatory.history.change'),
      render: (e) =>
        e.kind === 'value'
          ? `${formatFigure(e.before)} → ${formatFigure(e.after)}`
          : `${e.before ? formStatusLabel(e.before) : t('common.none')} → ${formStatusLabel(e.after)}${e.comment ? ` (${e.comment})` : ''}`,
    },
  ];
  return (
    <Section title={t('observatory.history.title')}>
      <QueryState query={history}>
        <DataTable
          caption={t('observatory.history.title')}
          captionHidden
          columns={columns}
          rows={history.data?.items ?? []}
          rowKey={(e) => String(e.id)}
          emptyMessage={t('observatory.history.empty')}
        />
      </QueryState>
    </Section>
  );
}
