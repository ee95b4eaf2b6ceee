import { useId } from 'react';
import { t } from '../../../../i18n';
import classes from './charts.module.css';

export interface LinePoint {
  year: number;
  value: number;
  /** A declared (published) figure: drawn as an outlined diamond, linked by a dotted line. */
  declared: boolean;
  synthetic: boolean;
  /** The value as shown in the point's label. */
  label: string;
}

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { top: 20, right: 24, bottom: 32, left: 16 };

/**
 * The evolution of a figure by year, drawn by hand in SVG (no chart library needed for so
 * little): computed points are filled circles on a solid line, declared points outlined
 * diamonds reached by a dotted line, synthetic points orange. The data table next to it
 * carries the same figures for screen readers; the drawing is one labelled image.
 */
export function LineChart({ title, points }: { title: string; points: LinePoint[] }) {
  const titleId = useId();
  if (points.length === 0) return null;
  const years = points.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const top = Math.max(...points.map((p) => p.value), 0) * 1.15 || 1;
  const bottom = Math.min(0, ...points.map((p) => p.value));
  const x = (year: number) =>
    maxYear === minYear
      ? WIDTH / 2
      : PAD.left + 24 + ((year - minYear) / (maxYear - minYear)) * (WIDTH - PAD.left - PAD.right - 48);
  const y = (value: number) =>
    PAD.top + (1 - (value - bottom) / (top - bottom)) * (HEIGHT - PAD.top - PAD.bottom);
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const segments = sorted.slice(1).map((point, index) => ({ from: sorted[index] as LinePoint, to: point }));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={classes.chart} role="img" aria-labelledby={titleId}>
      <title id={titleId}>{t('observatory.dashboard.chart.lineTitle', { title })}</title>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className={classes.axis} />
      {segments.map(({ from, to }) => (
        <line
          key={`${from.year}-${to.year}-${from.declared}-${to.declared}`}
          x1={x(from.year)}
          y1={y(from.value)}
          x2={x(to.year)}
          y2={y(to.value)}
          className={
            from.declared || to.declared
              ? classes.lineDeclared
              : from.synthetic || to.synthetic
                ? classes.lineSynthetic
                : classes.line
          }
        />
      ))}
      {sorted.map((point) => {
        const cx = x(point.year);
        const cy = y(point.value);
        const tone = point.synthetic
          ? classes.synthetic
          : point.declared
            ? classes.declared
            : classes.computed;
        return (
          <g key={`${point.year}-${point.declared}-${point.synthetic}`}>
            {point.declared ? (
              <polygon
                points={`${cx},${cy - 7} ${cx + 7},${cy} ${cx},${cy + 7} ${cx - 7},${cy}`}
                className={tone}
              />
            ) : (
              <circle cx={cx} cy={cy} r={5} className={tone} />
            )}
            <text x={cx} y={cy - 11} textAnchor="middle" className={classes.valueLabel}>
              {point.label}
            </text>
            <text x={cx} y={HEIGHT - 10} textAnchor="middle" className={classes.tick}>
              {point.year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
