/**
 * The staff list of actions as an XLSX file (the list's filters, every page): dates as
 * dates, counts as numbers, French labels, a frozen bold header with filters.
 */
import { type Column, day, joined, tableXlsx, text } from '../../lib/xlsx.ts';
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

const COLUMNS: Column<ActionView>[] = [
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

export const actionsXlsx = (items: ActionView[]) => tableXlsx('Actions', COLUMNS, items);
