import { Badge } from '@mantine/core';
import { t } from '../../../i18n';

/** Says, in words and colour, that figures come from a synthetic (demonstration) campaign. */
export function SyntheticBadge() {
  return (
    <Badge color="orange.5" variant="filled" autoContrast>
      {t('observatory.dashboard.syntheticBadge')}
    </Badge>
  );
}
