import { useMemo } from 'react';
import { t } from '../../i18n';
import type { Option } from '../../ui/FormField';
import { formatDate } from '../../ui/format';
import { useOrganisations } from '../members/api';
import { type BoardMandate, boardRoleOrder, type GeneralAssembly } from './api';

/** A director's seat has no bureau role: the form names it, the API receives null. */
export const DIRECTOR = 'director';

export const roleLabel = (role: BoardMandate['role']) =>
  role ? t(`governance.role.${role}`) : t('governance.role.director');

export const roleOptions: Option[] = [
  ...boardRoleOrder.map((role) => ({ value: role, label: roleLabel(role) })),
  { value: DIRECTOR, label: roleLabel(null) },
];

export const fullName = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;

/** Today in France (the board "today" is the delegation's today, not UTC's). */
export const todayInFrance = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());

/** Every organisation of the delegation (one page of 100 covers a delegation), for pickers. */
export function useOrganisationOptions(enabled = true): Option[] {
  const list = useOrganisations({ membership: 'all', sort: 'name', page: 1, pageSize: 100 }, enabled);
  return useMemo(() => (list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })), [list.data]);
}

export const assemblyLabel = (a: GeneralAssembly) =>
  `${formatDate(a.heldOn)} · ${t(`governance.assembly.kind.${a.kind}`)}${a.place ? ` · ${a.place}` : ''}`;
