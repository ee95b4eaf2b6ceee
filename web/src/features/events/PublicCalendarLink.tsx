import { Anchor } from '@mantine/core';
import { t } from '../../i18n';

/**
 * A link to the delegation's public calendar (iCalendar), for the public pages: a
 * calendar app subscribed to it shows the public actions and follows their changes.
 */
export function PublicCalendarLink({ delegation }: { delegation?: string | undefined }) {
  const href = delegation
    ? `/api/public/events.ics?delegation=${encodeURIComponent(delegation)}`
    : '/api/public/events.ics';
  return (
    <Anchor href={href} size="sm">
      {t('events.publicCalendar.link')}
    </Anchor>
  );
}
