import { t } from '../../../i18n';
import type { Establishment } from '../types';

/** How an establishment is named on the page: its name, else its town, else its SIRET. */
export function establishmentLabel(establishment: Establishment | undefined): string {
  if (!establishment) return t('members.record.establishmentUnnamed');
  return (
    establishment.name?.trim() ||
    [establishment.postcode, establishment.city].filter(Boolean).join(' ') ||
    establishment.siret ||
    t('members.record.establishmentUnnamed')
  );
}
