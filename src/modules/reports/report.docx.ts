/**
 * The report as a DOCX staff can edit in Word or LibreOffice: a title page, a table of
 * contents field (filled from the headings, updated by Word on opening), real Heading 1 /
 * Heading 2 styles, real tables and bullet lists; nothing is drawn as an image.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { ACCENT, type Child, docxSection } from './report.docx.sections.ts';
import { CONTENTS_TITLE, coverTitle, generationNote, reportSections } from './report.outline.ts';
import type { AnnualReport } from './report.types.ts';

export async function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  const cover: Child[] = [
    new Paragraph({
      spacing: { before: 3600 },
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      text: coverTitle(report),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: report.delegation.name, bold: true, size: 36 })],
    }),
    ...(report.delegation.network
      ? [new Paragraph({ alignment: AlignmentType.CENTER, text: report.delegation.network })]
      : []),
    ...(report.delegation.tagline
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: report.delegation.tagline, italics: true })],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 1200 },
      children: [new TextRun({ text: generationNote(report), italics: true })],
    }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ text: CONTENTS_TITLE, heading: HeadingLevel.TITLE }),
    new TableOfContents(CONTENTS_TITLE, { hyperlink: true, headingStyleRange: '1-1' }),
  ];
  const body = reportSections(report).flatMap((s) => [
    new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    ...docxSection(report, s.id),
  ]);
  const doc = new Document({
    creator: 'Maillage',
    title: `${coverTitle(report)} – ${report.delegation.name}`,
    description: `Rapport d'activité ${report.year} généré par Maillage`,
    lastModifiedBy: report.frozen?.by ?? 'Maillage',
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'DejaVu Sans', size: 20 } },
        title: { run: { color: ACCENT, size: 56, bold: true } },
        heading1: { run: { color: ACCENT, size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading2: {
          run: { color: ACCENT, size: 26, bold: true },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { size: 22, bold: true },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 540, hanging: 270 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
          titlePage: true,
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [
                      `${report.delegation.name} – ${coverTitle(report)} – Page `,
                      PageNumber.CURRENT,
                      ' sur ',
                      PageNumber.TOTAL_PAGES,
                    ],
                    size: 16,
                    color: '5B6573',
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
