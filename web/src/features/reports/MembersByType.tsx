import { t } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { BarChart } from '../observatory/dashboard/charts/BarChart';
import { FigureTable } from '../observatory/dashboard/FigureTable';
import classes from './report.module.css';

interface Row {
  type: string;
  count: number;
}

/** Members by convention type: bars, with the same figures in a table beside them. */
export function MembersByType({ byType }: { byType: Record<string, number> }) {
  // Largest first, ties by code, so the order never depends on how the data came.
  const rows: Row[] = Object.entries(byType)
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  if (rows.length === 0) return null;
  const title = t('reports.brief.byType');
  return (
    <div className={classes.chartRow}>
      <BarChart
        title={title}
        bars={rows.map((r) => ({
          key: r.type,
          label: r.type,
          value: r.count,
          text: formatNumber(r.count),
          declared: false,
          synthetic: false,
        }))}
      />
      <FigureTable
        caption={title}
        columns={[
          { key: 'type', header: t('reports.brief.type'), rowHeader: true, render: (r: Row) => r.type },
          {
            key: 'count',
            header: t('reports.brief.count'),
            nowrap: true,
            render: (r: Row) => formatNumber(r.count),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.type}
      />
    </div>
  );
}
