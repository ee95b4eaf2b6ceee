import { t } from '../../i18n';
import type { MembershipStatus, Reference } from './types';

export const conventionTypeCodes = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GES', 'EBE'] as const;

export function membershipLabel(status: MembershipStatus): string {
  return t(`members.membership.${status}`);
}

export const membershipColor: Record<MembershipStatus, string> = {
  current: 'green',
  former: 'gray',
  none: 'orange',
};

/** "31 — Haute-Garonne" when the reference knows the department, the code otherwise. */
export function departmentLabel(code: string | null | undefined, reference?: Reference): string {
  if (!code) return t('common.none');
  const found = reference?.departments.find((d) => d.code === code);
  return found ? `${found.code} — ${found.name}` : code;
}

export function departmentOptions(reference?: Reference) {
  return (reference?.departments ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }));
}

/** The convention types, from the reference when loaded (with their long labels), else the fixed list. */
export function conventionTypeOptions(reference?: Reference) {
  const types = reference?.conventionTypes.length
    ? reference.conventionTypes
    : conventionTypeCodes.map((code) => ({ code, label: code }));
  return types.map((type) => ({
    value: type.code,
    label: type.code,
    description: type.label === type.code ? undefined : type.label,
  }));
}
