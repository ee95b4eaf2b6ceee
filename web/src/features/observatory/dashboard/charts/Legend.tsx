import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../../../../i18n';
import classes from './charts.module.css';

/** What the marks mean: computed from answers, declared by a publication, synthetic (demonstration). */
export function Legend({ synthetic }: { synthetic: boolean }) {
  return (
    <Group
      gap="md"
      component="ul"
      className={classes.legend}
      aria-label={t('observatory.dashboard.legend.title')}
    >
      <Entry label={t('observatory.dashboard.legend.computed')}>
        <circle cx="7" cy="7" r="5" className={classes.computed} />
      </Entry>
      <Entry label={t('observatory.dashboard.legend.declared')}>
        <polygon points="7,1 13,7 7,13 1,7" className={classes.declared} />
      </Entry>
      {synthetic && (
        <Entry label={t('observatory.dashboard.legend.synthetic')}>
          <circle cx="7" cy="7" r="5" className={classes.synthetic} />
        </Entry>
      )}
    </Group>
  );
}

/** One mark, drawn as the chart draws it, and its meaning. */
function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} component="li">
      <svg width="14" height="14" aria-hidden="true">
        {children}
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  );
}
