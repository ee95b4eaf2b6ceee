import { useId } from 'react';
import { t } from '../../../../i18n';
import classes from './charts.module.css';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The value as written at the end of the bar. */
  text: string;
  declared: boolean;
  synthetic: boolean;
}

const WIDTH = 560;
const ROW = 28;
const LABEL = 70;
const VALUE = 110;

/** Horizontal bars (one per convention type), drawn in SVG; the table beside carries the figures. */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const titleId = useId();
  if (bars.length === 0) return null;
  const height = bars.length * ROW + 8;
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1);
  const scale = (value: number) => (Math.abs(value) / max) * (WIDTH - LABEL - VALUE);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className={classes.chart} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{t('observatory.dashboard.chart.barTitle', { title })}</title>
      {bars.map((bar, index) => {
        const y = 4 + index * ROW;
        const tone = bar.synthetic ? classes.synthetic : bar.declared ? classes.declared : classes.computed;
        return (
          <g key={bar.key}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className={classes.tick}>
              {bar.label}
            </text>
            <rect
              x={LABEL}
              y={y + 4}
              width={Math.max(scale(bar.value), 1)}
              height={ROW - 8}
              rx={3}
              className={tone}
            />
            <text x={LABEL + scale(bar.value) + 6} y={y + ROW / 2 + 4} className={classes.valueLabel}>
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
