/**
 * The list of territorial projects as an XLSX file (the list's filters): dates as dates,
 * numbers as numbers, French labels, a frozen bold header with filters.
 */
import ExcelJS from 'exceljs';
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

type Cell = string | number | Date | null;
interface Column {
  header: string;
  width: number;
  format?: string;
  value: (p: ProjectView) => Cell;
}

const text = (value: string | null | undefined) => (value?.trim() ? value : null);

const COLUMNS: Column[] = [
  { header: 'Type', width: 9, value: (p) => KIND_LABELS[p.kind] },
  { header: 'Nom', width: 36, value: (p) => p.name },
  { header: 'Territoire', width: 28, value: (p) => text(p.territory) },
  { header: 'Départements', width: 14, value: (p) => text(p.departments.join(', ')) },
  { header: 'Statut', width: 14, value: (p) => STATUS_LABELS[p.status] },
  { header: 'Phase AMI', width: 10, format: '0', value: (p) => p.phase },
  {
    header: 'Habilitation',
    width: 12,
    format: 'dd/mm/yyyy',
    value: (p) => (p.authorisedOn ? new Date(`${p.authorisedOn}T00:00:00Z`) : null),
  },
  { header: 'Comité local pour l’emploi', width: 28, value: (p) => text(p.localCommittee) },
  { header: 'EBE', width: 28, value: (p) => text(p.ebeName) },
  { header: 'Secteur en tension', width: 36, value: (p) => text(p.sector) },
  { header: 'Description', width: 50, value: (p) => text(p.description) },
  { header: 'Source', width: 30, value: (p) => text(p.source) },
];

export async function projectsXlsx(items: ProjectView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  const sheet = workbook.addWorksheet('Projets territoriaux', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = COLUMNS.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    // Texts stay texts: a department "09" keeps its zero, a name starting with "=" is no formula.
    style: { numFmt: c.format ?? '@' },
  }));
  for (const project of items) sheet.addRow(COLUMNS.map((c) => c.value(project)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
