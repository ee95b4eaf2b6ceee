/** The funders guide as an XLSX file (the list's filters): typed cells, frozen bold header, filters. */
import { type Column, day, joined, tableXlsx, text } from '../../lib/xlsx.ts';
import type { Funder } from './funders.service.ts';

// The web app's words for the same values (web/src/i18n/fr.funders.ts).
export const FUNDER_KIND_LABELS: Record<Funder['kind'], string> = {
  foundation: 'Fondation',
  endowment: 'Fonds de dotation',
  public: 'Financeur public',
  company: 'Entreprise',
  other: 'Autre',
};

const territory = (t: string) => (t === 'region' ? 'Région' : t === 'national' ? 'National' : t);

const COLUMNS: Column<Funder>[] = [
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

export const fundersXlsx = (items: Funder[]) => tableXlsx('Financeurs', COLUMNS, items);
