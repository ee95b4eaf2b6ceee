import { Group, Text } from '@mantine/core';
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
      <Group gap={6} component="li">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5" className={classes.computed} />
        </svg>
        <Text size="sm">{t('observatory.dashboard.legend.computed')}</Text>
      </Group>
      <Group gap={6} component="li">
        <svg width="14" height="14" aria-hidden="true">
          <polygon points="7,1 13,7 7,13 1,7" className={classes.declared} />
        </svg>
        <Text size="sm">{t('observatory.dashboard.legend.declared')}</Text>
      </Group>
      {synthetic && (
        <Group gap={6} component="li">
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className={classes.synthetic} />
          </svg>
          <Text size="sm">{t('observatory.dashboard.legend.synthetic')}</Text>
        </Group>
      )}
    </Group>
  );
}
