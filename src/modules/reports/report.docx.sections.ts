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
import * as content from './report.content.ts';
import { type Block, isBlank, parseMarkup, type Run } from './report.markup.ts';
import { NOT_WRITTEN, type SectionId } from './report.outline.ts';
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

const tableOf = (t: content.TableContent) => table(t.head, t.rows, t.widths);

function brief(report: AnnualReport): Child[] {
  const b = content.brief(report);
  return [
    new Paragraph({ children: runs(b.lead) }),
    h2(b.typesHeading),
    table(
      ['Type de structure', 'Adhérents'],
      b.types.map((t) => [t.label, t.text]),
      [4, 1],
    ),
    h2(b.departmentsHeading),
    plain(b.departments || content.NO_DEPARTMENT),
    ...(b.objectivesHeading ? [h2(b.objectivesHeading)] : []),
    ...b.objectives.flatMap((o) => [h3(o.axis), ...o.items.map(bullet)]),
  ];
}

function organisation(report: AnnualReport): Child[] {
  const board = content.board(report);
  const staff = content.staff(report);
  const missions = content.missions(report);
  return [
    h2(board.heading),
    board.table ? tableOf(board.table) : note(content.NO_BOARD),
    ...(board.representatives ? [plain(board.representatives)] : []),
    h2(content.STAFF_HEADING),
    staff ? tableOf(staff) : note(content.NO_STAFF),
    ...(missions.length > 0 ? [h2(content.MISSIONS_HEADING), ...missions.map(bullet)] : []),
  ];
}

function keyFigures(report: AnnualReport): Child[] {
  return content.figureGroups(report).flatMap((g) => [
    h2(g.label),
    table(
      ['Chiffre', 'Valeur', 'Source'],
      g.figures.map((f) => [f.detail ? `${f.label}\n${f.detail}` : f.label, f.value, f.source]),
      [4, 2, 4],
    ),
  ]);
}

function chronicle(report: AnnualReport): Child[] {
  const muted = { color: '5B6573', size: 18 };
  return content
    .chronicle(report)
    .flatMap((m) => [
      h2(m.heading),
      ...(m.empty ? [plain(m.empty, { italics: true, color: '5B6573' })] : []),
      ...m.actions.flatMap((a) => [
        h3(a.title),
        plain(a.meta, muted),
        ...blocks(a.summary),
        ...(a.partners ? [plain(a.partners, muted)] : []),
      ]),
    ]);
}

function members(report: AnnualReport): Child[] {
  return content.directory(report).flatMap((d) => [
    h2(`${d.title} ${d.count}`),
    table(
      d.head,
      d.organisations.map((o) => [o.name, o.address, o.contact]),
      [4, 4, 4],
    ),
  ]);
}

function partners(report: AnnualReport): Child[] {
  const p = content.partners(report);
  return [
    ...(p.items.length > 0
      ? p.items.map((i) =>
          bullet([{ text: i.kind ? `${i.name} (${i.kind})` : i.name, bold: false, italic: false }]),
        )
      : [note(content.NO_PARTNER)]),
    plain(p.delegation, { bold: true }),
    ...p.contact.map((c) => plain(c)),
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
      return [tableOf(content.delegations(report))];
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
