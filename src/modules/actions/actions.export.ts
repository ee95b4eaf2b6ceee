/**
 * The staff list of actions as an XLSX file (the list's filters, every page): dates as
 * dates, counts as numbers, French labels, a frozen bold header with filters.
 */
import ExcelJS from 'exceljs';
import type { ActionView } from './actions.queries.ts';
import type { ActionKind, Mission, PartnerKind } from './actions.table.ts';

// The web app's words for the same values (web/src/i18n/fr.actions.ts).
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  workshop: 'Atelier',
  regional_day: 'Journée régionale',
  webinar: 'Webinaire',
  practice_exchange: "Groupe d'échange de pratiques",
  training: 'Formation',
  general_assembly: 'Assemblée générale',
  round_table: 'Table ronde',
  committee: 'Comité',
  partner_meeting: 'Rencontre partenaire',
  signature: 'Signature',
  conference: 'Conférence',
  publication: 'Publication',
  support: 'Accompagnement',
  other: 'Autre',
};
export const MISSION_LABELS: Record<Mission, string> = {
  representer: 'Représenter',
  participer: 'Participer',
  animer: 'Animer',
  developper: 'Développer',
  accompagner: 'Accompagner',
};
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  state: "Services de l'État",
  region: 'Région',
  department: 'Département',
  cress: 'CRESS',
  network: 'Autre réseau',
  company: 'Entreprise',
  foundation: 'Fondation',
  training_body: 'Organisme de formation',
  public_body: 'Organisme public',
  other: 'Autre',
};
const PARTNER_ROLE_LABELS = { organiser: 'organisateur', partner: 'partenaire', funder: 'financeur' };
const MEMBER_ROLE_LABELS = {
  host: 'accueil',
  organiser: 'organisateur',
  speaker: 'intervenant',
  participant: 'participant',
};
const QUALIFIER_LABELS = { exact: 'Exact', at_least: 'Plus de', about: 'Environ' };

type Cell = string | number | Date | null;
interface Column {
  header: string;
  width: number;
  format?: string;
  value: (action: ActionView) => Cell;
}

// Midnight UTC: exceljs turns a Date into a serial day number from its UTC time.
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const text = (value: string | null | undefined) => (value?.trim() ? value : null);
const joined = (values: string[]) => (values.length > 0 ? values.join(', ') : null);

const COLUMNS: Column[] = [
  { header: 'Début', width: 12, format: 'dd/mm/yyyy', value: (a) => day(a.startsOn) },
  { header: 'Fin', width: 12, format: 'dd/mm/yyyy', value: (a) => day(a.endsOn) },
  { header: 'Daté au', width: 9, value: (a) => (a.datePrecision === 'month' ? 'Mois' : 'Jour') },
  { header: 'Horaires', width: 13, value: (a) => text([a.startTime, a.endTime].filter(Boolean).join('–')) },
  { header: 'Titre', width: 48, value: (a) => a.title },
  { header: 'Type', width: 22, value: (a) => ACTION_KIND_LABELS[a.kind] },
  { header: 'Thèmes', width: 28, value: (a) => joined(a.themes) },
  { header: 'Missions', width: 24, value: (a) => joined(a.missions.map((m) => MISSION_LABELS[m])) },
  { header: 'Objectifs', width: 28, value: (a) => joined(a.objectives) },
  { header: 'Lieu', width: 22, value: (a) => (a.online && !a.town ? 'En ligne' : text(a.town)) },
  { header: 'En ligne', width: 9, value: (a) => (a.online ? 'Oui' : 'Non') },
  { header: 'Département', width: 12, value: (a) => a.department },
  { header: 'Participants', width: 12, format: '0', value: (a) => a.participantsCount },
  { header: 'Nombre', width: 10, value: (a) => QUALIFIER_LABELS[a.participantsQualifier] },
  {
    header: 'Partenaires',
    width: 40,
    value: (a) => joined(a.partners.map((p) => `${p.name} (${PARTNER_ROLE_LABELS[p.role]})`)),
  },
  {
    header: 'Adhérents',
    width: 40,
    value: (a) => joined(a.members.map((m) => `${m.name} (${MEMBER_ROLE_LABELS[m.role]})`)),
  },
  { header: 'Visibilité', width: 11, value: (a) => (a.visibility === 'public' ? 'Publique' : 'Interne') },
  { header: 'Résumé', width: 60, value: (a) => text(a.summary) },
  { header: 'Source', width: 30, value: (a) => text(a.source) },
];

export async function actionsXlsx(items: ActionView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  const sheet = workbook.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = COLUMNS.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    // Texts stay texts: a department "09" keeps its zero, a title starting with "=" is no formula.
    style: { numFmt: c.format ?? '@' },
  }));
  for (const action of items) sheet.addRow(COLUMNS.map((c) => c.value(action)));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
