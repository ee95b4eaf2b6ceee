import { t } from '../../../i18n';
import type { Point } from './api';

/** "calculé", "calculé, synthétique" or "déclaré": how a point was obtained. */
export function sourceLabel(point: Pick<Point, 'source' | 'synthetic'>): string {
  if (point.source === 'declared') return t('observatory.dashboard.source.declared');
  return point.synthetic
    ? t('observatory.dashboard.source.synthetic')
    : t('observatory.dashboard.source.computed');
}
