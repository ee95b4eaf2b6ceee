import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { canReviewQuality } from '../features/quality/access';
import { t } from '../i18n';
import { can, type Me } from './session';

interface Item {
  to: string;
  label: string;
  /** Also active on the pages below it (a list and its records). */
  prefix?: boolean;
}

function itemsFor(me: Me): Item[] {
  const items: Item[] = [];
  if (me.role === 'member') {
    if (me.organisationId)
      items.push({ to: `/adherents/${me.organisationId}`, label: t('nav.myOrganisation') });
  } else {
    items.push({ to: '/', label: t('nav.home') });
  }
  if (can.browseMembers(me.role)) items.push({ to: '/adherents', label: t('nav.members'), prefix: true });
  items.push({ to: '/gouvernance', label: t('nav.governance') });
  if (canReviewQuality(me.role)) items.push({ to: '/qualite', label: t('nav.quality') });
  if (can.readDues(me.role)) items.push({ to: '/cotisations', label: t('nav.dues') });
  if (can.manageUsers(me.role)) items.push({ to: '/admin/utilisateurs', label: t('nav.users') });
  return items;
}

export function MainNavigation({ me }: { me: Me }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {itemsFor(me).map((item) => {
        const active = item.prefix
          ? pathname === item.to || pathname.startsWith(`${item.to}/`)
          : pathname === item.to;
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={active}
            aria-current={active ? 'page' : undefined}
          />
        );
      })}
    </Stack>
  );
}
