/**
 * What the three renderers share: the sections in the seed report's order with their
 * titles, and the French labels of groups and convention types. Changing a title here
 * changes it in HTML, PDF and DOCX at once.
 */
import { formatDate, monthName } from './report.format.ts';
import type { AnnualReport, FigureGroup, KeyFigure } from './report.types.ts';

export type SectionId =
  | 'presidentWord'
  | 'brief'
  | 'delegations'
  | 'organisation'
  | 'keyFigures'
  | 'chronicle'
  | 'members'
  | 'priorities'
  | 'partners';

export interface Section {
  id: SectionId;
  title: string;
}

export const CONTENTS_TITLE = 'Sommaire';
export const NOT_WRITTEN = 'Texte non rédigé : à compléter par l’équipe avant diffusion.';
export const NO_ACTION = 'Aucune action publique ce mois-ci.';

/** The sections in print order (the cover and the table of contents excepted). */
export function reportSections(report: AnnualReport): Section[] {
  const national = report.scope === 'national';
  const sections: Section[] = [
    { id: 'presidentWord', title: 'Rapport moral de la présidence' },
    { id: 'brief', title: national ? 'Le réseau en bref' : 'La délégation en bref' },
  ];
  if (national) sections.push({ id: 'delegations', title: 'Les délégations' });
  sections.push(
    { id: 'organisation', title: 'Notre organisation' },
    { id: 'keyFigures', title: 'Quelques chiffres clés' },
    { id: 'chronicle', title: `Notre action ${report.year}, mois par mois` },
    { id: 'members', title: 'Nos adhérents' },
    { id: 'priorities', title: `Les perspectives pour ${report.year + 1}` },
    { id: 'partners', title: 'Merci à nos partenaires' },
  );
  return sections;
}

/** "Janvier 2024": a month of the chronicle as a heading. */
export function monthHeading(month: number, year: number): string {
  const name = monthName(month);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
}

export function coverTitle(report: AnnualReport): string {
  return `Rapport d'activité ${report.year}`;
}

export const GROUP_LABELS: Record<FigureGroup, string> = {
  members: 'Adhérents',
  observatory: 'Observatoire',
  trainings: 'Formation',
  practiceGroups: 'Échanges de pratiques',
  support: 'Accompagnement des adhérents',
  programmes: 'Programmes et territoires',
  funders: 'Financements',
  events: 'Événements et rencontres',
};

const GROUP_ORDER = Object.keys(GROUP_LABELS) as FigureGroup[];

export interface FigureEntry extends KeyFigure {
  id: string;
}

// Figures print in this order, whatever the order of the object's keys: a frozen report
// comes back from a jsonb column with its keys reordered, and must print as it did.
const FIGURE_ORDER = [
  'membersTotal',
  'membersAI',
  'membersACI',
  'membersEI',
  'membersETTI',
  'membersGES',
  'membersEBE',
  'organisations',
  'observatoryMembers',
  'observatoryRevenue',
  'observatoryWages',
  'peopleInPathways',
  'trainees',
  'trainingHours',
  'trainingSessions',
  'gepMeetings',
  'gepMeetingsRecorded',
  'supportFiles',
  'supportMembers',
  'supportHours',
  'fsePlusMembers',
  'antiDiscriminationStructures',
  'certificationRenewals',
  'ptcePhase1',
  'ptcePhase2',
  'tzcldTerritories',
  'zestSessions',
  'zestTrainees',
  'fundersInGuide',
  'actions',
  'participants',
];
const rank = (id: string) => {
  const index = FIGURE_ORDER.indexOf(id);
  return index === -1 ? FIGURE_ORDER.length : index;
};

/** Key figures by group, groups and figures in a fixed order (ids not listed above last, by id). */
export function figuresByGroup(
  report: AnnualReport,
): { group: FigureGroup; label: string; figures: FigureEntry[] }[] {
  const entries = Object.entries(report.keyFigures)
    .map(([id, f]) => ({ ...f, id }))
    .sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return GROUP_ORDER.map((group) => ({
    group,
    label: GROUP_LABELS[group],
    figures: entries.filter((f) => f.group === group),
  })).filter((g) => g.figures.length > 0);
}

const TYPE_LABELS: Record<string, [string, string]> = {
  AI: ['Association intermédiaire (AI)', 'Associations intermédiaires (AI)'],
  ACI: ['Atelier et chantier d’insertion (ACI)', 'Ateliers et chantiers d’insertion (ACI)'],
  ETTI: [
    'Entreprise de travail temporaire d’insertion (ETTI)',
    'Entreprises de travail temporaire d’insertion (ETTI)',
  ],
  EI: ['Entreprise d’insertion (EI)', 'Entreprises d’insertion (EI)'],
  GES: ['Groupe économique solidaire (GES)', 'Groupes économiques solidaires (GES)'],
  EBE: ['Entreprise à but d’emploi (EBE)', 'Entreprises à but d’emploi (EBE)'],
};

/** "Associations intermédiaires (AI)" for 23 AI; an unknown type prints as its code. */
export function typeLabel(type: string, count: number): string {
  const labels = TYPE_LABELS[type];
  if (!labels) return type;
  return count >= 2 ? labels[1] : labels[0];
}

/** Members by type, largest first, ties by code so the order never depends on the data's order. */
export function membersByType(report: AnnualReport): { type: string; count: number; label: string }[] {
  return Object.entries(report.members.byType)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([type, count]) => ({ type, count, label: typeLabel(type, count) }));
}

/** "Le conseil d'administration élu le 16 mai 2024 à Villefranche" or without the assembly. */
export function boardHeading(report: AnnualReport): string {
  if (!report.assembly) return "Le conseil d'administration";
  const place = report.assembly.place ? ` à ${report.assembly.place}` : '';
  return `Le conseil d'administration élu le ${formatDate(report.assembly.date)}${place}`;
}

/** "CASTA (09)" as printed under a board member's name. */
export function boardAffiliation(member: AnnualReport['board'][number]): string {
  if (!member.organisation) return member.department ? `(${member.department})` : '';
  return member.department ? `${member.organisation} (${member.department})` : member.organisation;
}

/** "AI / ACI / GES" after an organisation's name in the directory. */
export function organisationLine(
  org: AnnualReport['members']['byDepartment'][number]['organisations'][number],
): {
  name: string;
  details: string[];
} {
  const name = org.types.length > 0 ? `${org.name} – ${org.types.join(' / ')}` : org.name;
  const place = [org.postcode, org.city].filter(Boolean).join(' ');
  return { name, details: [org.address, place, org.phone, org.email].filter((d): d is string => !!d) };
}

/** The staff as a table; the missions column only when someone has missions recorded. */
export function staffTable(report: AnnualReport): { head: string[]; rows: string[][]; widths: number[] } {
  if (report.staff.some((s) => s.missions.length > 0))
    return {
      head: ['Nom', 'Fonction', 'Missions'],
      rows: report.staff.map((s) => [s.person, s.title, s.missions.join(', ')]),
      widths: [3, 3, 4],
    };
  return { head: ['Nom', 'Fonction'], rows: report.staff.map((s) => [s.person, s.title]), widths: [2, 3] };
}

/** The national representatives among the board, as one sentence or null. */
export function nationalRepresentatives(report: AnnualReport): string | null {
  const names = report.board.filter((b) => b.nationalRepresentative).map((b) => b.person);
  if (names.length === 0) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
  return `Représentation au conseil d'administration national : ${list}.`;
}

/** Generation line printed on the cover and in the footer of the HTML page. */
export function generationNote(report: AnnualReport): string {
  if (report.frozen) return `Version figée le ${formatDate(report.frozen.at.slice(0, 10))}`;
  return `Généré le ${formatDate(report.generatedAt.slice(0, 10))} à partir des données de Maillage`;
}
