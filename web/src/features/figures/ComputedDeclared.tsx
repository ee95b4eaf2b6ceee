import { Paper, Text } from '@mantine/core';
import { t } from '../../i18n';
import type { DeclaredFigure, FigureUnit } from './api';
import classes from './ComputedDeclared.module.css';
import { formatFigure } from './numbers';

interface Props {
  title: string;
  computed: number;
  unit: FigureUnit;
  /** The total a source states, when one is recorded for the year. */
  declared?: DeclaredFigure | undefined;
  /** False when no source states this figure (no declared key): only the computed value is shown. */
  declarable?: boolean;
}

/**
 * A figure as the records compute it and as a source declares it, side by side and each
 * labelled: the two are never added (a declared total may include recorded sessions).
 */
export function ComputedDeclared({ title, computed, unit, declared, declarable = true }: Props) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fw={600} mb={4}>
        {title}
      </Text>
      <dl className={classes.pairs}>
        <Text component="dt" size="sm" c="dimmed">
          {t('figures.computed')}
        </Text>
        <Text component="dd" m={0} fw={700}>
          {formatFigure(computed, unit)}
        </Text>
        {declarable && (
          <>
            <Text component="dt" size="sm" c="dimmed">
              {t('figures.declared')}
            </Text>
            <Text component="dd" m={0} fw={700}>
              {declared ? formatFigure(declared.value, declared.unit) : t('figures.noDeclared')}
            </Text>
          </>
        )}
      </dl>
      {declared && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('figures.sourceOf', { source: declared.source })}
        </Text>
      )}
    </Paper>
  );
}
