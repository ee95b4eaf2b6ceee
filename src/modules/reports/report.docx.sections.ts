/**
 * The bodies of the DOCX report's sections: paragraphs with the document's heading
 * styles, real tables and bullet lists (numbering "bullets", defined in report.docx.ts).
 */
import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  type TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  formatActionDate,
  formatFigure,
  formatNumber,
  formatParticipants,
  formatSource,
} from './report.format.ts';
import { type Block, isBlank, parseInline, parseMarkup, type Run } from './report.markup.ts';
import {
  boardAffiliation,
  boardHeading,
  figuresByGroup,
  membersByType,
  monthHeading,
  NO_ACTION,
  NOT_WRITTEN,
  nationalRepresentatives,
  organisationLine,
  type SectionId,
  staffTable,
} from './report.outline.ts';
import type { AnnualReport } from './report.types.ts';

export type Child = Paragraph | Table | TableOfContents;
export const ACCENT = '0B4F6C';

const runs = (items: Run[], size?: number) =>
  items.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size }));
const plain = (
  text: string,
  options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {},
) => new Paragraph({ children: [new TextRun({ text, ...options })] });
const h2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const h3 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_3 });
const bullet = (items: Run[]) =>
  new Paragraph({ children: runs(items), numbering: { reference: 'bullets', level: 0 } });
const note = (text: string) => plain(text, { italics: true, color: '8A5A00' });

function blocks(list: Block[]): Paragraph[] {
  return list.flatMap((b) =>
    b.kind === 'paragraph'
      ? [new Paragraph({ children: runs(b.runs), spacing: { after: 120 } })]
      : b.items.map(bullet),
  );
}

function staffText(text: string): Paragraph[] {
  return isBlank(text) ? [note(NOT_WRITTEN)] : blocks(parseMarkup(text));
}

function table(head: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      width: { size: Math.round(((widths[i] ?? 1) / total) * 100), type: WidthType.PERCENTAGE },
      shading: header ? { type: ShadingType.CLEAR, fill: 'EEF3F7', color: 'auto' } : undefined,
      children: (text || ' ').split('\n').map((line) => plain(line, { bold: header, size: 18 })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, true, i)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function brief(report: AnnualReport): Child[] {
  const d = report.delegation;
  const out: Child[] = [
    new Paragraph({
      children: runs([
        { text: `${d.name} rassemble `, bold: false, italic: false },
        { text: formatNumber(report.members.total), bold: true, italic: false },
        {
          text: ` adhérents (${formatNumber(report.members.organisations)} structures)${d.region ? ` en ${d.region}` : ''}.`,
          bold: false,
          italic: false,
        },
      ]),
    }),
    h2(`Nos adhérents en ${report.year}`),
    table(
      ['Type de structure', 'Adhérents'],
      membersByType(report).map((t) => [t.label, formatNumber(t.count)]),
      [4, 1],
    ),
    h2('Départements couverts'),
    plain(
      d.departmentsCovered.map((c) => `${c.code} ${c.name}`).join(' · ') || 'Aucun département renseigné.',
    ),
  ];
  if (d.objectives.length > 0) out.push(h2(`Les objectifs du réseau${d.network ? ` ${d.network}` : ''}`));
  for (const axis of new Set(d.objectives.map((o) => o.axis))) {
    out.push(h3(axis));
    for (const o of d.objectives.filter((x) => x.axis === axis))
      out.push(bullet(parseInline(o.number === null ? o.text : `**${o.number}** ${o.text}`)));
  }
  return out;
}

function organisation(report: AnnualReport): Child[] {
  const representatives = nationalRepresentatives(report);
  return [
    h2(boardHeading(report)),
    report.board.length > 0
      ? table(
          ['Nom', 'Fonction', 'Structure'],
          report.board.map((b) => [b.person, b.role, boardAffiliation(b)]),
          [3, 2, 4],
        )
      : note('Aucun mandat en cours.'),
    ...(representatives ? [plain(representatives)] : []),
    h2('L’équipe salariée'),
    report.staff.length > 0
      ? table(staffTable(report).head, staffTable(report).rows, staffTable(report).widths)
      : note('Aucun salarié renseigné.'),
    ...(report.delegation.missions.length > 0
      ? [h2('Nos missions'), ...report.delegation.missions.map((m) => bullet(parseInline(m.label)))]
      : []),
  ];
}

function keyFigures(report: AnnualReport): Child[] {
  return figuresByGroup(report).flatMap((g) => [
    h2(g.label),
    table(
      ['Chiffre', 'Valeur', 'Source'],
      g.figures.map((f) => [
        f.detail ? `${f.label}\n${f.detail}` : f.label,
        formatFigure(f),
        `${formatSource(f)}${f.synthetic ? ' (données de démonstration)' : ''}`,
      ]),
      [4, 2, 4],
    ),
  ]);
}

function chronicle(report: AnnualReport): Child[] {
  return report.chronicle.flatMap((m) => [
    h2(monthHeading(m.month, report.year)),
    ...(m.actions.length === 0 ? [plain(NO_ACTION, { italics: true, color: '5B6573' })] : []),
    ...m.actions.flatMap((a) => [
      h3(a.title),
      plain(
        [formatActionDate(a), a.place, a.participants ? formatParticipants(a.participants) : null]
          .filter(Boolean)
          .join(' · '),
        { color: '5B6573', size: 18 },
      ),
      ...(a.summary ? blocks(parseMarkup(a.summary)) : []),
      ...(a.partners.length > 0
        ? [plain(`Avec : ${a.partners.join(', ')}`, { color: '5B6573', size: 18 })]
        : []),
    ]),
  ]);
}

function members(report: AnnualReport): Child[] {
  return report.members.byDepartment.flatMap((d) => [
    h2(`${d.code}. ${d.name} (${formatNumber(d.count)})`),
    table(
      ['Structure', 'Adresse', 'Contact'],
      d.organisations.map((o) => [
        organisationLine(o).name,
        [o.address, [o.postcode, o.city].filter(Boolean).join(' ')].filter(Boolean).join('\n'),
        [o.phone, o.email].filter(Boolean).join('\n'),
      ]),
      [4, 4, 4],
    ),
  ]);
}

function partners(report: AnnualReport): Child[] {
  const d = report.delegation;
  const contact = [
    ...d.addresses.map((a) => `${a.line}, ${a.postcode} ${a.city}`),
    d.phone,
    d.email,
    d.website,
  ];
  return [
    ...(report.partners.length > 0
      ? report.partners.map((p) =>
          bullet([{ text: p.kind ? `${p.name} (${p.kind})` : p.name, bold: false, italic: false }]),
        )
      : [note('Aucun partenaire enregistré.')]),
    plain(d.name, { bold: true }),
    ...contact.filter((c): c is string => !!c).map((c) => plain(c)),
  ];
}

/** The body of one section (its Heading 1 is written by the caller). */
export function docxSection(report: AnnualReport, id: SectionId): Child[] {
  switch (id) {
    case 'presidentWord':
      return [
        ...staffText(report.texts.presidentWord),
        ...(report.texts.presidentSignature
          ? [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: report.texts.presidentSignature, bold: true })],
              }),
            ]
          : []),
      ];
    case 'brief':
      return brief(report);
    case 'delegations':
      return [
        table(
          ['Délégation', 'Adhérents', 'Actions'],
          (report.delegations ?? []).map((d) => [
            d.name,
            formatNumber(d.membersTotal),
            formatNumber(d.actions),
          ]),
          [6, 2, 2],
        ),
      ];
    case 'organisation':
      return organisation(report);
    case 'keyFigures':
      return keyFigures(report);
    case 'chronicle':
      return chronicle(report);
    case 'members':
      return members(report);
    case 'priorities':
      return staffText(report.texts.priorities);
    case 'partners':
      return partners(report);
  }
}
