import { t, tMaybe } from '../i18n';

/**
 * Who made a change, as they were named then, with their role then ("Camille Martin
 * (Adhérent)"): the audit log keeps both from the moment of the change, so a later
 * rename cannot make past edits look like someone else's.
 */
export function actorLabel(entry: { actorName: string | null; actorRole: string | null }): string {
  if (!entry.actorName) return t('history.unknownActor');
  const role = entry.actorRole ? tMaybe(`role.${entry.actorRole}`) : undefined;
  return role ? t('history.actorWithRole', { name: entry.actorName, role }) : entry.actorName;
}
