/**
 * The list of territorial projects as an XLSX file (the list's filters): dates as dates,
 * numbers as numbers, French labels, a frozen bold header with filters.
 */
import { type Column, DATE_FORMAT, day, tableXlsx, text } from '../../lib/xlsx.ts';
import type { ProjectView } from './territories.service.ts';
import type { ProjectKind } from './territories.table.ts';

// The web app's words for the same values (web/src/i18n/fr.territories.ts).
export const KIND_LABELS: Record<ProjectKind, string> = {
  ptce: 'PTCE',
  tzcld: 'TZCLD',
  zest: 'ZEST’',
};
export const STATUS_LABELS: Record<ProjectView['status'], string> = {
  emerging: 'En émergence',
  active: 'Actif',
  authorised: 'Habilité',
  ended: 'Terminé',
};

const COLUMNS: Column<ProjectView>[] = [
  { header: 'Type', width: 9, value: (p) => KIND_LABELS[p.kind] },
  { header: 'Nom', width: 36, value: (p) => p.name },
  { header: 'Territoire', width: 28, value: (p) => text(p.territory) },
  { header: 'Départements', width: 14, value: (p) => text(p.departments.join(', ')) },
  { header: 'Statut', width: 14, value: (p) => STATUS_LABELS[p.status] },
  { header: 'Phase AMI', width: 10, format: '0', value: (p) => p.phase },
  { header: 'Habilitation', width: 12, format: DATE_FORMAT, value: (p) => day(p.authorisedOn) },
  { header: 'Comité local pour l’emploi', width: 28, value: (p) => text(p.localCommittee) },
  { header: 'EBE', width: 28, value: (p) => text(p.ebeName) },
  { header: 'Secteur en tension', width: 36, value: (p) => text(p.sector) },
  { header: 'Description', width: 50, value: (p) => text(p.description) },
  { header: 'Source', width: 30, value: (p) => text(p.source) },
];

export const projectsXlsx = (items: ProjectView[]) => tableXlsx('Projets territoriaux', COLUMNS, items);
