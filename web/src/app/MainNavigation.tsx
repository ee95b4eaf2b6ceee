import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { canReadActions } from '../features/actions/access';
import { canReadFigures } from '../features/figures/access';
import { canReadCampaigns, isMemberUser } from '../features/observatory/campaign/access';
import { canReadDashboard } from '../features/observatory/dashboard/access';
import { canSeePracticeStats } from '../features/practice-groups/access';
import { canReadPurchasing, isPurchasingMember } from '../features/purchasing/access';
import { canReviewQuality } from '../features/quality/access';
import { canReadQualityApproaches, canSelfAssess } from '../features/quality-approaches/access';
import { canReadReports } from '../features/reports/access';
import { canManageSupport, canReadSupport } from '../features/support/access';
import { canReadTerritories } from '../features/territories/access';
import { canReadTrainings } from '../features/trainings/access';
import { t } from '../i18n';
import { can, isFederation, type Me, type Session } from './session';

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
  items.push({ to: '/evenements', label: t('events.nav'), prefix: true });
  items.push({ to: '/financeurs', label: t('funders.nav'), prefix: true });
  if (canReadPurchasing(me.role)) items.push({ to: '/achats', label: t('purchasing.nav'), prefix: true });
  if (isPurchasingMember(me.role))
    items.push({ to: '/achats/opportunites', label: t('purchasing.navMember') });
  if (canReadActions(me.role)) {
    items.push({ to: '/actions', label: t('actions.nav.list'), prefix: true });
    items.push({ to: '/chronique', label: t('actions.nav.chronicle') });
    items.push({ to: '/partenaires', label: t('actions.nav.partners') });
  }
  if (canReviewQuality(me.role)) items.push({ to: '/qualite', label: t('nav.quality') });
  if (canReadQualityApproaches(me.role))
    items.push({ to: '/qualite-rse', label: t('qualityApproaches.nav') });
  if (canSelfAssess(me.role)) items.push({ to: '/auto-evaluation', label: t('qualityApproaches.navMember') });
  if (can.readDues(me.role)) items.push({ to: '/cotisations', label: t('nav.dues') });
  if (canReadSupport(me.role))
    items.push({ to: '/accompagnements', label: t('support.nav.files'), prefix: true });
  if (canManageSupport(me.role))
    items.push({ to: '/entretiens', label: t('support.nav.interviews'), prefix: true });
  if (canSeePracticeStats(me.role)) items.push({ to: '/gep', label: t('practice.nav'), prefix: true });
  if (canReadTrainings(me.role)) items.push({ to: '/formations', label: t('trainings.nav'), prefix: true });
  if (canReadTerritories(me.role))
    items.push({ to: '/territoires', label: t('territories.nav'), prefix: true });
  if (canReadFigures(me.role)) items.push({ to: '/chiffres-declares', label: t('figures.nav') });
  if (canReadReports(me.role)) items.push({ to: '/rapport', label: t('reports.nav') });
  if (isMemberUser(me.role))
    items.push({ to: '/observatoire/formulaires', label: t('observatory.nav.forms') });
  if (canReadCampaigns(me.role))
    items.push({ to: '/observatoire/campagnes', label: t('observatory.nav.campaigns'), prefix: true });
  if (canReadDashboard(me.role)) items.push({ to: '/observatoire', label: t('observatory.dashboard.nav') });
  if (isMemberUser(me.role))
    items.push({ to: '/observatoire/position', label: t('observatory.dashboard.navPosition') });
  if (can.manageUsers(me.role)) items.push({ to: '/admin/utilisateurs', label: t('nav.users') });
  if (can.manageUsers(me.role)) items.push({ to: '/admin/delegation', label: t('settings.nav') });
  return items;
}

/** The national team's pages: the delegations, then what it reads across them. */
const FEDERATION_ITEMS: Item[] = [
  { to: '/federation', label: t('federation.nav.delegations') },
  { to: '/federation/nouvelle-delegation', label: t('federation.nav.create') },
  { to: '/federation/annuaire', label: t('federation.nav.directory') },
  { to: '/federation/observatoire', label: t('federation.nav.observatory') },
  { to: '/federation/rapport', label: t('federation.nav.report') },
];

export function MainNavigation({ me }: { me: Session }) {
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {(isFederation(me) ? FEDERATION_ITEMS : itemsFor(me)).map((item) => {
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
