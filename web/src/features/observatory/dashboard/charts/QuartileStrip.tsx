import classes from './charts.module.css';

const WIDTH = 140;
const HEIGHT = 18;

/**
 * The peers' middle half (first to third quartile) as a box, their median as a bar, the
 * organisation as a dot. Decorative: the row's cells say the same in words and figures.
 */
export function QuartileStrip({
  own,
  q1,
  median,
  q3,
}: {
  own: number | null;
  q1: number;
  median: number;
  q3: number;
}) {
  const values = [q1, median, q3, ...(own === null ? [] : [own])];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (value: number) => 6 + ((value - low) / span) * (WIDTH - 12);
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={classes.strip}
      aria-hidden="true"
    >
      <rect x={x(q1)} y={4} width={Math.max(x(q3) - x(q1), 1)} height={HEIGHT - 8} className={classes.box} />
      <line x1={x(median)} x2={x(median)} y1={2} y2={HEIGHT - 2} className={classes.median} />
      {own !== null && <circle cx={x(own)} cy={HEIGHT / 2} r={4} className={classes.computed} />}
    </svg>
  );
}
