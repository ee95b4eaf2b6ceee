/**
 * The words and tables of each section, once for the three renderers (HTML, PDF, DOCX):
 * they only lay them out. A label changed here changes in every format.
 */
import {
  formatActionDate,
  formatFigure,
  formatNumber,
  formatParticipants,
  formatSource,
} from './report.format.ts';
import { type Block, parseInline, parseMarkup, type Run } from './report.markup.ts';
import {
  boardAffiliation,
  boardHeading,
  figuresByGroup,
  membersByType,
  monthHeading,
  NO_ACTION,
  nationalRepresentatives,
  organisationLine,
  staffTable,
} from './report.outline.ts';
import type { AnnualReport } from './report.types.ts';

export interface TableContent {
  head: string[];
  rows: string[][];
  widths: number[];
}

export const NO_DEPARTMENT = 'Aucun département renseigné.';
export const NO_BOARD = 'Aucun mandat en cours.';
export const STAFF_HEADING = 'L’équipe salariée';
export const NO_STAFF = 'Aucun salarié renseigné.';
export const MISSIONS_HEADING = 'Nos missions';
export const NO_PARTNER = 'Aucun partenaire enregistré.';

const plainRun = (text: string): Run => ({ text, bold: false, italic: false });

export function brief(report: AnnualReport) {
  const d = report.delegation;
  const axes = [...new Set(d.objectives.map((o) => o.axis))];
  return {
    lead: [
      plainRun(`${d.name} rassemble `),
      { text: formatNumber(report.members.total), bold: true, italic: false },
      plainRun(
        ` adhérents (${formatNumber(report.members.organisations)} structures)${d.region ? ` en ${d.region}` : ''}.`,
      ),
    ],
    typesHeading: `Nos adhérents en ${report.year}`,
    types: membersByType(report).map((t) => ({
      label: t.label,
      value: t.count,
      text: formatNumber(t.count),
    })),
    departmentsHeading: 'Départements couverts',
    departments: d.departmentsCovered.map((c) => `${c.code} ${c.name}`).join(' · '),
    objectivesHeading:
      d.objectives.length > 0 ? `Les objectifs du réseau${d.network ? ` ${d.network}` : ''}` : null,
    // An objective's number in bold before its text.
    objectives: axes.map((axis) => ({
      axis,
      items: d.objectives
        .filter((o) => o.axis === axis)
        .map((o) => parseInline(o.number === null ? o.text : `**${o.number}** ${o.text}`)),
    })),
  };
}

export function board(report: AnnualReport) {
  const table: TableContent | null =
    report.board.length > 0
      ? {
          head: ['Nom', 'Fonction', 'Structure'],
          rows: report.board.map((b) => [b.person, b.role, boardAffiliation(b)]),
          widths: [3, 2, 4],
        }
      : null;
  return { heading: boardHeading(report), table, representatives: nationalRepresentatives(report) };
}

export const staff = (report: AnnualReport): TableContent | null =>
  report.staff.length > 0 ? staffTable(report) : null;

export const missions = (report: AnnualReport): Run[][] =>
  report.delegation.missions.map((m) => parseInline(m.label));

export function figureGroups(report: AnnualReport) {
  return figuresByGroup(report).map((g) => ({
    label: g.label,
    figures: g.figures.map((f) => ({
      value: formatFigure(f),
      label: f.label,
      detail: f.detail,
      source: `${formatSource(f)}${f.synthetic ? ' (données de démonstration)' : ''}`,
      declared: f.source === 'declared',
      kind: f.source,
    })),
  }));
}

export function chronicle(report: AnnualReport) {
  return report.chronicle.map((m) => ({
    heading: monthHeading(m.month, report.year),
    empty: m.actions.length === 0 ? NO_ACTION : null,
    actions: m.actions.map((a) => ({
      title: a.title,
      meta: [formatActionDate(a), a.place, a.participants ? formatParticipants(a.participants) : null]
        .filter(Boolean)
        .join(' · '),
      summary: a.summary ? parseMarkup(a.summary) : ([] as Block[]),
      partners: a.partners.length > 0 ? `Avec : ${a.partners.join(', ')}` : null,
    })),
  }));
}

export function directory(report: AnnualReport) {
  return report.members.byDepartment.map((d) => ({
    title: `${d.code}. ${d.name}`,
    count: `(${formatNumber(d.count)})`,
    head: ['Structure', 'Adresse', 'Contact'],
    organisations: d.organisations.map((o) => ({
      ...organisationLine(o),
      address: [o.address, [o.postcode, o.city].filter(Boolean).join(' ')].filter(Boolean).join('\n'),
      contact: [o.phone, o.email].filter(Boolean).join('\n'),
    })),
  }));
}

export const delegations = (report: AnnualReport): TableContent => ({
  head: ['Délégation', 'Adhérents', 'Actions'],
  rows: (report.delegations ?? []).map((d) => [
    d.name,
    formatNumber(d.membersTotal),
    formatNumber(d.actions),
  ]),
  widths: [6, 2, 2],
});

export function partners(report: AnnualReport) {
  const d = report.delegation;
  const contact = [
    ...d.addresses.map((a) => `${a.line}, ${a.postcode} ${a.city}`),
    d.phone,
    d.email,
    d.website,
  ];
  return {
    items: report.partners.map((p) => ({ name: p.name, kind: p.kind })),
    delegation: d.name,
    contact: contact.filter((c): c is string => !!c),
  };
}
