/** The funders guide as an XLSX file (the list's filters): typed cells, frozen bold header, filters. */
import ExcelJS from 'exceljs';
import type { Funder } from './funders.service.ts';

// The web app's words for the same values (web/src/i18n/fr.funders.ts).
export const FUNDER_KIND_LABELS: Record<Funder['kind'], string> = {
  foundation: 'Fondation',
  endowment: 'Fonds de dotation',
  public: 'Financeur public',
  company: 'Entreprise',
  other: 'Autre',
};

type Cell = string | number | Date | null;
interface Column {
  header: string;
  width: number;
  format?: string;
  value: (funder: Funder) => Cell;
}

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const text = (value: string | null | undefined) => (value?.trim() ? value : null);
const joined = (values: string[]) => (values.length > 0 ? values.join(', ') : null);
const territory = (t: string) => (t === 'region' ? 'Région' : t === 'national' ? 'National' : t);

const COLUMNS: Column[] = [
  { header: 'Nom', width: 40, value: (f) => f.name },
  { header: 'Type', width: 18, value: (f) => FUNDER_KIND_LABELS[f.kind] },
  { header: 'Thèmes', width: 36, value: (f) => joined(f.themes) },
  { header: 'Territoires', width: 24, value: (f) => joined(f.territories.map(territory)) },
  { header: 'Structures financées', width: 20, value: (f) => joined(f.beneficiaryTypes) },
  { header: 'Montant min. (€)', width: 14, format: '#,##0', value: (f) => f.amountMin },
  { header: 'Montant max. (€)', width: 14, format: '#,##0', value: (f) => f.amountMax },
  { header: 'Échéances', width: 30, value: (f) => text(f.deadlines) },
  { header: 'Site', width: 36, value: (f) => text(f.website) },
  { header: 'Vérifié le', width: 12, format: 'dd/mm/yyyy', value: (f) => day(f.lastCheckedOn) },
  { header: 'Note', width: 50, value: (f) => text(f.note) },
  { header: 'Source', width: 30, value: (f) => text(f.source) },
];

export async function fundersXlsx(items: Funder[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  const sheet = workbook.addWorksheet('Financeurs', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = COLUMNS.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    // Texts stay texts: a department "09" keeps its zero, a name starting with "=" is no formula.
    style: { numFmt: c.format ?? '@' },
  }));
  for (const funder of items) sheet.addRow(COLUMNS.map((c) => c.value(funder)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
