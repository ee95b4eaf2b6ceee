import { Badge, Group, Text, Title } from '@mantine/core';
import { type MessageKey, t } from '../../i18n';
import type { AnnualReport, FigureGroup, KeyFigure } from './api';
import { formatReportValue } from './format';
import classes from './report.module.css';

const GROUPS: FigureGroup[] = [
  'members',
  'observatory',
  'trainings',
  'practiceGroups',
  'support',
  'programmes',
  'funders',
  'events',
];

function FigureCard({ id, figure }: { id: string; figure: KeyFigure }) {
  const declared = figure.source === 'declared';
  return (
    <div className={classes.figure} data-figure={id}>
      <Text size="sm" fw={600}>
        {figure.label}
      </Text>
      <Group gap="xs" align="baseline" wrap="wrap">
        <span className={classes.figureValue}>
          {formatReportValue(figure.value, figure.unit, figure.qualifier)}
        </span>
        <Badge size="sm" variant={declared ? 'outline' : 'light'} color={declared ? 'grape' : 'blue'}>
          {declared ? t('reports.figures.declared') : t('reports.figures.computed')}
        </Badge>
        {figure.synthetic && (
          // orange-800: Mantine's oranges fall short of 4.5:1 on white for a 10 px label (axe).
          <Badge size="sm" variant="outline" color="#9a3412">
            {t('reports.figures.synthetic')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {figure.from}
      </Text>
    </div>
  );
}

/** The key figures by subject, each saying whether it is counted from records or declared, and from where. */
export function KeyFiguresSection({ report }: { report: AnnualReport }) {
  const entries = Object.entries(report.keyFigures);
  return GROUPS.map((group) => {
    const figures = entries.filter(([, f]) => f.group === group);
    if (figures.length === 0) return null;
    return (
      <section key={group} aria-label={t(`reports.figures.group.${group}` as MessageKey)}>
        <Title order={3} size="h4" mt="md" mb="xs">
          {t(`reports.figures.group.${group}` as MessageKey)}
        </Title>
        <div className={classes.figures}>
          {figures.map(([id, figure]) => (
            <FigureCard key={id} id={id} figure={figure} />
          ))}
        </div>
      </section>
    );
  });
}
